using AngleSharp.Dom;
using Syndication.Parsing;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Checks;

/// <summary>Builds evidence for an element: selector path, outer-HTML snippet, visible text.</summary>
public static class EvidenceFactory
{
    private const int TextLength = 200;

    public static Evidence For(IElement element, string? note = null, string? text = null) =>
        new(SelectorPath.For(element), Snippet.Of(element), Shorten(text ?? TextFolding.CollapseWhiteSpace(element.TextContent)), note);

    /// <summary>
    /// The smallest element inside the block (not crossing into nested blocks) whose text holds the words. Spaces are
    /// left out on both sides: the block's text has a space where two inline elements meet ("Micaela Burrow" from
    /// &lt;a&gt;Micaela&lt;/a&gt;&lt;a&gt;Burrow&lt;/a&gt;), an element's own text does not.
    /// </summary>
    public static IElement Narrowest(TextBlock block, string words)
    {
        var target = WithoutSpaces(TextFolding.Fold(words));
        var best = block.Element;
        var stack = new Stack<IElement>();
        foreach (var child in ElementChildren.Of(block.Element))
        {
            stack.Push(child);
        }

        var visited = 0;
        while (stack.Count > 0 && visited++ < 400)
        {
            var element = stack.Pop();
            if (TextBlockReader.IsBlock(element) || TextBlockReader.IsNotRendered(element))
            {
                continue;
            }

            if (WithoutSpaces(TextFolding.Fold(TextFolding.CollapseWhiteSpace(element.TextContent))).Contains(target, StringComparison.Ordinal))
            {
                best = element;
                stack.Clear();
                foreach (var child in ElementChildren.Of(element))
                {
                    stack.Push(child);
                }
            }
        }

        return best;
    }

    private static string WithoutSpaces(string folded) => folded.Replace(" ", string.Empty, StringComparison.Ordinal);

    public static string Shorten(string text, int length = TextLength) => TextShortening.End(text, length);
}
