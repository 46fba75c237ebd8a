namespace Syndication.Parsing;

/// <summary>Decodes page bytes and parses them with AngleSharp (scripting off, so &lt;noscript&gt; fallbacks are elements).</summary>
public static class PageParser
{
    public static PageDocument Parse(byte[] bytes, string? httpCharset)
    {
        var decoded = CharsetDecoder.Decode(bytes, httpCharset);
        return ParseText(decoded.Text, decoded.Encoding.WebName, decoded.EncodingSource);
    }

    public static PageDocument ParseText(string html, string encodingName = "utf-8", string encodingSource = "text")
    {
        var document = Parsers.ParseHtml(html);
        return new PageDocument(document, encodingName, encodingSource);
    }

    /// <summary>
    /// The DOM a browser rendered, marked with what it saw hidden (<see cref="RenderedMarks"/>): judged by the same
    /// locator and checks as a fetched page, with the browser's visibility instead of the estimate from the markup.
    /// </summary>
    public static PageDocument ParseRendered(string html, string encodingName)
    {
        var document = Parsers.ParseRenderedHtml(html);
        return new PageDocument(document, encodingName, "rendered", RenderedMarks.Take(document));
    }
}
