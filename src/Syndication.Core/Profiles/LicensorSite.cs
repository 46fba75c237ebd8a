namespace Syndication.Profiles;

/// <summary>
/// Where a licensor publishes its originals, for <c>originals sync</c>: its site, its feeds (paged WordPress style
/// with <c>?paged=N</c>), its sitemaps (indexes, news sitemaps) and its WordPress REST API posts endpoint.
/// </summary>
public sealed record LicensorSite(Uri Url, IReadOnlyList<Uri> Feeds, IReadOnlyList<Uri> Sitemaps, Uri? Api)
{
    /// <summary>The site's hosts: its own, with and without www. (sitemaps list only these).</summary>
    public IReadOnlyList<string> Hosts
    {
        get
        {
            var host = Url.IdnHost;
            return [host, host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : "www." + host];
        }
    }
}
