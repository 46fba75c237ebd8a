using System.Text;

namespace Syndication.Requirements;

/// <summary>
/// Web addresses compared as a reader would: scheme, "www.", a trailing slash, the fragment and tracking parameters
/// (utm_*, fbclid, gclid...) do not make two links different.
/// </summary>
public static class WebAddress
{
    private static readonly string[] TrackingParameters = ["fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ref_src", "cmpid", "mkt_tok"];

    /// <summary>An http(s) address of <paramref name="href"/>, resolved against the page's address when relative; else null.</summary>
    public static Uri? Resolve(string? href, Uri? page)
    {
        var absolute = href is null ? null : Originals.StoryMarkup.Absolute(href, page);
        return absolute is not null && Uri.TryCreate(absolute, UriKind.Absolute, out var url) ? url : null;
    }

    /// <summary>The comparison key: host without "www.", path without a trailing slash, the query without tracking parameters.</summary>
    public static string Key(Uri url)
    {
        var key = new StringBuilder(Host(url));
        var path = Uri.UnescapeDataString(url.AbsolutePath).TrimEnd('/');
        key.Append(path.Length == 0 ? "/" : path);
        var query = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (query.Count > 0)
        {
            key.Append('?').AppendJoin('&', query);
        }

        return key.ToString();
    }

    public static string? Key(string? href, Uri? page) => Resolve(href, page) is { } url ? Key(url) : null;

    /// <summary>The host, lower case, without "www.".</summary>
    public static string Host(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>
    /// Whether <paramref name="url"/> leads to the address whose key is <paramref name="targetKey"/>: the same address, or a redirecting wrapper
    /// (an outbound-click or newsletter tracker) that carries it in a query parameter.
    /// </summary>
    public static bool LeadsTo(Uri url, string targetKey)
    {
        if (Key(url) == targetKey)
        {
            return true;
        }

        foreach (var parameter in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = parameter.Split('=', 2) is [_, var v] ? SafeUnescape(v) : string.Empty;
            if (value.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(value, UriKind.Absolute, out var inner) && Key(inner) == targetKey)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string SafeUnescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
