namespace Syndication.Sitemaps;

/// <summary>The bounds that keep a hostile or broken sitemap from costing more than a well-formed large one.</summary>
public sealed record SitemapLimits
{
    /// <summary>The protocol's size limit for one sitemap, uncompressed: 50 MB (52,428,800 bytes).</summary>
    public const long ProtocolMaxBytes = 52_428_800;

    /// <summary>The protocol's limit of URLs in one sitemap (more are read, and reported).</summary>
    public const int ProtocolMaxUrls = 50_000;

    /// <summary>The most bytes read of one sitemap as served (after HTTP decompression).</summary>
    public long MaxBytes { get; init; } = ProtocolMaxBytes;

    /// <summary>The most bytes a gzipped sitemap (<c>sitemap.xml.gz</c>) may unpack to; past it the read stops (a gzip bomb).</summary>
    public long MaxUnpackedBytes { get; init; } = ProtocolMaxBytes;

    /// <summary>The most sitemap documents one read fetches, the first one and every one its indexes list.</summary>
    public int MaxSitemaps { get; init; } = 1_000;

    /// <summary>How deep indexes may nest: 1 is the protocol's (an index lists sitemaps); 2 allows an index of indexes.</summary>
    public int MaxIndexDepth { get; init; } = 2;

    /// <summary>The longest URL taken from a sitemap (the protocol's limit is 2,048 characters).</summary>
    public int MaxUrlLength { get; init; } = 2_048;

    /// <summary>The most characters of a news title kept.</summary>
    public int MaxTitleLength { get; init; } = 500;

    /// <summary>A date further ahead of now than this is taken as wrong, not as a page changed in the future.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromDays(2);
}
