namespace Syndication.Sitemaps;

/// <summary>
/// Something wrong with one sitemap, in one line that names it: a sitemap that could not be read at all (the rest
/// are still read), or entries of it that were skipped or read leniently (with a count and the first example).
/// </summary>
public sealed record SitemapProblem(string Sitemap, string Message)
{
    public override string ToString() => $"sitemap {Sitemap}: {Message}";
}
