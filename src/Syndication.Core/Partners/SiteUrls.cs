namespace Syndication.Partners;

/// <summary>What counts as a site's URL and as one of its pages, stated once for the list readers and discovery.</summary>
public static class SiteUrls
{
    /// <summary>An absolute http(s) URL, or null.</summary>
    public static Uri? Parse(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0 ? url : null;

    /// <summary>
    /// Whether a URL is on the site: the same host, "www." or not (a site answers on both, and lists either in its
    /// sitemaps), http or https, on the site's port when it names one. Any other host, a subdomain included, is
    /// off-site: the page is not the partner's.
    /// </summary>
    public static bool OnSite(Uri url, Uri site) =>
        url.Scheme is "http" or "https"
        && string.Equals(Bare(url.Host), Bare(site.Host), StringComparison.OrdinalIgnoreCase)
        && (url.IsDefaultPort && site.IsDefaultPort || url.Port == site.Port);

    /// <summary>
    /// One key for the forms a site writes one page's URL in: http or https, "www." or not, with or without the
    /// trailing slash, any #fragment. The path and query keep their case.
    /// </summary>
    public static string Key(Uri url)
    {
        var path = url.AbsolutePath.Length > 1 ? url.AbsolutePath.TrimEnd('/') : string.Empty;
        var port = url.IsDefaultPort ? string.Empty : ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Bare(url.Host).ToLowerInvariant() + port + path + url.Query;
    }

    /// <summary>The key of a URL given as text; the text itself when it is no absolute URL (a file path).</summary>
    public static string Key(string url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? Key(parsed) : url;

    private static string Bare(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
}
