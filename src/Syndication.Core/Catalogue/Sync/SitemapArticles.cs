using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Fetching;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Profiles;
using Syndication.Sitemaps;

namespace Syndication.Catalogue.Sync;

/// <summary>
/// Finds the licensor's articles the feed and the API did not give, from its sitemaps: every article URL the
/// catalogue does not hold, or whose lastmod is newer than the kept copy, is fetched and read as an original page.
/// Sitemaps of pages, categories, tags and authors are not read, and a fetched page that does not say it is an
/// article (og:type article, a JSON-LD Article, article:published_time) is not kept. After the first sync only the
/// sitemaps an index says changed since the last one (a day's overlap) are read, each asked for conditionally.
/// </summary>
internal sealed partial class SitemapArticles(CatalogueStore store, LicenceProfile profile, IPageFetcher pages, IDocumentFetcher documents, SyncOptions options, TimeProvider time)
{
    public const string Watermark = "sitemaps.synced";

    public async Task ReadAsync(IReadOnlyList<Uri> sitemaps, LicensorSite site, SyncReport report, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var since = options.Full ? null : CatalogueSync.ParseState(store.State(profile.Id, Watermark)) - options.Overlap;
        var (listed, fetched, notArticles, failed, waiting) = (0L, 0, 0, 0, 0);
        var sitemapReport = new SitemapReport();
        var reader = new SitemapReader(documents, time: time);
        var read = new SitemapReadOptions { ModifiedSince = since, Hosts = site.Hosts, Follow = url => !NotPosts().IsMatch(url.AbsolutePath) };
        foreach (var sitemap in sitemaps)
        {
            await foreach (var entry in reader.ReadAsync(sitemap.AbsoluteUri, sitemapReport, read, cancellationToken))
            {
                listed++;
                if (!Changed(entry, since))
                {
                    continue;
                }

                if (fetched + failed >= options.MaxPages)
                {
                    waiting++;
                    continue;
                }

                switch (await ReadArticleAsync(entry, report, cancellationToken))
                {
                    case true:
                        fetched++;
                        break;
                    case false:
                        notArticles++;
                        break;
                    default:
                        failed++;
                        break;
                }
            }
        }

        foreach (var problem in sitemapReport.Problems)
        {
            report.Problem(problem.ToString(), incomplete: problem.Message.StartsWith("could not be fetched", StringComparison.Ordinal));
        }

        if (waiting > 0)
        {
            report.Problem($"sitemaps: {waiting:N0} changed article(s) over the {options.MaxPages:N0}-page limit of one sync wait for the next (--max-pages)", incomplete: false);
        }

        if (waiting == 0 && failed == 0 && report.Complete)
        {
            store.SetState(profile.Id, Watermark, CatalogueStore.Time(started));
        }

        report.Part(
            $"sitemaps: {sitemapReport.SitemapsRead} read ({sitemapReport.SitemapsFromCache} unchanged, 304), {sitemapReport.SitemapsUnchanged + sitemapReport.SitemapsSkipped} not read (unchanged since the last sync, or not posts); "
            + $"{listed:N0} URL(s) listed, {fetched} article page(s) read{(notArticles > 0 ? $", {notArticles} page(s) not articles" : string.Empty)}{(failed > 0 ? $", {failed} page(s) could not be read" : string.Empty)}");
    }

    /// <summary>True when the catalogue does not hold the page, or the sitemap says it changed after the kept copy was read.</summary>
    private bool Changed(SitemapEntry entry, DateTimeOffset? since)
    {
        var known = store.Known(profile.Id, entry.Location.AbsoluteUri, null);
        if (known is not { } kept)
        {
            return true;
        }

        if (entry.Date is not { } date || (since is { } s && date < s))
        {
            return false;
        }

        return date > (kept.Modified ?? kept.SeenAt);
    }

    /// <summary>Reads one article page: true when kept, false when it is no article, null when it could not be read.</summary>
    private async Task<bool?> ReadArticleAsync(SitemapEntry entry, SyncReport report, CancellationToken cancellationToken)
    {
        var url = entry.Location.AbsoluteUri;
        try
        {
            var page = await pages.FetchAsync(new FetchRequest(PageAddress.Parse(url)), cancellationToken);
            var document = PageParser.Parse(page.Body, page.Charset);
            if (!IsArticle(document.Document))
            {
                return false;
            }

            var original = OriginalPageReader.Read(document, url) with { Url = url, Modified = entry.LastModified };
            original = original.Published is null && entry.NewsPublished is { } published ? original with { Published = published } : original;
            report.Result.Add(store.Upsert([original], profile.Id, time.GetUtcNow()));
            return true;
        }
        catch (Exception e) when (e is FetchException or OriginalsException)
        {
            report.Problem($"article {url} (from {entry.Sitemap}): {e.Message}", incomplete: false);
            return null;
        }
    }

    /// <summary>The page says it is an article: og:type article, a JSON-LD Article (NewsArticle, BlogPosting...), or article:published_time.</summary>
    private static bool IsArticle(IDocument document)
    {
        if (document.QuerySelector("meta[property='og:type']")?.GetAttribute("content") is { } type && type.Trim().Equals("article", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (document.QuerySelector("meta[property='article:published_time']") is not null)
        {
            return true;
        }

        return document.QuerySelectorAll("script[type*='ld+json']").Any(s => ArticleType().IsMatch(s.TextContent));
    }

    [GeneratedRegex(@"""@type""\s*:\s*(\[[^\]]*)?""(News|Reportage|Analysis|Opinion|Report)?Article""|""@type""\s*:\s*""BlogPosting""")]
    private static partial Regex ArticleType();

    /// <summary>Sitemaps of things other than posts: WordPress core's and Yoast's pages, categories, tags, authors and attachments.</summary>
    [GeneratedRegex(@"(^|/)(page|category|post_tag|tag|author|attachment|product)[-_]?sitemap|sitemap-(posts-page|taxonomies|users)", RegexOptions.IgnoreCase)]
    private static partial Regex NotPosts();
}
