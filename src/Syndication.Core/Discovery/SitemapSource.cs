using Syndication.Fetching;
using Syndication.Sitemaps;

namespace Syndication.Discovery;

/// <summary>
/// A site's sitemaps as a source of pages: those the list names, else the Sitemap: lines of its robots.txt, else
/// /sitemap.xml. Each is read with the hostile-safe sitemap reader (indexes followed newest first, gzip unpacked under
/// a cap, news titles and dates kept), streamed: only the pages that pass the narrowing are held. After a site's first
/// night, a sitemap whose index gives the same lastmod as when it was last read to its end is not fetched at all (the
/// site's date against the site's date: a lagging lastmod or a wrong clock cannot hide a change).
/// </summary>
public static class SitemapSource
{
    public static async Task ReadAsync(SiteNight night, CandidateSelector selector, AddressRouter fetcher, bool fullPass, CancellationToken cancellationToken)
    {
        var site = night.Site;
        var (roots, guessed) = await RootsAsync(night, fetcher, cancellationToken);
        var host = site.Url.IdnHost;
        var options = new SitemapReadOptions
        {
            ReadBefore = fullPass ? null : night.Ledger.Sitemaps,
            Hosts = [host, host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : "www." + host],
            IgnoreRobots = site.IgnoreRobots,
        };
        var reader = new SitemapReader(fetcher);
        foreach (var root in roots)
        {
            var report = new SitemapReport();
            var (offSite, firstOffSite) = (0, string.Empty);
            await foreach (var entry in reader.ReadAsync(root, report, options, cancellationToken))
            {
                // The reader keeps to the site's hosts; a page on another port of the same host is another site still.
                if (!selector.Offer(new Listing(entry.Location, entry.Date, entry.NewsTitle, entry.Sitemap), site.Url) && offSite++ == 0)
                {
                    firstOffSite = entry.Location.AbsoluteUri;
                }
            }

            if (offSite > 0)
            {
                night.Problem("sitemap", root, Sources.OffSite(offSite, firstOffSite, site.Url));
            }

            night.SourcesRead += report.SitemapsRead;
            night.SourcesUnchanged += report.SitemapsUnchanged;
            foreach (var (sitemap, lastmod) in report.ReadInFull)
            {
                night.SitemapRead(sitemap, lastmod);
            }

            foreach (var problem in report.Problems)
            {
                // No sitemap at the guessed address is no problem when the site's feeds are the source.
                if (guessed && problem.Sitemap == root && report.SitemapsRead == 0 && site.Sources.Feeds.Count > 0)
                {
                    continue;
                }

                night.Problem(problem.ToString());
            }
        }
    }

    /// <summary>The sitemaps to start from, and whether they are only the guess /sitemap.xml.</summary>
    private static async Task<(IReadOnlyList<string> Roots, bool Guessed)> RootsAsync(SiteNight night, AddressRouter fetcher, CancellationToken cancellationToken)
    {
        var site = night.Site;
        if (site.Sources.Sitemaps.Count > 0)
        {
            return ([.. site.Sources.Sitemaps.Select(s => s.AbsoluteUri)], false);
        }

        try
        {
            var listed = await fetcher.RobotsSitemapsAsync(site.Url, cancellationToken);
            if (listed.Count > 0)
            {
                return (listed, false);
            }
        }
        catch (FetchException e)
        {
            night.Problem("robots.txt", new Uri(site.Url, "/robots.txt").AbsoluteUri, $"{e.Kind}: {e.Message}");
            return ([], false);
        }

        return ([new Uri(site.Url, "/sitemap.xml").AbsoluteUri], true);
    }
}
