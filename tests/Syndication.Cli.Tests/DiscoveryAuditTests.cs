using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// syndication audit with a partner's site and a watched site, night after night, with the history file: what is
/// found, what the reports and the timeline say, what the second night asks of the servers, and a past run rendered again.
/// </summary>
public sealed class DiscoveryAuditTests
{
    private static readonly DateTimeOffset July = new(2022, 7, 12, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_partner_site_and_a_watched_site_across_two_nights()
    {
        await using var partner = await SiteServer.StartAsync();
        await using var copycat = await SiteServer.StartAsync();
        partner.Put("/robots.txt", "text/plain", $"User-agent: *\nDisallow: /admin/\nSitemap: {partner.Url("/sitemap_index.xml")}\n");
        partner.Put("/sitemap_index.xml", "application/xml", SitemapXml.Index([(partner.Url("/news-sitemap.xml"), July.AddDays(40)), (partner.Url("/posts.xml"), July.AddDays(60))]));
        partner.Put("/news-sitemap.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(partner.Url("/2022/07/12/iran-drones/"), July, "Iran Sending Hundreds Of Armed Drones To Russia", July)]));
        partner.Put("/posts.xml", "application/xml", SitemapXml.UrlSet([
            new SitemapXml.Url(partner.Url("/2022/08/16/hospitals/"), July.AddDays(35)),
            new SitemapXml.Url(partner.Url("/2022/09/01/county-fair/"), July.AddDays(51)),
            new SitemapXml.Url(partner.Url("/2021/05/01/old-story/"), July.AddDays(-430)),
        ]));
        Serve(partner, "/2022/07/12/iran-drones/", "wordpress-compliant.html");
        Serve(partner, "/2022/08/16/hospitals/", "arcxp-tracking-pixel-logo.html");
        Serve(partner, "/2022/09/01/county-fair/", "ghost-unrelated-article.html");
        copycat.Put("/feed/", "application/rss+xml", Rss(copycat.Url("/stolen/drones/"), July.AddDays(2)));
        Serve(copycat, "/stolen/drones/", "squarespace-caps-byline-end-compliant.html");

        using var folder = new AuditFolder();
        folder.Page("listed.html", "wordpress-byline-wrong-person.html");
        File.WriteAllText(folder.List, $"""
            settings:
              originals: ["{RepoPaths.Feed}"]
            partners:
              - name: Plains Reporter
                site: {partner.BaseUrl}
                pages: [listed.html]
            watch:
              - name: Copycat Daily
                site: {copycat.BaseUrl}
                feeds: [{copycat.Url("/feed/")}]
            """);
        string[] Audit(string reports) => ["audit", folder.List, "--allow-private-networks", "--history", folder.History, "--format", "json,console", "--output-dir", folder.File(reports)];

        var first = await CliRunner.RunAsync(Audit("night-1"));

        Assert.That(first.ExitCode, Is.EqualTo(1), first.Stderr);
        var report = JsonReport.Load(folder.File("night-1/report.json"));
        Assert.That(report.Pages.Select(p => p.GetProperty("url").GetString()), Is.EqualTo(new[]
        {
            "listed.html", partner.Url("/2022/07/12/iran-drones/"), partner.Url("/2022/08/16/hospitals/"),
        }), "the listed page, then the two republications found on the site; its own story is not a page of the report");
        Assert.That(report.Page("/iran-drones/").GetProperty("verdict").GetString(), Is.EqualTo("compliant"));
        Assert.That(report.Page("/hospitals/").GetProperty("verdict").GetString(), Is.EqualTo("non-compliant"));
        var found = report.Page("/iran-drones/").GetProperty("found");
        Assert.That((found.GetProperty("via").GetString(), found.GetProperty("new").GetBoolean()), Is.EqualTo((partner.Url("/news-sitemap.xml"), true)));
        var unlicensed = report.Root.GetProperty("unlicensed").EnumerateArray().Single();
        Assert.That(unlicensed.GetProperty("url").GetString(), Is.EqualTo(copycat.Url("/stolen/drones/")));
        Assert.That(unlicensed.GetProperty("original").GetProperty("title").GetString(), Is.EqualTo("Iran Sending Hundreds Of Armed Drones To Russia"));
        Assert.That(report.Root.GetProperty("discovery")[0].GetProperty("fetched").GetInt32(), Is.EqualTo(3), "the 2021 story is older than every original");
        Assert.That(partner.Requests.Select(r => r.Path), Does.Not.Contain("/2021/05/01/old-story/"));
        var console = File.ReadAllText(folder.File("night-1/report.txt"));
        Assert.That(console, Does.Contain("found tonight via " + partner.Url("/news-sitemap.xml")).And.Contain("UNLICENSED REPUBLICATIONS").And.Contain("NEW  Copycat Daily"));

        var timeline = await CliRunner.RunAsync("history", "Plains Reporter", "--history", folder.History);
        Assert.That(timeline.Stdout, Does.Contain($"{partner.Url("/2022/08/16/hospitals/")}  (Plains Reporter)  found on ").And.Contain($"via {partner.Url("/posts.xml")}"));
        var copies = await CliRunner.RunAsync("history", "Copycat Daily", "--history", folder.History);
        Assert.That(copies.Stdout, Does.StartWith($"{copycat.Url("/stolen/drones/")}  unlicensed: republishes \"Iran Sending Hundreds Of Armed Drones To Russia\", found on "));

        // Night two: nothing changed. The found pages are checked as the partner's own; no sitemap or page is read
        // in full again, and nothing is new, so the night passes.
        partner.ClearLog();
        copycat.ClearLog();
        var second = await CliRunner.RunAsync(Audit("night-2"));
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Stderr);
        report = JsonReport.Load(folder.File("night-2/report.json"));
        Assert.That(report.Pages, Has.Count.EqualTo(3));
        Assert.That(report.Page("/hospitals/").GetProperty("change").GetString(), Is.EqualTo("persisting"));
        Assert.That(report.Page("/hospitals/").GetProperty("found").GetProperty("new").GetBoolean(), Is.False);
        Assert.That(report.Root.GetProperty("unlicensed")[0].GetProperty("found").GetProperty("new").GetBoolean(), Is.False);
        Assert.That(partner.Requests.Select(r => (r.Path, r.Status)), Is.EquivalentTo(new[]
        {
            ("/robots.txt", 200), ("/sitemap_index.xml", 304), ("/2022/07/12/iran-drones/", 304), ("/2022/08/16/hospitals/", 304),
        }), "robots.txt, the unchanged index, and the two known republications: each unchanged answer a 304");
        Assert.That(copycat.Requests.Select(r => (r.Path, r.Status)), Is.EquivalentTo(new[] { ("/robots.txt", 404), ("/sitemap.xml", 404), ("/feed/", 304), ("/stolen/drones/", 304) }));

        var again = await CliRunner.RunAsync("report", "--run", "1", "--history", folder.History, "--format", "json");
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Stderr);
        var rendered = JsonReport.Parse(again.Stdout);
        Assert.That(rendered.Root.GetProperty("unlicensed")[0].GetProperty("found").GetProperty("new").GetBoolean(), Is.True, "a past run is rendered with its own discovery");
        Assert.That(rendered.Page("/iran-drones/").GetProperty("found").GetProperty("new").GetBoolean(), Is.True);
    }

    [Test]
    public async Task No_discovery_checks_the_found_pages_without_reading_any_source()
    {
        await using var partner = await SiteServer.StartAsync();
        using var folder = new AuditFolder();
        var audit = OneRepublication(partner, folder);
        string[] Audit(params string[] more) => [.. audit, .. more];

        var first = await CliRunner.RunAsync(Audit());
        Assert.That(JsonReport.Parse(first.Stdout).Pages, Has.Count.EqualTo(1), first.Stderr);
        partner.ClearLog();
        var second = await CliRunner.RunAsync(Audit("--no-discovery"));
        Assert.That(JsonReport.Parse(second.Stdout).Page("/news/drones/").GetProperty("found").GetProperty("new").GetBoolean(), Is.False);
        Assert.That(partner.Requests.Select(r => r.Path), Is.EquivalentTo(new[] { "/robots.txt", "/news/drones/" }), "no sitemap read");
    }

    [Test]
    public async Task A_search_the_budget_cuts_short_still_reports_the_pages_found_before()
    {
        await using var partner = await SiteServer.StartAsync();
        using var folder = new AuditFolder();
        var audit = OneRepublication(partner, folder);
        string[] Audit(params string[] more) => [.. audit, .. more];
        Assert.That(JsonReport.Parse((await CliRunner.RunAsync(Audit())).Stdout).Pages, Has.Count.EqualTo(1));

        // The sitemap now never answers: the budget (1.2 s) ends the search, and the page found last night is still in the report.
        partner.Route("/sitemap.xml", async context => await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted));
        var cut = await CliRunner.RunAsync(Audit("--budget", "0.02"));
        Assert.That(cut.Stderr, Does.Contain("Discovery did not finish within the run's budget"));
        var page = JsonReport.Parse(cut.Stdout).Page("/news/drones/");
        Assert.That(page.GetProperty("found").GetProperty("new").GetBoolean(), Is.False, "reported as the partner's page, not lost");
    }

    [Test]
    public async Task A_page_listed_by_hand_that_republishes_no_original_says_so_in_every_report_and_the_log()
    {
        await using var partner = await SiteServer.StartAsync();
        using var folder = new AuditFolder();
        var audit = OneRepublication(partner, folder);
        folder.Page("own-story.html", "ghost-unrelated-article.html");
        File.AppendAllText(folder.List, "    pages: [own-story.html]\n");

        var run = await CliRunner.RunAsync([.. audit.Where(a => a != "json"), "json,console,markdown", "--output-dir", folder.File("reports")]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        const string Plainly = "it is listed by hand for Plains Reporter: is the list out of date, or is its original missing from the catalogue?";
        var report = JsonReport.Load(folder.File("reports/report.json"));
        Assert.That(report.Page("own-story.html").GetProperty("verdict").GetString(), Is.EqualTo("not-applicable"));
        Assert.That(report.Page("own-story.html").GetProperty("note").GetString(), Does.StartWith("republishes no known original: ").And.EndWith(Plainly));
        Assert.That(report.Page("/news/drones/").GetProperty("note").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "the discovered republication has no such note");
        Assert.That(File.ReadAllText(folder.File("reports/report.txt")), Does.Contain(Plainly));
        Assert.That(File.ReadAllText(folder.File("reports/report.md")), Does.Contain("listed by hand for Plains Reporter"));
        Assert.That(run.Stderr, Does.Contain("1 partner page(s) republish no original in the catalogue"));
    }

    /// <summary>A partner whose sitemap lists one republication, its list in the folder; returns the audit's arguments (JSON on stdout, with the folder's history).</summary>
    private static string[] OneRepublication(SiteServer partner, AuditFolder folder)
    {
        partner.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(partner.Url("/news/drones/"), July)]));
        Serve(partner, "/news/drones/", "wordpress-compliant.html");
        File.WriteAllText(folder.List, $"settings:\n  originals: [\"{RepoPaths.Feed}\"]\npartners:\n  - name: Plains Reporter\n    site: {partner.BaseUrl}\n");
        return ["audit", folder.List, "--allow-private-networks", "--history", folder.History, "--format", "json"];
    }

    private static void Serve(SiteServer server, string path, string sample) =>
        server.Put(path, "text/html; charset=utf-8", File.ReadAllBytes(RepoPaths.Page(sample)));

    private static string Rss(string link, DateTimeOffset date) => $"""
        <?xml version="1.0"?><rss version="2.0"><channel><title>Copycat</title><link>https://copycat.example/</link><description>x</description>
        <item><title>Drones for Russia, they say</title><link>{link}</link><pubDate>{date:r}</pubDate></item></channel></rss>
        """;
}
