using System.Text;
using AngleSharp.Dom;
using Syndication.Text;

namespace Syndication.Parsing;

/// <summary>Cuts a document into <see cref="TextBlock"/>s in document order, without recursion.</summary>
public static class TextBlockReader
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td",
        "th", "caption", "legend", "ul", "html", "option",
    };

    /// <summary>Elements whose content a reader never sees as text.</summary>
    private static readonly HashSet<string> NotRendered = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "template", "noscript", "title", "meta", "link", "iframe", "object", "embed", "svg",
        "math", "canvas", "video", "audio", "select", "textarea", "input", "button", "datalist", "map", "source", "track",
    };

    public static bool IsNotRendered(IElement element) => NotRendered.Contains(element.LocalName);

    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName) || element.LocalName.Contains('-', StringComparison.Ordinal);

    public static List<TextBlock> Read(IDocument document, DomOrder order, Visibility visibility)
    {
        var builders = new List<(IElement Element, StringBuilder Visible, StringBuilder Hidden, string? Reason)>();
        var stack = new Stack<(INode Node, int Block)>();
        if (document.DocumentElement is { } root)
        {
            stack.Push((root, -1));
        }

        while (stack.Count > 0)
        {
            var (node, block) = stack.Pop();
            PageCost.Check();
            if (node is IText text)
            {
                if (block < 0 || text.Data.Length == 0)
                {
                    continue;
                }

                var parent = text.ParentElement;
                var builder = builders[block];
                var reason = parent is null ? null : visibility.ReasonFor(parent);
                if (reason is null)
                {
                    AppendFlattened(builder.Visible, text.Data);
                }
                else
                {
                    builder.Hidden.Append(text.Data).Append(' ');
                    if (builder.Reason is null)
                    {
                        builders[block] = builder with { Reason = reason };
                    }
                }

                continue;
            }

            if (node is not IElement element || IsNotRendered(element))
            {
                continue;
            }

            if (element.LocalName == "br")
            {
                if (block >= 0)
                {
                    builders[block].Visible.Append('\n');
                }

                continue;
            }

            var current = block;
            if (IsBlock(element))
            {
                builders.Add((element, new StringBuilder(), new StringBuilder(), null));
                current = builders.Count - 1;
            }
            else if (block >= 0)
            {
                // Where two inline elements meet, a CSS margin usually separates them on screen.
                builders[block].Visible.Append(Boundary);
            }

            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], current));
            }
        }

        var blocks = new List<TextBlock>(builders.Count);
        foreach (var (element, visible, hidden, reason) in builders)
        {
            var text = CollapseLines(visible.ToString());
            var hiddenText = TextFolding.CollapseWhiteSpace(hidden.ToString());
            if (text.Length == 0 && hiddenText.Length == 0)
            {
                continue;
            }

            blocks.Add(new TextBlock(element, order.IndexOf(element), text, hiddenText, reason));
        }

        return blocks;
    }

    /// <summary>Marks where an inline element starts; resolved to a space or nothing in <see cref="ResolveBoundaries"/>.</summary>
    private const char Boundary = '\u2063';

    /// <summary>
    /// "&lt;span&gt;Burrow&lt;/span&gt;&lt;span&gt;Daily Caller&lt;/span&gt;" reads "Burrow Daily Caller" (a lower-case letter meets
    /// an upper-case one across elements); "&lt;b&gt;Mic&lt;/b&gt;aela" and a drop cap "&lt;span&gt;I&lt;/span&gt;ran" stay one word.
    /// </summary>
    private static string ResolveBoundaries(string text)
    {
        if (text.IndexOf(Boundary, StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != Boundary)
            {
                builder.Append(text[i]);
                continue;
            }

            var next = i + 1;
            while (next < text.Length && text[next] == Boundary)
            {
                next++;
            }

            if (builder.Length > 0 && next < text.Length && char.IsLower(builder[^1]) && char.IsUpper(text[next]))
            {
                builder.Append(' ');
            }

            i = next - 1;
        }

        return builder.ToString();
    }

    private static string CollapseLines(string text)
    {
        text = ResolveBoundaries(text);
        if (text.IndexOf('\n', StringComparison.Ordinal) < 0)
        {
            return TextFolding.CollapseWhiteSpace(text);
        }

        // Only <br> made '\n' here (source newlines were flattened to spaces).
        var lines = text.Split('\n').Select(TextFolding.CollapseWhiteSpace).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void AppendFlattened(StringBuilder builder, string data)
    {
        foreach (var c in data)
        {
            builder.Append(c is '\n' or '\r' ? ' ' : c);
        }
    }
}
