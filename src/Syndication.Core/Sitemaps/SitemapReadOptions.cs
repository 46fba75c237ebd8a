namespace Syndication.Sitemaps;

/// <summary>What a caller asks of one read of a sitemap.</summary>
public sealed record SitemapReadOptions
{
    /// <summary>
    /// Skip the sitemaps an index says were last modified before this time (their pages have not changed since).
    /// Sitemaps without a lastmod are always read. Entries are never filtered: each carries its own dates.
    /// </summary>
    public DateTimeOffset? ModifiedSince { get; init; }

    /// <summary>
    /// The lastmod an index gave each of its sitemaps (by URL) when the caller last read it to its end
    /// (<see cref="SitemapReport.ReadInFull"/>): a sitemap whose index still gives that date, or an earlier one, has not
    /// changed and is not fetched. Unlike <see cref="ModifiedSince"/>, this compares the site's dates with the site's own,
    /// never with our clock, so a site whose lastmod lags or whose clock is wrong is read when it changes all the same.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? ReadBefore { get; init; }

    /// <summary>
    /// The hosts whose pages and sitemaps belong to the site. Default: the first sitemap's host, with and without
    /// <c>www.</c>; a local sitemap file allows any host unless this is given. Other hosts are skipped and reported.
    /// </summary>
    public IReadOnlyCollection<string>? Hosts { get; init; }

    /// <summary>Which of the sitemaps an index lists to read (by their URL); default all. A caller that wants posts skips <c>page-sitemap.xml</c>.</summary>
    public Func<Uri, bool>? Follow { get; init; }

    /// <summary>Fetch the sitemaps even where robots.txt disallows them (a partner agreed to be audited).</summary>
    public bool IgnoreRobots { get; init; }
}
