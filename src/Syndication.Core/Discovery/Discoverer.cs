using Serilog;
using Syndication.Fetching;
using Syndication.Matching;
using Syndication.Partners;

namespace Syndication.Discovery;

/// <summary>
/// Finds, before the night's pages are checked, the candidate pages of each partner's and watched site: reads its
/// sources (robots.txt Sitemap: lines or /sitemap.xml, sitemap indexes, gzipped and news sitemaps, the feeds the list
/// names) through the run's fetcher, narrows them against the ledger and the catalogue's dates, orders them by title
/// likeness and cuts them at the site's cap. Sites are searched side by side; a site's sources one after the other.
/// A source that cannot be read is a one-line reason; the other sources and sites go on.
/// </summary>
public sealed class Discoverer(AddressRouter fetcher, IDiscoveryLedger ledger, TimeProvider time, ILogger log)
{
    /// <summary>How far before the earliest original a page may be dated and still be read (time zones, a lastmod that lags).</summary>
    public static readonly TimeSpan WindowSlack = TimeSpan.FromDays(2);

    /// <summary>False: no source is read and no candidate fetched; the republications found before are still checked.</summary>
    public bool Search { get; init; } = true;

    /// <param name="listed">The keys (<see cref="SiteUrls.Key(Uri)"/>) of a site's pages listed by hand.</param>
    /// <param name="room">How many discovered pages (known and new) the run can take for the site.</param>
    public async Task<DiscoveryNight> DiscoverAsync(
        IReadOnlyList<DiscoverySite> sites,
        OriginalCatalogue catalogue,
        Func<DiscoverySite, IReadOnlySet<string>> listed,
        Func<DiscoverySite, int> room,
        int parallel,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var headlines = catalogue.Headlines;
        var dates = headlines.Select(o => o.Published).OfType<DateTimeOffset>().ToList();
        var windowFrom = dates.Count > 0 ? dates.Min() - WindowSlack : (DateTimeOffset?)null;
        var likeness = new TitleLikeness(headlines.Select(o => o.Title));
        var nights = sites.Select(site => new SiteNight(site, ledger.Load(site.Key), now)).ToList();
        await Parallel.ForEachAsync(
            nights,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken },
            async (night, ct) =>
            {
                var backfill = Search ? Backfill(headlines, night.Ledger) : null;
                var selector = new CandidateSelector(night.Ledger, listed(night.Site), windowFrom, likeness) { ReadAgainFrom = backfill?.From };
                if (Search)
                {
                    await ReadSourcesAsync(night, selector, FullPass(night.Ledger, windowFrom), ct);
                    night.Searched = true;
                }

                var known = night.Ledger.Pages.Values.Count(e => e.Status == LedgerStatus.Found);
                night.Selection = selector.Select(Search ? Math.Min(night.Site.MaxPages, room(night.Site) - known) : 0);
                night.Listed = selector.Listed;
                night.Candidates = night.Selection.Tonight.Count + night.Selection.Waiting.Count;
                log.Information(
                    "{Site}: {Listed} page(s) listed by {Sources} source(s); {Candidates} candidate(s) after narrowing ({Known} known, {Unchanged} unchanged, {Old} older than the originals), {Tonight} fetched tonight, {Waiting} waiting",
                    night.Site.Name, selector.Listed, night.SourcesRead, night.Candidates, selector.Known, selector.Unchanged, selector.Old, night.Selection.Tonight.Count, night.Selection.Waiting.Count);
                if (backfill is { } late && selector.ReadAgain > 0)
                {
                    log.Information(
                        "{Site}: {Pages} page(s) read on earlier nights are candidates again: the catalogue gained {Originals} original(s) published from {From:yyyy-MM-dd} since the site was last searched, which they may republish",
                        night.Site.Name, selector.ReadAgain, late.Originals, late.From + WindowSlack);
                }

                foreach (var problem in night.Problems)
                {
                    log.Warning("{Problem}", problem);
                }
            });
        return new DiscoveryNight(nights, windowFrom, log);
    }

    /// <summary>
    /// Every sitemap is read, changed or not, when the catalogue now reaches further back than when the site was last
    /// searched: pages too old for the window then may be candidates now.
    /// </summary>
    private static bool FullPass(SiteLedger ledger, DateTimeOffset? windowFrom) =>
        windowFrom is null ? ledger.WindowFrom is not null : ledger.WindowFrom is { } before && windowFrom < before;

    /// <summary>
    /// The originals the catalogue gained since the site was last searched that were published before that search
    /// (an <c>originals sync</c> that filled in the archive, a feed item first seen late): a page read then, dated
    /// on or after the earliest of them (less the slack), was judged without them and is read again. Null when
    /// there are none, or when the catalogue does not know when its originals were first read.
    /// </summary>
    private static (DateTimeOffset From, int Originals)? Backfill(IReadOnlyList<OriginalHeadline> headlines, SiteLedger ledger)
    {
        if (ledger.LastDiscovery is not { } last)
        {
            return null;
        }

        DateTimeOffset? earliest = null;
        var count = 0;
        foreach (var headline in headlines)
        {
            if (headline is { FirstRead: { } read, Published: { } published } && read > last && published < last)
            {
                count++;
                earliest = earliest is { } e && e <= published ? e : published;
            }
        }

        return earliest is { } from ? (from - WindowSlack, count) : null;
    }

    private async Task ReadSourcesAsync(SiteNight night, CandidateSelector selector, bool fullPass, CancellationToken cancellationToken)
    {
        await SitemapSource.ReadAsync(night, selector, fetcher, fullPass, cancellationToken);
        foreach (var feed in night.Site.Sources.Feeds)
        {
            await FeedSource.ReadAsync(feed, night, selector, fetcher, cancellationToken);
        }
    }
}
