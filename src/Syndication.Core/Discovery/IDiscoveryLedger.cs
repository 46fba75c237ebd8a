namespace Syndication.Discovery;

/// <summary>
/// Where discovery keeps what it learns from night to night (the history file; in memory without one): which pages
/// of a site were seen and what they were, which of its sitemaps were read when, and when it was last searched.
/// </summary>
public interface IDiscoveryLedger
{
    SiteLedger Load(string siteKey);

    /// <summary>Stores one night's changes for a site: the pages whose entry changed, the sitemaps read to their end, when and from which date it looked.</summary>
    void Save(string siteKey, LedgerUpdate update);
}

/// <summary>
/// One night's changes to a site's ledger. A night that read none of the site's sources (<see cref="Searched"/> false:
/// --no-discovery, or the budget cut the search short) keeps when and from which date the site was last searched, so
/// what the catalogue gained meanwhile is still searched for on the next night that searches.
/// </summary>
public sealed record LedgerUpdate(DateTimeOffset DiscoveredAt, DateTimeOffset? WindowFrom, IReadOnlyList<LedgerEntry> Pages, IReadOnlyDictionary<string, DateTimeOffset> Sitemaps)
{
    public bool Searched { get; init; } = true;
}
