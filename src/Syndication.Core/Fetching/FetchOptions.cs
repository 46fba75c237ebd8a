namespace Syndication.Fetching;

/// <summary>Limits for reading pages. The hardened HTTP fetcher adds its own on top (see README "Fetching").</summary>
public sealed record FetchOptions
{
    public const long DefaultMaxBodyBytes = 5 * 1024 * 1024;

    /// <summary>The most bytes read from a page (after decompression); more is a <c>too-large</c> error.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>The whole-page deadline: headers and body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; init; } = DefaultUserAgent;

    public const string DefaultUserAgent = "syndication/0.1 (+https://github.com/syndication-tool/syndication; licence compliance checker)";
}
