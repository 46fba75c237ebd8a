using System.IO.Compression;
using System.Text;
using Syndication.Core.Tests.Fetching;
using Syndication.Fetching;
using Syndication.Sitemaps;

namespace Syndication.Core.Tests.Sitemaps;

/// <summary>The sitemap reader against a real server: the protocol's forms, and each hostile sitemap ends in one line naming it while the rest is read.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SitemapReaderTests
{
    private const string Xml = "application/xml";
    private FaultServer _server = null!;
    private HttpFetcher _fetcher = null!;

    [SetUp]
    public async Task Start()
    {
        _server = await FaultServer.StartAsync();
        _fetcher = new HttpFetcher(Options(), TimeProvider.System);
    }

    [TearDown]
    public async Task Stop()
    {
        _fetcher.Dispose();
        await _server.DisposeAsync();
    }

    private static FetchOptions Options(string? cache = null) => new()
    {
        Addresses = AddressPolicy.PublicAndLoopback,
        Timeout = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        CacheDirectory = cache,
    };

    private string U(string path) => _server.Url(path).AbsoluteUri;

    private static string UrlSet(params string[] urls) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">\n"
        + string.Concat(urls) + "</urlset>\n";

    private static string Url(string loc, string? lastmod = null) => $"<url><loc>{loc}</loc>{(lastmod is null ? string.Empty : $"<lastmod>{lastmod}</lastmod>")}</url>\n";

    private static string Index(params (string Loc, string? LastMod)[] sitemaps) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        + string.Concat(sitemaps.Select(s => $"<sitemap><loc>{s.Loc}</loc>{(s.LastMod is null ? string.Empty : $"<lastmod>{s.LastMod}</lastmod>")}</sitemap>\n"))
        + "</sitemapindex>\n";

    private async Task<(List<SitemapEntry> Entries, SitemapReport Report)> Read(string path, SitemapReadOptions? options = null, SitemapLimits? limits = null, HttpFetcher? fetcher = null)
    {
        var report = new SitemapReport();
        var entries = new List<SitemapEntry>();
        await foreach (var entry in new SitemapReader(fetcher ?? _fetcher, limits).ReadAsync(U(path), report, options))
        {
            entries.Add(entry);
        }

        return (entries, report);
    }

    private static string Problems(SitemapReport report) => string.Join("\n", report.Problems.Select(p => p.ToString()));

    [Test]
    public async Task A_news_sitemap_gives_each_page_with_its_lastmod_title_and_publication_date()
    {
        _server.Text("/news.xml", UrlSet(
            $"<url><loc>{U("/2024/05/01/drones/")}</loc><lastmod>2024-05-01T10:30:00+02:00</lastmod>"
            + "<news:news><news:publication><news:name>Partner</news:name><news:language>en</news:language></news:publication>"
            + "<news:publication_date>2024-05-01</news:publication_date><news:title>Iran Sending &amp; <![CDATA[Drones]]></news:title></news:news>"
            + $"<image:image><image:loc>{U("/img/drone.jpg")}</image:loc><image:title>not the headline</image:title></image:image></url>",
            Url(U("/about/"))), Xml);

        var (entries, report) = await Read("/news.xml");

        Assert.That(entries, Has.Count.EqualTo(2), Problems(report));
        var news = entries[0];
        Assert.That(news.Location.AbsoluteUri, Is.EqualTo(U("/2024/05/01/drones/")));
        Assert.That(news.LastModified, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero)));
        Assert.That(news.NewsPublished, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(news.NewsTitle, Is.EqualTo("Iran Sending & Drones"));
        Assert.That(news.Sitemap, Is.EqualTo(U("/news.xml")));
        Assert.That(entries[1].LastModified, Is.Null);
        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.SitemapsRead, Is.EqualTo(1));
    }

    [Test]
    public async Task An_index_is_followed_newest_sitemap_first_and_unchanged_sitemaps_are_not_fetched()
    {
        _server.Text("/index.xml", Index((U("/old.xml"), "2023-01-01"), (U("/new.xml"), "2024-06-01T00:00:00Z"), (U("/undated.xml"), null)), Xml);
        _server.Text("/old.xml", UrlSet(Url(U("/old/"))), Xml);
        _server.Text("/new.xml", UrlSet(Url(U("/new/"))), Xml);
        _server.Text("/undated.xml", UrlSet(Url(U("/undated/"))), Xml);

        var (all, _) = await Read("/index.xml");
        Assert.That(all.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/undated/", "/new/", "/old/" }));

        var (recent, report) = await Read("/index.xml", new SitemapReadOptions { ModifiedSince = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        Assert.That(recent.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/undated/", "/new/" }));
        Assert.That(report.SitemapsUnchanged, Is.EqualTo(1));
        Assert.That(_server.Hits("/old.xml"), Is.EqualTo(1), "the old sitemap is fetched by the first read only");
        Assert.That(recent[1].Sitemap, Is.EqualTo(U("/new.xml")));
    }

    [Test]
    public async Task A_gzipped_sitemap_is_unpacked()
    {
        _server.Bytes("/sitemap.xml.gz", Gzip(UrlSet(Url(U("/a/"), "2024-02-03"), Url(U("/b/")))), "application/x-gzip");
        var (entries, report) = await Read("/sitemap.xml.gz");
        Assert.That(entries.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/a/", "/b/" }), Problems(report));
    }

    [Test]
    public async Task A_gzip_bomb_stops_at_the_unpacked_cap_with_the_entries_before_it_kept()
    {
        // 1 entry, then 64 MB of white space: about 64 KB on the wire.
        var bomb = new MemoryStream();
        using (var gzip = new GZipStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(UrlSet(Url(U("/first/"))).Replace("</urlset>\n", string.Empty, StringComparison.Ordinal)));
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(spaces);
            }

            gzip.Write("</urlset>"u8);
        }

        _server.Bytes("/bomb.xml.gz", bomb.ToArray(), "application/gzip");
        _server.Text("/index.xml", Index((U("/bomb.xml.gz"), null), (U("/fine.xml"), null)), Xml);
        _server.Text("/fine.xml", UrlSet(Url(U("/fine/"))), Xml);

        var (entries, report) = await Read("/index.xml", limits: new SitemapLimits { MaxUnpackedBytes = 8 * 1024 * 1024 });

        Assert.That(entries.Select(e => e.Location.AbsolutePath), Is.EquivalentTo(new[] { "/first/", "/fine/" }));
        Assert.That(report.Problems, Has.Count.EqualTo(1));
        Assert.That(report.Problems[0].ToString(), Does.StartWith($"sitemap {U("/bomb.xml.gz")}: over the 8,388,608-byte limit once unpacked (a gzip bomb?); 1 entry read before it"));
    }

    [TestCase("billion laughs", """
        <?xml version="1.0"?>
        <!DOCTYPE urlset [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/&lol4;</loc></url></urlset>
        """)]
    [TestCase("external entity", """
        <?xml version="1.0"?>
        <!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/&secret;</loc></url></urlset>
        """)]
    [TestCase("external DTD", """
        <?xml version="1.0"?>
        <!DOCTYPE urlset SYSTEM "http://127.0.0.1:9/evil.dtd">
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/a</loc></url></urlset>
        """)]
    public async Task A_DTD_is_refused_and_the_other_sitemaps_are_still_read(string what, string hostile)
    {
        _server.Text("/hostile.xml", hostile, Xml);
        _server.Text("/index.xml", Index((U("/hostile.xml"), "2024-02-01"), (U("/fine.xml"), "2024-01-01")), Xml);
        _server.Text("/fine.xml", UrlSet(Url(U("/fine/"))), Xml);

        var (entries, report) = await Read("/index.xml");

        Assert.That(entries.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/fine/" }), what);
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/hostile.xml")}: refused: it declares a DTD (<!DOCTYPE>), which a sitemap never needs and which could expand entities (billion laughs) or read other files"));
    }

    [Test]
    public async Task An_index_loop_and_an_index_nested_too_deep_are_cut_with_one_line_each()
    {
        _server.Text("/a.xml", Index((U("/b.xml"), null), (U("/a.xml"), null)), Xml);
        _server.Text("/b.xml", Index((U("/a.xml"), null), (U("/c.xml"), null), (U("/pages.xml"), null)), Xml);
        _server.Text("/c.xml", Index((U("/pages.xml"), null)), Xml);
        _server.Text("/pages.xml", UrlSet(Url(U("/page/"))), Xml);

        var (entries, report) = await Read("/a.xml");

        Assert.That(entries.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/page/" }));
        Assert.That(report.Problems.Select(p => p.ToString()), Is.EquivalentTo(new[]
        {
            $"sitemap {U("/a.xml")}: index loop: it lists {U("/a.xml")}, which was already read",
            $"sitemap {U("/b.xml")}: index loop: it lists {U("/a.xml")}, which was already read",
            $"sitemap {U("/c.xml")}: is a sitemap index nested 3 deep (at most 2 followed); the sitemaps it lists were not read",
        }));
        Assert.That(_server.Hits("/a.xml"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_sitemap_of_more_than_50000_urls_is_read_whole_and_the_excess_noted()
    {
        var xml = new StringBuilder(UrlSet().Replace("</urlset>\n", string.Empty, StringComparison.Ordinal));
        for (var i = 0; i < 60_000; i++)
        {
            xml.Append("<url><loc>").Append(U($"/2024/{i}/")).Append("</loc><lastmod>2024-03-01</lastmod></url>\n");
        }

        xml.Append("</urlset>");
        _server.Text("/big.xml", xml.ToString(), Xml);

        var report = new SitemapReport();
        var count = 0;
        string? last = null;
        await foreach (var entry in new SitemapReader(_fetcher).ReadAsync(U("/big.xml"), report))
        {
            count++;
            last = entry.Location.AbsolutePath;
        }

        Assert.That(count, Is.EqualTo(60_000));
        Assert.That(last, Is.EqualTo("/2024/59999/"));
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/big.xml")}: lists 60,000 URLs, more than the protocol's 50,000 (all were read)"));
    }

    [Test]
    public async Task A_sitemap_served_as_html_is_refused_by_its_content_type()
    {
        _server.Html("/sitemap.xml", "<html><body>Not found, but here is our home page</body></html>");
        var (entries, report) = await Read("/sitemap.xml");
        Assert.That(entries, Is.Empty);
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/sitemap.xml")}: could not be fetched (not-html): the server says the page is text/html, not a sitemap (XML, gzip or text)"));
    }

    [TestCase("<html><body>soft 404</body></html>", "is an HTML page (<html>), not a sitemap")]
    [TestCase("<rss version=\"2.0\"><channel><item><link>http://x/</link></item></channel></rss>", "is an RSS or Atom feed (<rss>), not a sitemap")]
    [TestCase("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>", "is not a sitemap: its root element is <svg>, not <urlset> or <sitemapindex>")]
    [TestCase("", "malformed XML")]
    public async Task A_document_that_is_no_sitemap_says_what_it_is(string body, string expected)
    {
        _server.Text("/wrong.xml", body.Length == 0 ? "<urlset><url><loc>" : body, Xml);
        var (entries, report) = await Read("/wrong.xml");
        Assert.That(entries, Is.Empty);
        Assert.That(Problems(report), Does.StartWith($"sitemap {U("/wrong.xml")}: {expected}"));
    }

    [Test]
    public async Task Malformed_xml_half_way_keeps_the_entries_before_it_and_names_the_line()
    {
        _server.Text("/broken.xml", UrlSet(Url(U("/one/")), Url(U("/two/"))).Replace("</urlset>", "<url><loc>unclosed</url></urlset>", StringComparison.Ordinal), Xml);
        var (entries, report) = await Read("/broken.xml");
        Assert.That(entries.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/one/", "/two/" }));
        Assert.That(Problems(report), Does.Match($@"^sitemap {System.Text.RegularExpressions.Regex.Escape(U("/broken.xml"))}: malformed XML at line 5, position \d+: .+; 2 entries read before it$"));
    }

    [Test]
    public async Task Bad_dates_relative_and_off_site_urls_are_each_counted_in_one_line_naming_the_first()
    {
        _server.Text("/mixed.xml", UrlSet(
            Url(U("/good/"), "2024-04-01T12:00:00Z"),
            Url(U("/bad-date/"), "yesterday"),
            Url(U("/future/"), "2999-01-01"),
            Url("/relative/", "2024-04-02"),
            Url("https://elsewhere.example/copied/"),
            Url("https://evil.example/x/"),
            Url("javascript:alert(1)"),
            "<url><lastmod>2024-01-01</lastmod></url>",
            Url("  " + U("/spaced/") + "\n  ")), Xml);

        var (entries, report) = await Read("/mixed.xml");

        Assert.That(entries.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/good/", "/bad-date/", "/future/", "/relative/", "/spaced/" }));
        Assert.That(entries.Select(e => e.LastModified is null), Is.EqualTo(new[] { false, true, true, false, true }));
        Assert.That(entries[3].Location.AbsoluteUri, Is.EqualTo(U("/relative/")));
        var prefix = $"sitemap {U("/mixed.xml")}: ";
        Assert.That(report.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            prefix + "1 entry without a <loc> skipped",
            prefix + "1 entry not an http(s) URL skipped (first: \"javascript:alert(1)\")",
            prefix + "1 entry with a relative URL, resolved against the sitemap (first: \"/relative/\")",
            prefix + "2 entries on another site skipped (first: https://elsewhere.example/copied/)",
            prefix + $"2 entries with an unreadable or unbelievable date, read without it (first: \"yesterday\" for {U("/bad-date/")})",
        }));
    }

    [Test]
    public async Task The_hosts_a_caller_names_are_the_site()
    {
        _server.Text("/s.xml", UrlSet(Url("https://www.partner.example/a/"), Url("https://cdn.partner.example/b/"), Url(U("/c/"))), Xml);
        var (entries, _) = await Read("/s.xml", new SitemapReadOptions { Hosts = ["partner.example", "www.partner.example"] });
        Assert.That(entries.Select(e => e.Location.AbsoluteUri), Is.EqualTo(new[] { "https://www.partner.example/a/" }));
    }

    [Test]
    public async Task An_index_listing_a_sitemap_on_another_site_does_not_send_the_reader_there()
    {
        _server.Text("/index.xml", Index(("https://victim.example/sitemap.xml", null), (U("/ok.xml"), null)), Xml);
        _server.Text("/ok.xml", UrlSet(Url(U("/ok/"))), Xml);
        var (entries, report) = await Read("/index.xml");
        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/index.xml")}: 1 sitemap on another site not read (first: https://victim.example/sitemap.xml)"));
    }

    [Test]
    public async Task A_missing_sitemap_in_an_index_is_one_line_and_the_others_are_read()
    {
        _server.Text("/index.xml", Index((U("/gone.xml"), null), (U("/ok.xml"), null)), Xml);
        _server.Text("/ok.xml", UrlSet(Url(U("/ok/"))), Xml);
        var (entries, report) = await Read("/index.xml");
        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/gone.xml")}: could not be fetched (http-status): HTTP 404 Not Found"));
    }

    [Test]
    public async Task A_text_sitemap_lists_one_url_a_line()
    {
        _server.Text("/sitemap.txt", $"{U("/a/")}\r\n\r\n  {U("/b/")}  \nnot a url\n", "text/plain");
        var (entries, report) = await Read("/sitemap.txt");
        Assert.That(entries.Select(e => e.Location.AbsolutePath), Is.EqualTo(new[] { "/a/", "/b/" }));
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/sitemap.txt")}: 1 entry not an http(s) URL skipped (first: \"not a url\")"));
    }

    [Test]
    public async Task Robots_txt_is_honoured_for_sitemaps()
    {
        _server.Text("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain");
        _server.Text("/private/sitemap.xml", UrlSet(Url(U("/a/"))), Xml);
        var (entries, report) = await Read("/private/sitemap.xml");
        Assert.That(entries, Is.Empty);
        Assert.That(Problems(report), Does.Contain("could not be fetched (robots)"));
        Assert.That(_server.Hits("/private/sitemap.xml"), Is.EqualTo(0));
    }

    [Test]
    public async Task An_unchanged_sitemap_costs_a_304_and_is_read_from_the_cache()
    {
        using var cache = new TempFolder();
        var body = Encoding.UTF8.GetBytes(UrlSet(Url(U("/a/"), "2024-01-01")));
        _server.Route("/etag.xml", async context =>
        {
            if (context.Request.Headers.IfNoneMatch.ToString() == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.ContentType = Xml;
            context.Response.Headers.ETag = "\"v1\"";
            await context.Response.Body.WriteAsync(body);
        });
        using var fetcher = new HttpFetcher(Options(cache.Path), TimeProvider.System);

        var (first, firstReport) = await Read("/etag.xml", fetcher: fetcher);
        var (second, secondReport) = await Read("/etag.xml", fetcher: fetcher);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(firstReport.SitemapsFromCache, Is.EqualTo(0));
        Assert.That(secondReport.SitemapsFromCache, Is.EqualTo(1));
    }

    [Test]
    public async Task A_local_sitemap_file_may_list_local_pages_relative_to_its_folder()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("index.xml"), Index(("posts.xml", "2024-01-01")));
        File.WriteAllText(folder.File("posts.xml"), UrlSet(Url("pages/story.html", "2024-01-01"), Url("https://partner.example/web/")));
        var report = new SitemapReader(new FileFetcher(new FetchOptions(), TimeProvider.System)).ReadAsync(folder.File("index.xml"), new SitemapReport());
        var entries = new List<SitemapEntry>();
        await foreach (var entry in report)
        {
            entries.Add(entry);
        }

        Assert.That(entries.Select(e => e.Location.IsFile ? e.Location.LocalPath : e.Location.AbsoluteUri), Is.EqualTo(new[] { folder.File("pages/story.html"), "https://partner.example/web/" }));
    }

    [Test]
    public async Task A_sitemap_over_the_byte_cap_is_refused_while_it_downloads()
    {
        _server.Route("/huge.xml", async context =>
        {
            context.Response.ContentType = Xml;
            var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<urlset>"), context.RequestAborted);
            for (var i = 0; i < 64; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        var (entries, report) = await Read("/huge.xml", limits: new SitemapLimits { MaxBytes = 1024 * 1024 });
        Assert.That(entries, Is.Empty);
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/huge.xml")}: could not be fetched (too-large): the page is over the 1,048,576-byte limit (decompressed)"));
    }

    [Test]
    public async Task A_sitemap_that_is_binary_data_says_so()
    {
        _server.Bytes("/s.xml", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3], "application/octet-stream");
        var (entries, report) = await Read("/s.xml");
        Assert.That(entries, Is.Empty);
        Assert.That(Problems(report), Is.EqualTo($"sitemap {U("/s.xml")}: is a PNG image, not a sitemap"));
    }

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }
}
