using System.Text.RegularExpressions;
using Syndication.Text;

namespace Syndication.Catalogue;

/// <summary>
/// How the catalogue tells one original from another: by its URL with the differences that do not make another
/// article folded away (http or https, www., a trailing slash, a fragment, tracking parameters), or by its title
/// when it has no URL; and the licensor's own post id when a source gives one (a WordPress post keeps its id when
/// its slug is edited).
/// </summary>
public static partial class OriginalKey
{
    public static string Of(string? url, string title)
    {
        if (url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var host = uri.IdnHost.ToLowerInvariant();
            host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
            var path = uri.AbsolutePath.TrimEnd('/');
            var post = PostQuery().Match(uri.Query);
            return "url:" + host + path + (post.Success ? "?" + post.Value.TrimStart('?', '&') : string.Empty);
        }

        return "title:" + TitleKey(title);
    }

    /// <summary>A title as a partner list may write it: folded case and accents, white space collapsed.</summary>
    public static string TitleKey(string title) => TextFolding.CollapseWhiteSpace(TextFolding.Fold(title)).Trim();

    /// <summary>
    /// The licensor's id for a post: "wp:123" for a WordPress post (the REST API's id, or a feed guid of the form
    /// ?p=123), else the guid as given.
    /// </summary>
    public static string? LicensorId(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return null;
        }

        var trimmed = given.Trim();
        if (trimmed.StartsWith("wp:", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var post = PostId().Match(trimmed);
        return post.Success ? "wp:" + post.Groups["id"].Value : trimmed;
    }

    [GeneratedRegex(@"[?&](p|page_id)=\d+")]
    private static partial Regex PostQuery();

    [GeneratedRegex(@"^https?://[^?#]+/?\?(?:.*&)?p=(?<id>\d+)(?:&|$)")]
    private static partial Regex PostId();
}
