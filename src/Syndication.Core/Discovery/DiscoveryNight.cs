using Serilog;
using Syndication.Fetching;
using Syndication.Pipeline;

namespace Syndication.Discovery;

/// <summary>
/// The night's discovery across sites: the pages it brings to the run (each site's known republications, then its
/// candidates, best first), the gate that sorts their results, and at the end the ledger's update and the reports' account.
/// </summary>
public sealed class DiscoveryNight
{
    private readonly Dictionary<string, SiteNight> _byKey;

    public DiscoveryNight(IReadOnlyList<SiteNight> nights, DateTimeOffset? windowFrom, ILogger log)
    {
        Nights = nights;
        WindowFrom = windowFrom;
        _byKey = nights.ToDictionary(n => n.Site.Key, StringComparer.Ordinal);
        Gate = new DiscoveryGate(_byKey, log);
    }

    public IReadOnlyList<SiteNight> Nights { get; }

    public DateTimeOffset? WindowFrom { get; }

    public DiscoveryGate Gate { get; }

    /// <summary>The pages discovery brings for a site: republications found before, then tonight's candidates.</summary>
    public List<PageTarget> Targets(DiscoverySite site)
    {
        if (!_byKey.TryGetValue(site.Key, out var night) || night.Selection is not { } selection)
        {
            return [];
        }

        var partner = site.Watched ? null : site.Name;
        var targets = new List<PageTarget>();
        foreach (var found in selection.Found)
        {
            var listing = new Listing(new Uri(found.Url), found.Date, found.Title, found.Via);
            targets.Add(Target(listing, partner, site) with { Discovered = new DiscoveredPage(site.Key, site.Watched, listing, found) });
        }

        foreach (var candidate in selection.Tonight)
        {
            targets.Add(Target(candidate.Listing, partner, site) with { Discovered = new DiscoveredPage(site.Key, site.Watched, candidate.Listing, candidate.Before) });
        }

        return targets;
    }

    /// <summary>Stores what each site's night taught (after the run; a run killed before leaves the ledger as it was).</summary>
    public void Save(IDiscoveryLedger ledger)
    {
        foreach (var night in Nights)
        {
            ledger.Save(night.Site.Key, night.Update(WindowFrom));
        }
    }

    /// <summary>The reports' account of every site, in list order.</summary>
    public IReadOnlyList<SiteDiscovery> Reports() => [.. Nights.Select(n => n.Report())];

    private static PageTarget Target(Listing listing, string? partner, DiscoverySite site) =>
        new(PageAddress.Parse(listing.Url.AbsoluteUri), partner, IgnoreRobots: site.IgnoreRobots);
}
