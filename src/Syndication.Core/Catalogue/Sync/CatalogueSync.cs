using System.Globalization;
using Syndication.Fetching;
using Syndication.Profiles;

namespace Syndication.Catalogue.Sync;

/// <summary>
/// Backfills and refreshes the catalogue from the licensor's own site, as its profile names it: the WordPress REST
/// API first (the whole archive with authors and modified dates, then only what changed), then each feed and its
/// older pages, then the sitemaps for what neither gave. Politely: one request at a time through the guarded
/// fetcher (robots.txt, per-host limit, retries, Retry-After, SSRF guard), conditional requests for feeds and
/// sitemaps, and after the first sync only what changed since the last one. A source that fails is one line in the
/// report, and the others are still read.
/// </summary>
public sealed class CatalogueSync(CatalogueStore store, LicenceProfile profile, IPageFetcher pages, IDocumentFetcher documents, SyncOptions options, TimeProvider time)
{
    public async Task<SyncReport> RunAsync(CancellationToken cancellationToken)
    {
        var site = profile.Site ?? throw new CatalogueException(
            $"the licence profile {profile.Id} does not say where the licensor publishes (site: url, feeds, sitemaps, api); add a 'site' section to the profile");
        var report = new SyncReport();
        var counting = new CountingFetcher(pages, documents);
        var id = store.BeginSync(profile.Id, time.GetUtcNow());
        var status = "interrupted";
        try
        {
            var archiveRead = site.Api is { } api && await new WordPressPosts(store, profile, counting, options, time).ReadAsync(api, report, cancellationToken);
            foreach (var feed in site.Feeds)
            {
                await new PagedFeed(store, profile, counting, options, time).ReadAsync(feed, archiveRead, report, cancellationToken);
            }

            if (site.Sitemaps.Count > 0)
            {
                await new SitemapArticles(store, profile, counting, counting, options, time).ReadAsync(site.Sitemaps, site, report, cancellationToken);
            }

            status = report.Complete ? "complete" : "incomplete";
        }
        finally
        {
            report.Requests = counting.Requests;
            store.FinishSync(id, status, time.GetUtcNow(), report.Result, report.Requests, report.Problems, string.Join("; ", report.Parts));
        }

        return report;
    }

    internal static DateTimeOffset? ParseState(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
