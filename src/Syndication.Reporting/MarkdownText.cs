using System.Text;

namespace Syndication.Reporting;

/// <summary>
/// Page text for GitHub-flavoured Markdown: one line (<see cref="TerminalText"/>), and every character that could
/// start markup inside a line backslash-escaped (CommonMark lets any ASCII punctuation be escaped): HTML and
/// entities, links and images, code, emphasis, math, mentions and issue references, and pipes, so a table cell
/// stays one cell. Line-start markup (# - + 1.) cannot occur: page text never starts a line here. Links only for
/// http(s), with the characters that would end a link destination encoded.
/// </summary>
public static class MarkdownText
{
    private const string Special = "\\`*_[]<>|~&$@#";

    public static string Escape(string? text)
    {
        var safe = TerminalText.Safe(text);
        var builder = new StringBuilder(safe.Length + 8);
        foreach (var c in safe)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A link for an http(s) address; the address as escaped text otherwise.</summary>
    public static string Link(string? text, string? address)
    {
        var href = SafeLink.Href(address);
        if (href is null)
        {
            return Escape(text);
        }

        var destination = href.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
            .Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
        return $"[{Escape(text)}]({destination})";
    }
}
