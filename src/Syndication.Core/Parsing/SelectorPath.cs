using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// A CSS selector that finds exactly this element, readable by a person: from the nearest ancestor with a unique
/// id, each step its tag, its first class and, where siblings share the tag, <c>:nth-of-type</c>.
/// </summary>
public static partial class SelectorPath
{
    public static string For(IElement element)
    {
        var steps = new List<string>();
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsUniqueId(e))
            {
                steps.Add("#" + e.Id);
                break;
            }

            steps.Add(Step(e));
            if (e.LocalName is "html" or "body")
            {
                break;
            }
        }

        steps.Reverse();
        return string.Join(" > ", steps);
    }

    private static string Step(IElement e)
    {
        var builder = new StringBuilder(e.LocalName);
        var firstClass = ClassNames.Ask(e, nameof(SelectorPath), classes => classes.FirstOrDefault(c => Ident().IsMatch(c)));
        if (firstClass is not null)
        {
            builder.Append('.').Append(firstClass);
        }

        if (e.ParentElement is { } parent)
        {
            var sameTag = 0;
            var position = 0;
            foreach (var sibling in ElementChildren.Of(parent))
            {
                if (sibling.LocalName == e.LocalName)
                {
                    sameTag++;
                    if (ReferenceEquals(sibling, e))
                    {
                        position = sameTag;
                    }
                }
            }

            if (sameTag > 1)
            {
                builder.Append(":nth-of-type(").Append(position).Append(')');
            }
        }

        return builder.ToString();
    }

    private static bool IsUniqueId(IElement e)
    {
        var id = e.Id;
        if (string.IsNullOrEmpty(id) || !Ident().IsMatch(id) || e.Owner is null)
        {
            return false;
        }

        return ReferenceEquals(e.Owner.GetElementById(id), e) && e.Owner.QuerySelectorAll("[id='" + id + "']").Length == 1;
    }

    [GeneratedRegex("^-?[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Ident();
}
