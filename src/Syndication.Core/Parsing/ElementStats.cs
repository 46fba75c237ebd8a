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

    public ElementStats(DomOrder order)
    {
        var n = order.Count;
        _text = new int[n];
        _linkText = new int[n];
        _links = new int[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var element = order[i];
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
            foreach (var child in ElementChildren.Of(element))
            {
                var c = order.IndexOf(child);
                if (c < 0)
                {
                    continue;
                }

                text += _text[c];
                linkText += _linkText[c];
                links += _links[c];
            }

            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                linkText = text;
                links++;
            }

            _text[i] = text;
            _linkText[i] = linkText;
            _links[i] = links;
        }
    }

    public int TextLength(int index) => _text[index];

    public int LinkTextLength(int index) => _linkText[index];

    public int LinkCount(int index) => _links[index];

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
