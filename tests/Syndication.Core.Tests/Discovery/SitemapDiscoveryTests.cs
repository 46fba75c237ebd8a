using Syndication.Discovery;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Discovery;

/// <summary>
/// Discovery over a partner with 10,000 URLs in a sitemap index (robots.txt Sitemap: line, a gzipped archive sitemap,
/// a news sitemap with titles), against a real loopback server: exactly the republications are found, only the pages
/// the date window lets through are fetched, and a second night fetches only what changed.
/// </summary>
public sealed class SitemapDiscoveryTests
{
    private const int Archive = 9_900;

    [Test]
    public async Task Ten_thousand_urls_a_few_dozen_republications_and_a_second_night()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(40, now.AddDays(-42));
        await using var site = await SiteServer.StartAsync();

        // The archive: the partner's own stories, one every 4.3 hours back for five years (all listed, few in the window).
        var archive = new List<SitemapXml.Url>();
        var inWindow = new List<string>();
        var windowFrom = corpus.Originals[0].Published!.Value - DiscoveryWindow;
        for (var i = 0; i < Archive; i++)
        {
            var path = $"/{2026 - i / 2000}/local/story-{i}/";
            var modified = now.AddHours(-4.3 * i - 1);
            archive.Add(new SitemapXml.Url(site.Url(path), modified));
            if (modified >= windowFrom)
            {
                site.Put(path, "text/html", corpus.Unrelated(i));
                inWindow.Add(path);
            }
        }

        // Thirty-six republications: the news sitemap gives titles (some rewritten), the recent sitemap only dates.
        var news = new List<SitemapXml.Url>();
        var recent = new List<SitemapXml.Url>();
        var republications = new List<string>();
        for (var i = 0; i < 36; i++)
        {
            var original = corpus.Originals[i];
            var headline = i % 4 == 0 ? $"What the county should know, part {i}" : original.Title;
            var path = $"/2026/news/{Corpus.Slug(headline)}-{i}/";
            site.Put(path, "text/html; charset=utf-8", Corpus.Republication(original, headline));
            republications.Add(path);
            var published = original.Published!.Value.AddHours(3);
            (i < 18 ? news : recent).Add(new SitemapXml.Url(site.Url(path), published, i < 18 ? headline : null, published));
        }

        var recentAt = now.AddDays(-1);
        site.Put("/robots.txt", "text/plain", $"User-agent: *\nDisallow: /private/\n\nSitemap: {site.Url("/sitemap_index.xml")}\n");
        site.Put("/sitemap-archive.xml.gz", "application/x-gzip", SitemapXml.Gzip(SitemapXml.UrlSet(archive)));
        site.Put("/sitemap-recent.xml", "application/xml", SitemapXml.UrlSet(recent));
        site.Put("/news-sitemap.xml", "application/xml", SitemapXml.UrlSet(news));
        site.Put("/sitemap_index.xml", "application/xml", SitemapXml.Index([
            (site.Url("/sitemap-archive.xml.gz"), now.AddDays(-3)), (site.Url("/sitemap-recent.xml"), recentAt), (site.Url("/news-sitemap.xml"), recentAt)]));
        var list = Nights.List(Nights.Partner("Plains Reporter", site.BaseUrl));
        var ledger = new MemoryLedger();
        using var cache = new TempFolder();

        var first = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);

        Assert.That(first.Pages.Select(p => new Uri(p.Url).AbsolutePath), Is.EquivalentTo(republications), "exactly the 36 republications are found");
        Assert.That(first.Pages.All(p => p.Verdict == PageVerdict.Compliant && p.Found!.New), Is.True);
        Assert.That(first.Pages.Where(p => p.Found!.Via == site.Url("/news-sitemap.xml")).Count(), Is.EqualTo(18), "found via the sitemap that listed them");
        var sitemaps = new[] { "/robots.txt", "/sitemap_index.xml", "/sitemap-archive.xml.gz", "/sitemap-recent.xml", "/news-sitemap.xml" };
        Assert.That(site.Requests.Select(r => r.Path), Is.EquivalentTo(sitemaps.Concat(inWindow).Concat(republications)),
            $"the sitemaps, then only the {inWindow.Count + 36} pages dated within the catalogue's window, each once");
        Assert.That(inWindow, Has.Count.LessThan(300), "the window keeps most of the 10,000 pages unfetched");
        var account = first.Discovery.Single();
        Assert.That((account.SourcesRead, account.Listed, account.Fetched, account.Waiting, account.NewlyFound.Count, account.Problems.Count), Is.EqualTo((4, Archive + 36, inWindow.Count + 36, 0, 36, 0)));

        // Night two: the archive is unchanged (its index lastmod says so); the recent sitemap gains a republication and
        // an own story; the news sitemap is rewritten with one more.
        site.ClearLog();
        var late = corpus.Originals[37];
        site.Put("/2026/news/late/", "text/html", Corpus.Republication(late));
        site.Put("/2026/local/new/", "text/html", corpus.Unrelated(50_000));
        recent.Add(new SitemapXml.Url(site.Url("/2026/news/late/"), now));
        recent.Add(new SitemapXml.Url(site.Url("/2026/local/new/"), now));
        var later = corpus.Originals[38];
        site.Put("/2026/news/later/", "text/html", Corpus.Republication(later, "A rewritten headline"));
        news.Add(new SitemapXml.Url(site.Url("/2026/news/later/"), now, "A rewritten headline", now));
        site.Put("/sitemap-recent.xml", "application/xml", SitemapXml.UrlSet(recent));
        site.Put("/news-sitemap.xml", "application/xml", SitemapXml.UrlSet(news));
        site.Put("/sitemap_index.xml", "application/xml", SitemapXml.Index([
            (site.Url("/sitemap-archive.xml.gz"), now.AddDays(-3)), (site.Url("/sitemap-recent.xml"), now), (site.Url("/news-sitemap.xml"), now)]));

        var second = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);

        var expected = new[] { "/robots.txt", "/sitemap_index.xml", "/sitemap-recent.xml", "/news-sitemap.xml", "/2026/news/late/", "/2026/local/new/", "/2026/news/later/" }.Concat(republications);
        Assert.That(site.Requests.Select(r => r.Path), Is.EquivalentTo(expected), "the unchanged archive sitemap and the pages already read are not asked for");
        Assert.That(site.Requests.Where(r => republications.Contains(r.Path)).Select(r => r.Status).Distinct(), Is.EqualTo(new[] { 304 }));
        Assert.That(second.Pages.Where(p => p.Found!.New).Select(p => new Uri(p.Url).AbsolutePath), Is.EquivalentTo(new[] { "/2026/news/late/", "/2026/news/later/" }));
        Assert.That(second.Pages, Has.Count.EqualTo(38));
        Assert.That(second.Discovery.Single().SourcesUnchanged, Is.EqualTo(1));
    }

    [Test]
    public async Task The_cap_takes_the_likeliest_titles_first_and_the_rest_wait_for_the_next_nights()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(6, now.AddDays(-10));
        await using var site = await SiteServer.StartAsync();
        var urls = new List<SitemapXml.Url>();
        for (var i = 0; i < 5; i++)
        {
            var path = $"/news/{Corpus.Slug(corpus.Originals[i].Title)}/";
            site.Put(path, "text/html", Corpus.Republication(corpus.Originals[i]));
            urls.Add(new SitemapXml.Url(site.Url(path), corpus.Originals[i].Published!.Value.AddHours(1)));
        }

        // A republication whose slug says nothing: partners rewrite headlines, so it is fetched, only later.
        site.Put("/news/county-view/", "text/html", Corpus.Republication(corpus.Originals[5], "County view"));
        urls.Add(new SitemapXml.Url(site.Url("/news/county-view/"), now.AddDays(-9)));
        for (var i = 0; i < 20; i++)
        {
            site.Put($"/local/{i}/", "text/html", corpus.Unrelated(i));
            urls.Add(new SitemapXml.Url(site.Url($"/local/{i}/"), now.AddDays(-i * 0.4)));
        }

        site.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet(urls));
        var list = Nights.List(Nights.Partner("Plains Reporter", site.BaseUrl) with { Site = new Syndication.Partners.SiteSources(site.BaseUrl, [], []) { MaxPages = 10 } });
        var ledger = new MemoryLedger();
        using var cache = new TempFolder();

        var first = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);

        Assert.That(first.Pages.Select(p => new Uri(p.Url).AbsolutePath), Is.EquivalentTo(urls.Take(5).Select(u => new Uri(u.Location).AbsolutePath)), "the five slugs like an original's title come first");
        Assert.That(site.Requests.Count(r => r.Path.StartsWith("/local/", StringComparison.Ordinal)), Is.EqualTo(5), "then the newest, up to the cap of ten");
        Assert.That(site.Requests.Where(r => r.Path.StartsWith("/local/", StringComparison.Ordinal)).Select(r => r.Path), Is.EquivalentTo(Enumerable.Range(0, 5).Select(i => $"/local/{i}/")));
        Assert.That(first.Discovery.Single().Waiting, Is.EqualTo(16));

        site.ClearLog();
        var second = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(site.Requests.Count(r => r.Path.StartsWith("/local/", StringComparison.Ordinal)), Is.EqualTo(10), "the next ten waiting");
        Assert.That(second.Discovery.Single().Waiting, Is.EqualTo(6));

        site.ClearLog();
        var third = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(third.Pages.Where(p => p.Found!.New).Select(p => new Uri(p.Url).AbsolutePath), Is.EqualTo(new[] { "/news/county-view/" }), "the rewritten headline is found on the night its turn comes");
        Assert.That(third.Discovery.Single().Waiting, Is.Zero);
        Assert.That(site.Requests.Count(r => r.Path.StartsWith("/local/", StringComparison.Ordinal)), Is.EqualTo(5));
    }

    private static readonly TimeSpan DiscoveryWindow = Discoverer.WindowSlack;
}
