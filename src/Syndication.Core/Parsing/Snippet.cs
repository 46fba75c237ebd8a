using System.Net;
using System.Text;
using AngleSharp.Dom;
using Syndication.Text;

namespace Syndication.Parsing;

/// <summary>
/// A short outer-HTML excerpt of an element for evidence: tags and text in order, cut at a length, long attribute
/// values (data URIs, srcsets) shortened. Written without recursion so a deeply nested element cannot overflow.
/// </summary>
public static class Snippet
{
    public const int DefaultLength = 300;
    private const int MaxAttributeLength = 120;

    public static string Of(IElement element, int maxLength = DefaultLength)
    {
        var builder = new StringBuilder();
        var stack = new Stack<(INode Node, bool Close)>();
        stack.Push((element, false));
        while (stack.Count > 0 && builder.Length < maxLength)
        {
            var (node, close) = stack.Pop();
            switch (node)
            {
                case IElement e when close:
                    builder.Append("</").Append(e.LocalName).Append('>');
                    break;
                case IElement e:
                    AppendStartTag(builder, e);
                    if (IsVoid(e.LocalName))
                    {
                        break;
                    }

                    stack.Push((e, true));
                    for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                    {
                        stack.Push((e.ChildNodes[i], false));
                    }

                    break;
                case IText t:
                    builder.Append(WebUtility.HtmlEncode(Collapse(t.Data)));
                    break;
            }
        }

        if (builder.Length >= maxLength || stack.Count > 0)
        {
            return builder.ToString(0, Math.Min(builder.Length, maxLength)) + "…";
        }

        return builder.ToString();
    }

    private static void AppendStartTag(StringBuilder builder, IElement e)
    {
        builder.Append('<').Append(e.LocalName);
        foreach (var attribute in e.Attributes)
        {
            var value = attribute.Value;
            if (value.Length > MaxAttributeLength)
            {
                value = TextShortening.End(value, MaxAttributeLength + 1);
            }

            builder.Append(' ').Append(attribute.Name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        }

        builder.Append('>');
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    builder.Append(' ');
                }

                space = true;
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }

        return builder.ToString();
    }

    private static bool IsVoid(string tag) =>
        tag is "img" or "br" or "hr" or "meta" or "link" or "input" or "source" or "area" or "base" or "col" or "embed" or "param" or "track" or "wbr";
}
