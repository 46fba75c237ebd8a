namespace Syndication.Discovery;

/// <summary>
/// A page discovery brings to the run: a candidate to read, or a republication found on an earlier night
/// (<see cref="Before"/> with status Found), on the site known to the ledger as <see cref="SiteKey"/>.
/// </summary>
public sealed record DiscoveredPage(string SiteKey, bool Watched, Listing Listing, LedgerEntry? Before)
{
    public bool IsCandidate => Before?.Status != LedgerStatus.Found;
}
