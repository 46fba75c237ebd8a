using AngleSharp.Dom;

namespace Syndication.Reporting;

/// <summary>
/// Small helpers over AngleSharp's DOM: every text goes in as a text node and every attribute through SetAttribute,
/// so the serialiser encodes it for its context. Page text is also made visible first (<see cref="TerminalText"/>):
/// a right-to-left override or a control character shows as \u202E instead of reordering what the reader sees.
/// </summary>
internal sealed class HtmlBuilder(IDocument document)
{
    public IElement Element(string tag, string? className = null, string? text = null)
    {
        var element = document.CreateElement(tag);
        if (className is not null)
        {
            element.ClassName = className;
        }

        if (text is not null)
        {
            element.AppendChild(document.CreateTextNode(text));
        }

        return element;
    }

    /// <summary>Page-supplied text, one line.</summary>
    public IElement Text(string tag, string? className, string? pageText) => Element(tag, className, TerminalText.Safe(pageText));

    /// <summary>Page-supplied text that may span lines (a snippet, visible text).</summary>
    public IElement Block(string tag, string? className, string? pageText) => Element(tag, className, TerminalText.Safe(pageText, keepLineBreaks: true));

    public INode Plain(string text) => document.CreateTextNode(text);

    /// <summary>A link when the address is http(s); the address as text otherwise (javascript:, data:, file paths).</summary>
    public IElement Link(string? address, string? label, string className)
    {
        var href = SafeLink.Href(address);
        if (href is null)
        {
            return Text("span", className + " not-link", label ?? address);
        }

        var link = Text("a", className, label ?? address);
        link.SetAttribute("href", href);
        link.SetAttribute("rel", "noopener noreferrer nofollow");
        link.SetAttribute("target", "_blank");
        return link;
    }
}
