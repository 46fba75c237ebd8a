using Serilog;
using Syndication.Core.Tests.Support;
using Syndication.Discovery;
using Syndication.Fetching;
using Syndication.Originals;
using Syndication.Partners;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Discovery;

/// <summary>Runs one night of an audit with discovery the way the CLI's audit does: search, then check, then keep the ledger.</summary>
internal static class Nights
{
    public static Task<RunSummary> RunAsync(PartnerList list, IReadOnlyList<Original> originals, IDiscoveryLedger ledger, string cache, TimeProvider? time = null, ILogger? log = null) =>
        RunAsync(list, Engines.Settings(originals), ledger, cache, time, log);

    /// <param name="search">False: a night with --no-discovery (no source read; the republications found before are checked).</param>
    public static async Task<RunSummary> RunAsync(PartnerList list, CheckSettings settings, IDiscoveryLedger ledger, string cache, TimeProvider? time = null, ILogger? log = null, bool search = true)
    {
        time ??= TimeProvider.System;
        log ??= new LoggerConfiguration().CreateLogger();
        var options = new FetchOptions
        {
            Addresses = AddressPolicy.PublicAndLoopback,
            CacheDirectory = cache,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            Timeout = TimeSpan.FromSeconds(20),
        };
        using var fetcher = Engine.CreateFetcher(options, time);
        var discovery = new AuditDiscovery(list, null, ledger, time, log) { Search = search };
        var (targets, positions) = await discovery.PlanAsync(fetcher, settings.Catalogue, 4, CancellationToken.None);
        var checker = new PageChecker(fetcher, new PageEvaluator(settings), log);
        var run = await new AuditRun(checker, time, log).RunAsync(targets, new AuditRun.Options(8, 2) { Positions = positions, Gate = discovery.Night?.Gate }, null, CancellationToken.None);
        var pages = run.Pages.ToList();
        run.Spool?.Dispose();
        discovery.Save();
        return discovery.Complete(run with { Pages = pages });
    }

    public static PartnerList List(params Partner[] partners) => new("partners.yaml", new AuditSettings(), partners);

    public static Partner Partner(string name, Uri site, IReadOnlyList<Uri>? sitemaps = null, IReadOnlyList<Uri>? feeds = null, params string[] pages) =>
        new(name, null, null, false, [.. pages.Select(p => new PartnerPage(p))]) { Site = new SiteSources(site, sitemaps ?? [], feeds ?? []) };
}
