namespace Syndication.Sitemaps;

/// <summary>What one read of a sitemap (and the sitemaps its index lists) came to; filled while it is read.</summary>
public sealed class SitemapReport
{
    private readonly List<SitemapProblem> _problems = [];

    public IReadOnlyList<SitemapProblem> Problems => _problems;

    /// <summary>Sitemap documents fetched and read (an index counts, as does each sitemap it lists that was read).</summary>
    public int SitemapsRead { get; internal set; }

    /// <summary>Sitemaps an index lists that were skipped as unchanged since <see cref="SitemapReadOptions.ModifiedSince"/>.</summary>
    public int SitemapsUnchanged { get; internal set; }

    /// <summary>Sitemaps an index lists that <see cref="SitemapReadOptions.Follow"/> said not to read.</summary>
    public int SitemapsSkipped { get; internal set; }

    /// <summary>Sitemaps that answered with 304 Not Modified (read again from the conditional cache).</summary>
    public int SitemapsFromCache { get; internal set; }

    /// <summary>Sitemap documents that could not be fetched, or not read to their end (malformed, refused, too large).</summary>
    public int SitemapsFailed { get; internal set; }

    /// <summary>
    /// The sitemaps of an index read to their end, each with the lastmod the index gave it: what a caller keeps to pass
    /// as <see cref="SitemapReadOptions.ReadBefore"/> next time.
    /// </summary>
    public List<(string Sitemap, DateTimeOffset LastModified)> ReadInFull { get; } = [];

    /// <summary>Page entries yielded.</summary>
    public long Entries { get; internal set; }

    internal void Add(SitemapProblem problem) => _problems.Add(problem);
}
