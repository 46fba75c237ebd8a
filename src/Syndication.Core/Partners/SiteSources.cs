namespace Syndication.Partners;

/// <summary>
/// Where discovery looks for a site's pages (README "Discovery"): the site itself (its robots.txt Sitemap: lines and
/// /sitemap.xml), and the sitemaps and RSS/Atom feeds the list names. Only pages on the site's host are its pages.
/// </summary>
public sealed record SiteSources(Uri Site, IReadOnlyList<Uri> Sitemaps, IReadOnlyList<Uri> Feeds)
{
    /// <summary>The most candidate pages fetched from the site in one night (null: the list's or the built-in default).</summary>
    public int? MaxPages { get; init; }
}
