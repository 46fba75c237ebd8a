namespace Syndication.Reporting;

/// <summary>
/// Which page-supplied addresses may become links: absolute http and https URLs only, normalised and
/// percent-encoded. javascript:, data:, file paths and anything malformed are shown as text instead.
/// </summary>
public static class SafeLink
{
    public static string? Href(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Trim() != address
            || !Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        return uri.AbsoluteUri;
    }
}
