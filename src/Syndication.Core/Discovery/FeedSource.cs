using Syndication.Fetching;
using Syndication.Originals;

namespace Syndication.Discovery;

/// <summary>
/// A site's RSS or Atom feed as a source of pages: each item's link, title and date, read with the same feed reader
/// as the originals (no DTD, no external entities). A relative link is read against the feed's address (Atom allows
/// it); a link to another host is not the site's page.
/// </summary>
public static class FeedSource
{
    /// <summary>What a feed may be served as; an HTML page at a feed's address is no feed.</summary>
    public static readonly ContentKinds Feed = new(
        "a feed (RSS or Atom)",
        "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1",
        ["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml", "text/plain", "application/octet-stream"]);

    public static async Task ReadAsync(Uri feed, SiteNight night, CandidateSelector selector, IPageFetcher fetcher, CancellationToken cancellationToken)
    {
        FetchedPage fetched;
        try
        {
            fetched = await fetcher.FetchAsync(new FetchRequest(PageAddress.Parse(feed.AbsoluteUri), night.Site.IgnoreRobots) { Accepts = Feed }, cancellationToken);
        }
        catch (FetchException e)
        {
            night.Problem("feed", feed.AbsoluteUri, $"{e.Kind}: {e.Message}");
            return;
        }

        List<Original> items;
        try
        {
            using var body = new MemoryStream(fetched.Body);
            items = FeedReader.Read(body, feed.AbsoluteUri);
        }
        catch (OriginalsException e)
        {
            night.Problem("feed", feed.AbsoluteUri, e.Message.StartsWith(feed.AbsoluteUri + ": ", StringComparison.Ordinal) ? e.Message[(feed.AbsoluteUri.Length + 2)..] : e.Message);
            return;
        }

        night.SourcesRead++;
        var baseUrl = Uri.TryCreate(fetched.FinalLocation, UriKind.Absolute, out var final) ? final : feed;
        var offSite = new List<string>();
        var noLink = 0;
        foreach (var item in items)
        {
            if (item.Url is null || !Uri.TryCreate(baseUrl, item.Url, out var url))
            {
                noLink++;
                continue;
            }

            if (!selector.Offer(new Listing(url, item.Published, item.Title, feed.AbsoluteUri), night.Site.Url))
            {
                offSite.Add(url.AbsoluteUri);
            }
        }

        if (offSite.Count > 0)
        {
            night.Problem("feed", feed.AbsoluteUri, Sources.OffSite(offSite.Count, offSite[0], night.Site.Url));
        }

        if (noLink > 0)
        {
            night.Problem("feed", feed.AbsoluteUri, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{noLink} item(s) without a usable link, left out"));
        }
    }
}
