using AngleSharp.Css.Parser;
using AngleSharp.Html.Parser;

namespace Syndication.Parsing;

/// <summary>
/// One HTML parser and one CSS parser per thread. Building a parser builds a whole AngleSharp configuration and
/// browsing context, which cost about a tenth of a page's parse; a parser may parse any number of documents, but
/// not two at once (AngleSharp's maintainer recommends one per thread: AngleSharp/AngleSharp#880).
/// </summary>
internal static class Parsers
{
    [ThreadStatic]
    private static HtmlParser? _html;

    [ThreadStatic]
    private static CssParser? _css;

    /// <summary>Scripting off, so &lt;noscript&gt; fallbacks are elements, as a reader without scripts sees them.</summary>
    private static HtmlParser Html => _html ??= new HtmlParser(new HtmlParserOptions { IsScripting = false, OnCreated = TreeLimits.Created });

    [ThreadStatic]
    private static HtmlParser? _rendered;

    /// <summary>Scripting on, as in the browser that rendered the page: a &lt;noscript&gt; holds text, never elements.</summary>
    private static HtmlParser Rendered => _rendered ??= new HtmlParser(new HtmlParserOptions { IsScripting = true, OnCreated = TreeLimits.Created });

    /// <summary>Parses the DOM a browser rendered (see <see cref="ParseHtml"/> for the limits).</summary>
    public static AngleSharp.Html.Dom.IHtmlDocument ParseRenderedHtml(string html) => (AngleSharp.Html.Dom.IHtmlDocument)TreeLimits.Parse(() => Rendered.ParseDocument(html));

    /// <summary>
    /// Parses HTML (a page, an original, a feed item's body) within <see cref="PageCost"/>'s limits on the tree;
    /// throws <see cref="PageTooComplexException"/> for a page over them.
    /// </summary>
    public static AngleSharp.Html.Dom.IHtmlDocument ParseHtml(string html) => (AngleSharp.Html.Dom.IHtmlDocument)TreeLimits.Parse(() => Html.ParseDocument(html));

    public static CssParser Css => _css ??= new CssParser();
}
