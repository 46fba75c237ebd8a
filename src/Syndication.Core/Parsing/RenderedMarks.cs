using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// What the browser wrote on a rendered page's elements (Rendering/mark-visibility.js): why a reader cannot see an
/// element, and a number to find the element again in the live page (to outline it in a screenshot). Taken off the
/// elements once read, so evidence snippets show the page's own markup.
/// </summary>
public sealed class RenderedMarks
{
    public const string HiddenAttribute = "data-syndication-hidden";
    public const string IdAttribute = "data-syndication-id";

    private readonly Dictionary<IElement, string> _hidden = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, int> _ids = new(ReferenceEqualityComparer.Instance);

    private RenderedMarks()
    {
    }

    public IReadOnlyDictionary<IElement, string> Hidden => _hidden;

    /// <summary>The element's number in the rendered page, or null for one the browser did not number.</summary>
    public int? IdOf(IElement element) => _ids.TryGetValue(element, out var id) ? id : null;

    public static RenderedMarks Take(IDocument document)
    {
        var marks = new RenderedMarks();
        foreach (var element in document.All)
        {
            if (element.GetAttribute(HiddenAttribute) is { } why)
            {
                marks._hidden[element] = "rendered: " + why;
                element.RemoveAttribute(HiddenAttribute);
            }

            if (element.GetAttribute(IdAttribute) is { } id)
            {
                if (int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    marks._ids[element] = number;
                }

                element.RemoveAttribute(IdAttribute);
            }
        }

        return marks;
    }
}
