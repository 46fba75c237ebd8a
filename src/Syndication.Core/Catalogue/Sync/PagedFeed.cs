using System.Security.Cryptography;
using Syndication.Fetching;
using Syndication.Originals;
using Syndication.Profiles;

namespace Syndication.Catalogue.Sync;

/// <summary>
/// Reads a licensor's feed and, WordPress style, its older pages (<c>?paged=2</c>, 3, ...). The first page is asked
/// for conditionally: a 304 means nothing was published or edited since the last sync, and no older page is asked
/// for. Paging stops at the first page that adds or changes nothing (every older page is older still), at a page
/// the site does not have (404, an empty feed), or at a page identical to the one before (a site that ignores
/// <c>paged</c>).
/// </summary>
internal sealed class PagedFeed(CatalogueStore store, LicenceProfile profile, IPageFetcher fetcher, SyncOptions options, TimeProvider time)
{
    /// <param name="archiveRead">The REST API gave the whole archive (or every change) this sync: the feed's older pages hold nothing more.</param>
    public async Task ReadAsync(Uri feed, bool archiveRead, SyncReport report, CancellationToken cancellationToken)
    {
        // Until a feed has been paged to its end once, a 304 or a page of known items is no reason to stop (an audit
        // may have read and cached its first page without paging it), unless the REST API just gave the archive.
        var marker = "feed.backfilled:" + feed.AbsoluteUri;
        var incremental = !options.Full && (archiveRead || store.State(profile.Id, marker) is not null);
        var failed = false;
        var (pages, items) = (0, 0);
        byte[]? previous = null;
        var why = "the last page";
        for (var page = 1; page <= options.MaxFeedPages; page++)
        {
            var url = page == 1 ? feed : Paged(feed, page);
            FetchedPage fetched;
            try
            {
                fetched = await fetcher.FetchAsync(new FetchRequest(PageAddress.Parse(url.AbsoluteUri)) { Accepts = FetchRequest.FeedOrPage }, cancellationToken);
            }
            catch (FetchException e) when (page > 1 && e.Message.StartsWith("HTTP 404", StringComparison.Ordinal))
            {
                break;
            }
            catch (FetchException e)
            {
                report.Problem($"feed {url}: could not be fetched ({e.Kind}): {e.Message}");
                why = "a page that could not be read";
                failed = true;
                break;
            }

            pages++;
            if (page == 1 && fetched.FromCache && incremental)
            {
                why = "an unchanged first page (304)";
                break;
            }

            var hash = SHA256.HashData(fetched.Body);
            if (previous is not null && hash.AsSpan().SequenceEqual(previous))
            {
                why = "a page the same as the one before (the site ignores ?paged)";
                break;
            }

            previous = hash;
            List<Original> originals;
            try
            {
                originals = OriginalsLoader.Read(fetched.Body, fetched.Charset, feed.AbsoluteUri);
            }
            catch (OriginalsException e) when (page > 1 && e.Message.Contains("no items", StringComparison.Ordinal))
            {
                break;
            }
            catch (OriginalsException e)
            {
                report.Problem($"feed {url}: {e.Message}");
                why = "a page that could not be read";
                failed = true;
                break;
            }

            var result = store.Upsert(originals, profile.Id, time.GetUtcNow());
            report.Result.Add(result);
            items += originals.Count;
            if (incremental && result.Added == 0 && result.Updated == 0)
            {
                why = "a page with nothing new";
                break;
            }

            if (page == options.MaxFeedPages)
            {
                why = $"the {options.MaxFeedPages:N0}-page limit";
            }
        }

        if (!failed)
        {
            store.SetState(profile.Id, marker, CatalogueStore.Time(time.GetUtcNow()));
        }

        report.Part($"feed {feed}: {pages} page(s), {items} item(s), stopped at {why}");
    }

    private static Uri Paged(Uri feed, int page)
    {
        var query = feed.Query.TrimStart('?');
        return new UriBuilder(feed) { Query = (query.Length > 0 ? query + "&" : string.Empty) + "paged=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Uri;
    }
}
