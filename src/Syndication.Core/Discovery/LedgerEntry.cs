namespace Syndication.Discovery;

/// <summary>
/// What the ledger remembers of one page a site listed: when the source dated it, what discovery made of it, and for a
/// republication when and where it was found and which original it carries.
/// </summary>
public sealed record LedgerEntry
{
    public required string Url { get; init; }

    public DateTimeOffset? Date { get; init; }

    public string? Title { get; init; }

    public required string Via { get; init; }

    public required LedgerStatus Status { get; init; }

    /// <summary>Nights a fetch of the candidate failed in a way worth trying again (timeouts, 5xx).</summary>
    public int Attempts { get; init; }

    public DateTimeOffset? FoundAt { get; init; }

    public string? OriginalTitle { get; init; }

    public string? OriginalUrl { get; init; }
}

/// <summary>What discovery made of a listed page.</summary>
public enum LedgerStatus
{
    /// <summary>In the date window, not fetched yet (the night's cap, or a fetch to try again).</summary>
    Pending,

    /// <summary>Fetched and read: it republishes no original (or could not be read for good: gone, not HTML, robots).</summary>
    Examined,

    /// <summary>A republication: checked every night from now on.</summary>
    Found,
}
