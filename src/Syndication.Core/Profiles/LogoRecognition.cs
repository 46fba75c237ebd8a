using System.Text.RegularExpressions;
using Syndication.Fetching;

namespace Syndication.Profiles;

/// <summary>
/// How a licensor's logo is recognised: known URLs and file-name patterns (alt text is matched by the licensor's
/// names), and reference images its pixels are compared with.
/// </summary>
public sealed class LogoRecognition(IReadOnlyList<string> urls, IReadOnlyList<Regex> fileNames, IReadOnlyList<Regex> notFileNames)
{
    /// <summary>The keys of <see cref="Urls"/>, made once rather than for every image asked about.</summary>
    private readonly HashSet<string> _urlKeys = new(urls.Select(UrlKey), StringComparer.Ordinal);

    public IReadOnlyList<string> Urls { get; } = urls;

    public IReadOnlyList<Regex> FileNames { get; } = fileNames;

    public IReadOnlyList<Regex> NotFileNames { get; } = notFileNames;

    /// <summary>Reference images of the logo (URLs, or files beside the profile): a page's image passes when its pixels match one.</summary>
    public IReadOnlyList<PageAddress> Images { get; init; } = [];

    public bool IsKnownUrl(string url)
    {
        var key = UrlKey(url);
        return key.Length > 0 && _urlKeys.Contains(key);
    }

    public bool FileNameMatches(string fileName) => FileNames.Any(r => r.IsMatch(fileName));

    public bool FileNameIsOther(string fileName) => NotFileNames.Any(r => r.IsMatch(fileName)) && !FileNameMatches(fileName);

    private static string UrlKey(string url)
    {
        var trimmed = url.Trim();
        var query = trimmed.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            trimmed = trimmed[..query];
        }

        var scheme = trimmed.IndexOf("//", StringComparison.Ordinal);
        return (scheme >= 0 ? trimmed[(scheme + 2)..] : trimmed).ToLowerInvariant();
    }
}
