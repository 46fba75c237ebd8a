using System.Text;
using System.Xml;

namespace Syndication.Sitemaps;

/// <summary>
/// One sitemap document read as a stream, item by item, never loaded whole: a <c>urlset</c> (pages, with news
/// titles and dates), a <c>sitemapindex</c> (more sitemaps) or a text sitemap (one URL a line). XML is read with
/// DTDs prohibited and no resolver, so entity expansion (billion laughs) and external entities cannot happen.
/// Throws <see cref="XmlException"/> or <see cref="SitemapFormatException"/> when the document is not a sitemap.
/// </summary>
internal sealed class SitemapDocument : IDisposable
{
    private const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    private readonly XmlReader? _xml;
    private readonly StreamReader? _text;

    private SitemapDocument(SitemapKind kind, XmlReader? xml, StreamReader? text)
    {
        Kind = kind;
        _xml = xml;
        _text = text;
    }

    public SitemapKind Kind { get; }

    /// <summary>A raw item: the text of its loc, lastmod and (news sitemaps) title and publication date.</summary>
    public sealed record Item(string? Location, string? LastModified, string? NewsTitle, string? NewsPublished);

    public static XmlReaderSettings XmlSettings(bool async) => new()
    {
        Async = async,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>Opens a document: XML when it starts with markup, a text sitemap otherwise. Reads up to the root element.</summary>
    public static async Task<SitemapDocument> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = await ReadHeadAsync(stream, cancellationToken);
        var whole = new HeadedStream(head, stream);
        if (!StartsWithMarkup(head))
        {
            if (Fetching.ContentSniffer.DescribeNonHtml(head) is { } what and not "plain text")
            {
                throw new SitemapFormatException($"is {what}{(what.StartsWith("gzip", StringComparison.Ordinal) ? " inside gzip" : string.Empty)}, not a sitemap");
            }

            return new SitemapDocument(SitemapKind.Text, null, new StreamReader(whole, Encoding.UTF8, detectEncodingFromByteOrderMarks: true));
        }

        var xml = XmlReader.Create(whole, XmlSettings(async: true));
        try
        {
            await xml.MoveToContentAsync();
            var kind = xml.LocalName switch
            {
                "urlset" => SitemapKind.Urls,
                "sitemapindex" => SitemapKind.Index,
                "rss" or "feed" or "RDF" => throw new SitemapFormatException($"is an RSS or Atom feed (<{xml.LocalName}>), not a sitemap"),
                "html" => throw new SitemapFormatException("is an HTML page (<html>), not a sitemap"),
                _ => throw new SitemapFormatException($"is not a sitemap: its root element is <{Shorten(xml.Name)}>, not <urlset> or <sitemapindex>"),
            };
            return new SitemapDocument(kind, xml, null);
        }
        catch
        {
            xml.Dispose();
            throw;
        }
    }

    /// <summary>The next item, or null at the end of the document.</summary>
    public async Task<Item?> NextAsync(CancellationToken cancellationToken)
    {
        if (_text is not null)
        {
            while (await _text.ReadLineAsync(cancellationToken) is { } line)
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0)
                {
                    return new Item(trimmed, null, null, null);
                }
            }

            return null;
        }

        var itemName = Kind == SitemapKind.Urls ? "url" : "sitemap";
        var xml = _xml!;
        while (await xml.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != 1)
            {
                continue;
            }

            if (xml.LocalName == itemName)
            {
                return await ReadItemAsync(xml);
            }

            await xml.SkipAsync();
        }

        return null;
    }

    public void Dispose()
    {
        _xml?.Dispose();
        _text?.Dispose();
    }

    /// <summary>
    /// Reads one &lt;url&gt; or &lt;sitemap&gt;: loc and lastmod as its own children (an image's or video's loc is
    /// not the page's), title and publication_date inside its news:news.
    /// </summary>
    private static async Task<Item> ReadItemAsync(XmlReader xml)
    {
        string? location = null, modified = null, title = null, published = null;
        if (xml.IsEmptyElement)
        {
            return new Item(null, null, null, null);
        }

        var inNews = false;
        await xml.ReadAsync();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == 1))
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.Depth, xml.LocalName)
                {
                    case (2, "loc"):
                        location = await xml.ReadElementContentAsStringAsync();
                        continue;
                    case (2, "lastmod"):
                        modified = await xml.ReadElementContentAsStringAsync();
                        continue;
                    case (2, "news"):
                        inNews = xml.NamespaceURI == NewsNamespace || xml.Prefix == "news";
                        break;
                    case (2, _):
                        inNews = false;
                        break;
                    case (3, "title") when inNews:
                        title = await xml.ReadElementContentAsStringAsync();
                        continue;
                    case (3, "publication_date") when inNews:
                        published = await xml.ReadElementContentAsStringAsync();
                        continue;
                }
            }

            await xml.ReadAsync();
        }

        return new Item(location, modified, title, published);
    }

    private static async Task<byte[]> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[512];
        var length = 0;
        while (length < head.Length)
        {
            var read = await stream.ReadAsync(head.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return head[..length];
    }

    /// <summary>True when the first character after a byte-order mark and white space is '&lt;' (or the text is UTF-16).</summary>
    private static bool StartsWithMarkup(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
        {
            return true;
        }

        var first = span.IndexOfAnyExcept((ReadOnlySpan<byte>)" \t\r\n"u8);
        return first < 0 || span[first] == (byte)'<';
    }

    private static string Shorten(string text) => Syndication.Text.TextShortening.End(text, 60);
}

/// <summary>What a sitemap document holds.</summary>
internal enum SitemapKind
{
    Urls,
    Index,
    Text,
}

/// <summary>A document that is well-formed but not a sitemap (a feed, an HTML page, another XML).</summary>
internal sealed class SitemapFormatException(string message) : Exception(message);
