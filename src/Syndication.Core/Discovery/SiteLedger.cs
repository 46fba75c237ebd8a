namespace Syndication.Discovery;

/// <summary>What the ledger knows of a site from earlier nights.</summary>
public sealed class SiteLedger
{
    public static SiteLedger Empty => new();

    /// <summary>When the site was last searched, or null for its first night.</summary>
    public DateTimeOffset? LastDiscovery { get; init; }

    /// <summary>The earliest page date the last search looked at (from the catalogue's dates); null when it had none.</summary>
    public DateTimeOffset? WindowFrom { get; init; }

    /// <summary>Every page in the date window seen so far, by <see cref="Partners.SiteUrls"/> key.</summary>
    public IReadOnlyDictionary<string, LedgerEntry> Pages { get; init; } = new Dictionary<string, LedgerEntry>();

    /// <summary>
    /// The sitemaps of the site's indexes read to their end, with the lastmod their index gave then: one whose index still
    /// gives that date is not fetched again (one that could not be read is not here, so it is tried again).
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Sitemaps { get; init; } = new Dictionary<string, DateTimeOffset>();
}
