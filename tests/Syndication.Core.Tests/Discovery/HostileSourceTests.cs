using System.Text;
using Syndication.Discovery;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Discovery;

/// <summary>
/// Sitemaps and feeds are hostile input: each bad one is a one-line reason naming the partner and the source, and the
/// rest of the night goes on (the good sitemap's republications are found, the other partner's site is searched, the
/// pages listed by hand are checked).
/// </summary>
public sealed class HostileSourceTests
{
    [Test]
    public async Task Every_hostile_source_is_one_line_naming_the_partner_and_the_url_and_the_night_goes_on()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(6, now.AddDays(-10));
        await using var site = await SiteServer.StartAsync();
        await using var other = await SiteServer.StartAsync();
        string U(string path) => site.Url(path);

        const string Laughs = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol4;</loc></url></urlset>""";
        site.Put("/laughs.xml", "application/xml", Laughs);
        site.Put("/external.xml", "application/xml", """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&e;</loc></url></urlset>""");
        site.Put("/bomb.xml.gz", "application/x-gzip", GzipBomb(60 * 1024 * 1024));
        site.Put("/loop-a.xml", "application/xml", SitemapXml.Index([(U("/loop-b.xml"), null)]));
        site.Put("/loop-b.xml", "application/xml", SitemapXml.Index([(U("/loop-a.xml"), null)]));
        site.Put("/html.xml", "text/html", "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>");
        site.Put("/error.xml", "application/xml", "");
        site.Route("/error.xml", context => { context.Response.StatusCode = 500; return Task.CompletedTask; });
        site.Put("/dates.xml", "application/xml", """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>""" + U("/local/dated/") + "</loc><lastmod>2024-13-45</lastmod></url></urlset>");
        site.Put("/local/dated/", "text/html", corpus.Unrelated(1));
        site.Put("/relative.xml", "application/xml", """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/news/relative/</loc></url></urlset>""");
        site.Put("/news/relative/", "text/html", Corpus.Republication(corpus.Originals[2]));
        site.Put("/offsite.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url("https://elsewhere.example/news/copied/", now), new SitemapXml.Url("https://evil.example/x/", now)]));
        // More than the protocol's 50,000 URLs: read whole and noted; only the one dated within the window is a candidate.
        site.Put("/big.xml", "application/xml", SitemapXml.UrlSet(Enumerable.Range(0, 50_001).Select(i => new SitemapXml.Url(U($"/archive/{i}/"), i == 0 ? now : now.AddDays(-400 - (i / 100))))));
        site.Put("/archive/0/", "text/html", corpus.Unrelated(2));
        site.Put("/good.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(U("/news/one/"), now), new SitemapXml.Url(U("/news/two/"), now)]));
        site.Put("/news/one/", "text/html", Corpus.Republication(corpus.Originals[0]));
        site.Put("/news/two/", "text/html", Corpus.Republication(corpus.Originals[1]));
        site.Put("/feed-laughs/", "application/rss+xml", """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title><link>https://x.example/</link><description>x</description><item><title>&lol2;</title><link>https://x.example/a</link></item></channel></rss>""");
        site.Put("/feed-html/", "text/html", "<html><body>not a feed</body></html>");
        site.Put("/listed.html", "text/html", Corpus.Republication(corpus.Originals[3]));
        var sitemaps = new[] { "/laughs.xml", "/external.xml", "/bomb.xml.gz", "/loop-a.xml", "/html.xml", "/error.xml", "/dates.xml", "/relative.xml", "/offsite.xml", "/big.xml", "/good.xml" };
        other.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(other.Url("/news/three/"), now)]));
        other.Put("/news/three/", "text/html", Corpus.Republication(corpus.Originals[4]));

        var list = Nights.List(
            Nights.Partner("Plains Reporter", site.BaseUrl, [.. sitemaps.Select(s => new Uri(U(s)))], [new Uri(U("/feed-laughs/")), new Uri(U("/feed-html/"))], U("/listed.html")),
            Nights.Partner("Coastal Ledger", other.BaseUrl));
        using var cache = new TempFolder();

        var night = await Nights.RunAsync(list, corpus.Originals, new MemoryLedger(), cache.Path);

        var problems = night.Discovery[0].Problems;
        TestContext.Out.WriteLine(string.Join("\n", problems));
        Assert.That(problems.All(p => p.StartsWith("Plains Reporter: ", StringComparison.Ordinal) && !p.Contains('\n') && !p.Contains('\r')), Is.True, "one line each, naming the partner");
        foreach (var (path, says) in new[]
        {
            ("/laughs.xml", "DTD"), ("/external.xml", "DTD"), ("/bomb.xml.gz", "gzip bomb"), ("/loop-", "loop"), ("/html.xml", "text/html"),
            ("/error.xml", "500"), ("/dates.xml", "2024-13-45"), ("/relative.xml", "relative"), ("/offsite.xml", "elsewhere.example"), ("/big.xml", "more than the protocol's"),
            ("/feed-laughs/", "entit"), ("/feed-html/", "text/html"),
        })
        {
            Assert.That(problems.Any(p => p.Contains(U(path), StringComparison.Ordinal) && p.Contains(says, StringComparison.OrdinalIgnoreCase)), Is.True, $"a line names {path} and says {says}");
        }

        Assert.That(problems.Any(p => p.Contains(U("/good.xml"), StringComparison.Ordinal)), Is.False, "the good sitemap reads without a word");
        Assert.That(night.Pages.Select(p => (p.Partner, new Uri(p.Url).AbsolutePath, p.Verdict)), Is.EquivalentTo(new[]
        {
            ("Plains Reporter", "/listed.html", PageVerdict.Compliant),
            ("Plains Reporter", "/news/one/", PageVerdict.Compliant),
            ("Plains Reporter", "/news/two/", PageVerdict.Compliant),
            ("Plains Reporter", "/news/relative/", PageVerdict.Compliant),
            ("Coastal Ledger", "/news/three/", PageVerdict.Compliant),
        }), "the listed page is checked, the good and the leniently read sitemaps' republications are found, and the other partner's site is searched");
        Assert.That(site.Requests.Any(r => r.Path.Contains("elsewhere", StringComparison.Ordinal)), Is.False);
        Assert.That(night.Discovery[1].Problems, Is.Empty);
        Assert.That(site.Requests.Count(r => r.Path == "/local/dated/"), Is.EqualTo(1), "a page with an unreadable date is still a candidate (its date unknown)");
        Assert.That(site.Requests.Where(r => r.Path.StartsWith("/archive/", StringComparison.Ordinal)).Select(r => r.Path), Is.EqualTo(new[] { "/archive/0/" }), "of the 50,001, only the page in the window is fetched");
    }

    [Test]
    public async Task An_unreachable_site_is_one_line_and_the_next_night_reads_every_sitemap_again()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(3, now.AddDays(-10));
        await using var site = await SiteServer.StartAsync();
        site.Put("/robots.txt", "text/plain", "Sitemap: " + site.Url("/index.xml"));
        site.Put("/index.xml", "application/xml", SitemapXml.Index([(site.Url("/a.xml"), now.AddDays(-30)), (site.Url("/b.xml"), now.AddDays(-30))]));
        site.Put("/a.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(site.Url("/news/a/"), now.AddDays(-5))]));
        site.Route("/b.xml", context => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        site.Put("/news/a/", "text/html", Corpus.Republication(corpus.Originals[0]));
        site.Put("/news/b/", "text/html", Corpus.Republication(corpus.Originals[1]));
        var list = Nights.List(Nights.Partner("Plains Reporter", site.BaseUrl));
        var ledger = new MemoryLedger();
        using var cache = new TempFolder();

        var first = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(first.Discovery.Single().Problems.Single(), Does.StartWith($"Plains Reporter: sitemap {site.Url("/b.xml")}: could not be fetched"));
        Assert.That(first.Pages.Select(p => new Uri(p.Url).AbsolutePath), Is.EqualTo(new[] { "/news/a/" }));

        // b.xml is back; the index still dates it a month ago, but last night could not read it, so it is read now.
        site.Put("/b.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(site.Url("/news/b/"), now.AddDays(-4))]));
        var second = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(second.Pages.Where(p => p.Found!.New).Select(p => new Uri(p.Url).AbsolutePath), Is.EqualTo(new[] { "/news/b/" }));
        Assert.That(second.Discovery.Single().Problems, Is.Empty);

        site.ClearLog();
        await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(site.Requests.Select(r => r.Path), Is.EquivalentTo(new[] { "/robots.txt", "/index.xml", "/news/a/", "/news/b/" }), "a complete night again: the old sitemaps are skipped");
    }

    [Test]
    public async Task A_listed_url_that_redirects_off_the_site_is_not_the_partner_s_page()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(2, now.AddDays(-10));
        await using var site = await SiteServer.StartAsync();
        await using var licensor = await SiteServer.StartAsync();
        licensor.Put("/original/", "text/html", Corpus.Republication(corpus.Originals[0]));
        site.Route("/go/original/", context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = licensor.Url("/original/");
            return Task.CompletedTask;
        });
        site.Put("/news/copy/", "text/html", Corpus.Republication(corpus.Originals[1]));
        site.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(site.Url("/go/original/"), now), new SitemapXml.Url(site.Url("/news/copy/"), now)]));
        using var cache = new TempFolder();

        var night = await Nights.RunAsync(Nights.List(Nights.Partner("Plains Reporter", site.BaseUrl)), corpus.Originals, new MemoryLedger(), cache.Path);

        Assert.That(night.Pages.Select(p => new Uri(p.Url).AbsolutePath), Is.EqualTo(new[] { "/news/copy/" }), "the redirect lands on the licensor's own article: not a republication by the partner");
        Assert.That(licensor.Requests.Select(r => r.Path), Does.Contain("/original/"));
    }

    [Test]
    public async Task Candidates_that_cannot_be_checked_are_one_line_and_not_asked_for_again()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(3, now.AddDays(-10));
        await using var site = await SiteServer.StartAsync();
        site.Put("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        site.Put("/news/one/", "text/html", Corpus.Republication(corpus.Originals[0]));
        site.Put("/print/one.pdf", "application/pdf", "%PDF-1.4 not a page");
        site.Route("/busy/", context => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        site.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet(new[] { "/news/one/", "/gone/", "/private/draft/", "/print/one.pdf", "/busy/" }
            .Select(path => new SitemapXml.Url(site.Url(path), now.AddDays(-1)))));
        var list = Nights.List(Nights.Partner("Plains Reporter", site.BaseUrl));
        var ledger = new MemoryLedger();
        using var cache = new TempFolder();

        var first = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);

        var line = first.Discovery.Single().Problems.Single();
        Assert.That(line, Does.StartWith("Plains Reporter: 3 candidate page(s) could not be checked and are not tried again: ").And.Contain("http-status 1").And.Contain("not-html 1").And.Contain("robots 1").And.Contain("; first: " + site.Url("/")));
        Assert.That(first.Pages.Select(p => new Uri(p.Url).AbsolutePath), Is.EqualTo(new[] { "/news/one/" }));
        Assert.That(first.Discovery.Single().Waiting, Is.EqualTo(1), "a 503 is tried again on the next nights");

        site.ClearLog();
        var second = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(site.Requests.Select(r => r.Path).Distinct(), Is.EquivalentTo(new[] { "/robots.txt", "/sitemap.xml", "/news/one/", "/busy/" }));
        Assert.That(second.Discovery.Single().Problems, Is.Empty, "still waiting: not given up yet");

        await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        site.ClearLog();
        var fourth = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(site.Requests.Select(r => r.Path), Does.Not.Contain("/busy/"), "given up after three nights");
        Assert.That(fourth.Discovery.Single().Problems, Is.Empty);
    }

    private static byte[] GzipBomb(int bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(memory, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            var head = Encoding.UTF8.GetBytes("""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>""");
            gzip.Write(head);
            var zeros = new byte[1024 * 1024];
            Array.Fill(zeros, (byte)'a');
            for (var written = 0; written < bytes; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return memory.ToArray();
    }
}
