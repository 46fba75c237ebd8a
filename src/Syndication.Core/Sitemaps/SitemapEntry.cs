namespace Syndication.Sitemaps;

/// <summary>
/// One page a sitemap lists: its absolute http(s) URL, when the site says it last changed, and, from a news sitemap,
/// its headline and publication date. <see cref="Sitemap"/> is the sitemap that listed it (a URL or a file path).
/// </summary>
public sealed record SitemapEntry(
    Uri Location,
    DateTimeOffset? LastModified,
    string? NewsTitle,
    DateTimeOffset? NewsPublished,
    string Sitemap)
{
    /// <summary>The newest date the sitemap gives for the page: its lastmod, or its news publication date.</summary>
    public DateTimeOffset? Date => LastModified is { } modified && (NewsPublished is null || modified >= NewsPublished) ? modified : NewsPublished ?? LastModified;
}
