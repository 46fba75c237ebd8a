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
    public static HtmlParser Html => _html ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });

    public static CssParser Css => _css ??= new CssParser();
}
