namespace Syndication.Fetching;

/// <summary>How pages are fetched: limits, politeness and safety (README "Fetching"). Defaults suit a nightly audit.</summary>
public sealed record FetchOptions
{
    public const long DefaultMaxBodyBytes = 5 * 1024 * 1024;

    public const string DefaultUserAgent = "syndication/0.1 (licence compliance checker; +https://github.com/syndication-tool/syndication#for-publishers)";

    /// <summary>The most bytes read from a page after decompression; more is a <c>too-large</c> error.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>The whole-page deadline: every attempt, redirect, wait and the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a TCP (and TLS) connection may take to open.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one attempt may wait for response headers.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt, for 408, 429, 5xx and connection failures.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first retry's delay; each next one doubles, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After the fetcher waits; a longer one pauses the host and its pages are rate-limited.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest wait a page can honour: <see cref="MaxRetryAfter"/>, or less when the page's own deadline comes
    /// first. Waiting past the deadline would end the page as a timeout and leave the host's other pages to wait too.
    /// </summary>
    public TimeSpan RetryAfterCap => MaxRetryAfter < Timeout ? MaxRetryAfter : Timeout;

    public int MaxRedirects { get; init; } = 10;

    /// <summary>Requests in flight to one host at most.</summary>
    public int PerHost { get; init; } = 2;

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Honour robots.txt (RFC 9309) unless a page's partner overrides it.</summary>
    public bool RespectRobots { get; init; } = true;

    /// <summary>Which addresses may be connected to. Default: public internet only.</summary>
    public AddressPolicy Addresses { get; init; } = AddressPolicy.PublicOnly;

    /// <summary>Where validators (ETag, Last-Modified) and bodies of fetched pages are kept for conditional requests; null: no cache.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Where documents fetched to a file (sitemaps, feeds) are kept while read: the run's folder (<see cref="Pipeline.RunScratch"/>); null: the temporary folder.</summary>
    public string? SpoolDirectory { get; init; }
}
