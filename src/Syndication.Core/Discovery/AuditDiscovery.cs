using Serilog;
using Syndication.Fetching;
using Syndication.Matching;
using Syndication.Partners;
using Syndication.Pipeline;

namespace Syndication.Discovery;

/// <summary>
/// Discovery in an audit: which sites this run searches (a shard searches the sites whose host is in it), the night's
/// search once the catalogue is loaded, the pages it adds to the run, and, once the run is recorded, what the ledger keeps.
/// </summary>
public sealed class AuditDiscovery(PartnerList list, Shard? shard, IDiscoveryLedger ledger, TimeProvider time, ILogger log)
{
    public IReadOnlyList<DiscoverySite> Sites { get; } =
        [.. DiscoverySite.From(list).Where(site => shard is null || shard.Holds(new PageTarget(PageAddress.Parse(site.Url.AbsoluteUri))))];

    /// <summary>False (--no-discovery): no source is read; the republications found on earlier nights are still checked.</summary>
    public bool Search { get; init; } = true;

    /// <summary>The night's search, once <see cref="PlanAsync"/> has run.</summary>
    public DiscoveryNight? Night { get; private set; }

    /// <summary>Searches the sites, then returns every page of the run (listed and discovered) with positions.</summary>
    /// <param name="search">False: read no source, bring only the republications found on earlier nights (as <see cref="Search"/>).</param>
    public async Task<(TargetList Targets, List<int> Positions)> PlanAsync(AddressRouter fetcher, OriginalCatalogue catalogue, int parallel, CancellationToken cancellationToken, bool search = true)
    {
        var listed = list.Partners.ToDictionary(p => p.Name, p => (IReadOnlySet<string>)p.Pages.Select(page => SiteUrls.Key(page.Location)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var stride = AuditTargets.Stride(list);
        var night = await new Discoverer(fetcher, ledger, time, log) { Search = Search && search }.DiscoverAsync(
            Sites,
            catalogue,
            site => listed.GetValueOrDefault(site.Name) ?? new HashSet<string>(),
            site => stride - (listed.GetValueOrDefault(site.Name)?.Count ?? 0),
            parallel,
            cancellationToken);
        Night = night;
        var bySite = Sites.ToDictionary(s => s.Name, night.Targets, StringComparer.Ordinal);
        return AuditTargets.Of(list, shard, name => bySite.GetValueOrDefault(name) ?? []);
    }

    /// <summary>The run's summary with the night's account per site and the unlicensed republications.</summary>
    public RunSummary Complete(RunSummary summary)
    {
        if (Night is null)
        {
            return summary;
        }

        // Which candidates could not be checked is known only once the pages are done: the log says it then.
        foreach (var line in Night.Nights.SelectMany(n => n.PagesNotChecked()))
        {
            log.Warning("{Problem}", line);
        }

        return summary with { Discovery = Night.Reports(), Unlicensed = [.. Night.Gate.Unlicensed] };
    }

    /// <summary>Keeps what the night taught (call once the run's pages are recorded).</summary>
    public void Save()
    {
        Night?.Save(ledger);
    }
}
