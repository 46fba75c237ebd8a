using System.Collections.Concurrent;
using Syndication.Partners;

namespace Syndication.Discovery;

/// <summary>A ledger kept in memory: for a run without history (every night starts afresh) and for tests.</summary>
public sealed class MemoryLedger : IDiscoveryLedger
{
    private readonly ConcurrentDictionary<string, SiteLedger> _sites = new(StringComparer.Ordinal);

    public SiteLedger Load(string siteKey) => _sites.GetValueOrDefault(siteKey) ?? SiteLedger.Empty;

    public void Save(string siteKey, LedgerUpdate update)
    {
        var old = Load(siteKey);
        var pages = new Dictionary<string, LedgerEntry>(old.Pages, StringComparer.Ordinal);
        foreach (var page in update.Pages)
        {
            pages[SiteUrls.Key(page.Url)] = page;
        }

        var sitemaps = new Dictionary<string, DateTimeOffset>(old.Sitemaps, StringComparer.Ordinal);
        foreach (var (url, lastmod) in update.Sitemaps)
        {
            sitemaps[url] = lastmod;
        }

        _sites[siteKey] = update.Searched
            ? new SiteLedger { LastDiscovery = update.DiscoveredAt, WindowFrom = update.WindowFrom, Pages = pages, Sitemaps = sitemaps }
            : new SiteLedger { LastDiscovery = old.LastDiscovery, WindowFrom = old.WindowFrom, Pages = pages, Sitemaps = sitemaps };
    }
}
