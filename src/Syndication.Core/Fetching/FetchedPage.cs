namespace Syndication.Fetching;

/// <summary>The bytes of a page and the facts of how they were fetched.</summary>
public sealed record FetchedPage
{
    public required PageAddress Address { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>The media type from Content-Type (lower case, no parameters), or null for files.</summary>
    public string? MediaType { get; init; }

    /// <summary>The charset parameter of Content-Type, if any.</summary>
    public string? Charset { get; init; }

    /// <summary>The URL the page was finally read from (after redirects), or the file path.</summary>
    public required string FinalLocation { get; init; }

    public int? StatusCode { get; init; }

    public IReadOnlyList<string> Redirects { get; init; } = [];

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public DateTimeOffset FetchedAt { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>True when the page came from the conditional-request cache (unchanged since the last run).</summary>
    public bool FromCache { get; init; }
}
