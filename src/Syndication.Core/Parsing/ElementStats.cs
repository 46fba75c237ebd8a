using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// Per-element totals over its subtree, computed bottom-up once: characters of text (white space not counted),
/// characters inside links, and the number of links. Lets link density be asked of any element in O(1).
/// </summary>
public sealed class ElementStats
{
    private readonly int[] _text;
    private readonly int[] _linkText;
    private readonly int[] _links;
    private readonly int[] _headings;
    private readonly int[] _linkedHeadings;

    public ElementStats(DomOrder order)
    {
        var n = order.Count;
        _text = new int[n];
        _linkText = new int[n];
        _links = new int[n];
        _headings = new int[n];
        _linkedHeadings = new int[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var element = order[i];
            PageCost.Check();
            if (TextBlockReader.IsNotRendered(element))
            {
                continue;
            }

            var text = 0;
            foreach (var child in element.ChildNodes)
            {
                if (child is IText t)
                {
                    text += CountVisibleChars(t.Data);
                }
            }

            var linkText = 0;
            var links = 0;
            var headings = 0;
            var linkedHeadings = 0;
            foreach (var node in element.ChildNodes)
            {
                if (node is not IElement child)
                {
                    continue;
                }

                var c = order.IndexOf(child);
                if (c < 0)
                {
                    continue;
                }

                text += _text[c];
                linkText += _linkText[c];
                links += _links[c];
                headings += _headings[c];
                linkedHeadings += _linkedHeadings[c];
            }

            var isHeading = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
            if (isHeading)
            {
                headings++;
                linkedHeadings += links > 0 ? 1 : 0;
            }

            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                linkText = text;
                links++;
                linkedHeadings += headings > 0 && linkedHeadings == 0 ? 1 : 0;
            }

            _text[i] = text;
            _linkText[i] = linkText;
            _links[i] = links;
            _headings[i] = headings;
            _linkedHeadings[i] = linkedHeadings;
        }
    }

    public int TextLength(int index) => _text[index];

    public int LinkTextLength(int index) => _linkText[index];

    public int LinkCount(int index) => _links[index];

    /// <summary>Headlines that are links (a heading holding a link, or a link holding a heading) in the subtree: teasers.</summary>
    public int LinkedHeadings(int index) => _linkedHeadings[index];

    private static int CountVisibleChars(string data)
    {
        var count = 0;
        foreach (var c in data)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }
}
