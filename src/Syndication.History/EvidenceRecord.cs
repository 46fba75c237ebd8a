namespace Syndication.History;

/// <summary>
/// A page's archived fetch: the bytes (their SHA-256), when they were first fetched (<see cref="FetchedAt"/>, with the
/// headers and final URL of that fetch) and the last time the same bytes were fetched, and the runs between.
/// </summary>
public sealed record EvidenceRecord(long RunId, string Url, string? Partner, string Sha256, DateTimeOffset FetchedAt, string? FinalUrl, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The last fetch that gave the same bytes.</summary>
    public DateTimeOffset LastFetchedAt { get; init; }

    /// <summary>The first run that fetched these bytes.</summary>
    public long FirstRun { get; init; }

    /// <summary>The last run that fetched these bytes.</summary>
    public long LastRun { get; init; }
}
