namespace Syndication.Pipeline;

/// <summary>How a page was read: for history and for disputes.</summary>
public sealed record FetchFacts
{
    public int? Status { get; init; }

    public string? FinalUrl { get; init; }

    public IReadOnlyList<string> Redirects { get; init; } = [];

    public string? ContentType { get; init; }

    public string? Encoding { get; init; }

    public string? ContentHash { get; init; }

    public long Bytes { get; init; }

    public double ElapsedMs { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    public bool FromCache { get; init; }
}
