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

/// <summary>One night's changes to a site's ledger.</summary>
public sealed record LedgerUpdate(DateTimeOffset DiscoveredAt, DateTimeOffset? WindowFrom, IReadOnlyList<LedgerEntry> Pages, IReadOnlyDictionary<string, DateTimeOffset> Sitemaps);
