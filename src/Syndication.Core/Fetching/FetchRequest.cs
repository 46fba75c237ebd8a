namespace Syndication.Fetching;

/// <summary>A page to fetch, and what its partner's settings change about fetching it.</summary>
public sealed record FetchRequest(PageAddress Address, bool IgnoreRobots = false)
{
    /// <summary>What a partner page may be: HTML.</summary>
    public static readonly ContentKinds Page = new(
        "HTML",
        "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        ["text/html", "application/xhtml+xml"]);

    /// <summary>What a source of originals may be: a feed (served under any of the XML types) or an article page.</summary>
    public static readonly ContentKinds FeedOrPage = new(
        "a feed or HTML",
        "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,*/*;q=0.1",
        ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml", "text/plain", "text/html", "application/xhtml+xml"]);

    /// <summary>
    /// What a sitemap may be served as: XML, a gzipped file (<c>sitemap.xml.gz</c>, often under a generic type) or a text
    /// sitemap (one URL a line). HTML is not among them: a "sitemap" that is a web page is a soft 404.
    /// </summary>
    public static readonly ContentKinds Sitemap = new(
        "a sitemap (XML, gzip or text)",
        "application/xml,text/xml;q=0.9,application/x-gzip;q=0.8,application/gzip;q=0.8,text/plain;q=0.5,*/*;q=0.1",
        ["application/xml", "text/xml", "application/x-gzip", "application/gzip", "application/octet-stream", "binary/octet-stream", "text/plain"]);

    /// <summary>What a JSON API answers with (the WordPress REST API).</summary>
    public static readonly ContentKinds Json = new("JSON", "application/json,*/*;q=0.1", ["application/json"]);

    /// <summary>What a rendered page's browser may ask for (scripts, stylesheets, data, fonts, images): any type.</summary>
    public static readonly ContentKinds Anything = new("anything", "*/*", ["*/*"]);

    /// <summary>The media types the caller can read; a response of another type is refused before its body is read.</summary>
    public ContentKinds Accepts { get; init; } = Page;

    /// <summary>The deadline of this fetch (every attempt, redirect and the body), when it differs from <see cref="FetchOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The most bytes read from this response after decompression, when it differs from <see cref="FetchOptions.MaxBodyBytes"/>.</summary>
    public long? MaxBytes { get; init; }

    public static implicit operator FetchRequest(PageAddress address) => new(address);

    public static FetchRequest FromPageAddress(PageAddress address) => new(address);
}

/// <summary>A set of media types a fetch accepts, the Accept header that asks for them, and their name in messages.</summary>
public sealed class ContentKinds(string name, string acceptHeader, IEnumerable<string> mediaTypes)
{
    private readonly HashSet<string> _mediaTypes = new(mediaTypes, StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = name;

    public string AcceptHeader { get; } = acceptHeader;

    public bool Contains(string mediaType) => _mediaTypes.Contains(mediaType) || _mediaTypes.Contains("*/*");
}
