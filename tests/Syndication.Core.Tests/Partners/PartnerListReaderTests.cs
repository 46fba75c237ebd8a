using Syndication.Partners;

namespace Syndication.Core.Tests.Partners;

public sealed class PartnerListReaderTests
{
    [Test]
    public void The_sample_partner_list_reads_with_paths_resolved_against_its_folder()
    {
        var list = PartnerListReader.Read(RepoPaths.Samples("partners.yaml"));
        Assert.That(list.PageCount, Is.EqualTo(Directory.GetFiles(RepoPaths.Samples("pages"), "*.html").Length));
        Assert.That(list.Settings.Originals, Is.EqualTo(new[] { RepoPaths.Samples("originals", "feed.xml") }));
        Assert.That(list.Settings.Concurrency, Is.EqualTo(16));
        Assert.That(list.Settings.PerHost, Is.EqualTo(2));
        var plains = list.Partners.Single(p => p.Name == "Plains Reporter");
        Assert.That(plains.Contact, Is.EqualTo("editor@plainsreporter.example"));
        Assert.That(plains.Pages[0].Location, Is.EqualTo("pages/wordpress-compliant.html"), "as the list writes it, relative to its folder");
        Assert.That(plains.Pages[0].Original, Does.StartWith("https://dailycallernewsfoundation.org/"));
        Assert.That(list.Partners.Single(p => p.Name == "Capital City Sentinel").IgnoreRobots, Is.True);
        Assert.That(list.Pages().All(p => File.Exists(Path.Combine(list.Folder, p.Location))), Is.True);
    }

    [Test]
    public void A_csv_list_from_a_spreadsheet_reads_the_same_way()
    {
        var list = PartnerListReader.Read(RepoPaths.Samples("partners.csv"));
        Assert.That(list.Partners.Select(p => p.Name), Is.EqualTo(new[] { "Plains Reporter", "Coastal Ledger" }));
        Assert.That(list.Partners[0].Pages, Has.Count.EqualTo(2));
        Assert.That(list.Partners[0].Notes, Is.EqualTo("Republishes DCNF national-security stories"));
        Assert.That(list.Partners[0].Pages[0].Original, Is.EqualTo("Iran Sending Hundreds Of Armed Drones To Russia"));
        Assert.That(list.Partners[0].Pages[1].Original, Is.Null);
    }

    [TestCase("partners:\n  - name: A\n    pages: [https://a.example/1]\n    color: red\n", "list.yaml:4: partners[0]: unknown key 'color'; valid keys: name, contact, notes, robots, pages, site, sitemaps, feeds, discovery")]
    [TestCase("partners:\n  - name: A\n", "list.yaml:2: partners[0].pages: partner \"A\" has no pages and no site to discover them on")]
    [TestCase("partners:\n  - name: A\n    sitemaps: [https://a.example/sitemap.xml]\n", "list.yaml:2: partners[0].site: sitemaps, feeds and discovery need the site they belong to (site: https://www.example.com/)")]
    [TestCase("partners:\n  - name: A\n    site: ftp://a.example/\n", "list.yaml:3: partners[0].site: \"ftp://a.example/\" is not an http(s) URL")]
    [TestCase("partners:\n  - name: A\n    site: https://a.example/\n    feeds: [https://a.example/feed/, /feed2]\n", "list.yaml:4: partners[0].feeds[1]: \"/feed2\" is not an http(s) URL")]
    [TestCase("partners:\n  - name: A\n    site: https://a.example/\n    discovery: {maxPages: 0}\n", "list.yaml:4: partners[0].discovery.maxPages: expected a whole number from 1 to 1000000, not \"0\"")]
    [TestCase("settings:\n  discovery: {cap: 5}\npartners: []\n", "list.yaml:2: settings.discovery: unknown key 'cap'; valid keys: maxPages")]
    [TestCase("partners:\n  - name: A\n    site: https://a.example/\nwatch:\n  - name: B\n", "list.yaml:5: watch[0].site: a watched site needs its site (site: https://www.example.com/)")]
    [TestCase("partners:\n  - name: A\n    site: https://a.example/\nwatch:\n  - name: a\n    site: https://b.example/\n", "list.yaml:5: watch[0].name: \"a\" is already the name of a partner or another watched site")]
    [TestCase("partners:\n  - name: A\n    site: https://a.example/\nwatch:\n  - site: https://b.example/\n    pages: [x.html]\n", "list.yaml:6: watch[0]: unknown key 'pages'; valid keys: name, notes, robots, site, sitemaps, feeds, discovery")]
    [TestCase("partners:\n  - contact: x\n    pages: [a.html]\n", "list.yaml:2: partners[0].name: a partner needs a name")]
    [TestCase("partners:\n  - name: A\n    pages:\n      - ftp://a.example/x\n", "list.yaml:4: partners[0].pages[0]: \"ftp://a.example/x\" is not an http(s) or file URL")]
    [TestCase("settings:\n  concurrency: lots\npartners: []\n", "list.yaml:2: settings.concurrency: expected a whole number from 1 to 1024, not \"lots\"")]
    [TestCase("settings:\n  robots: maybe\npartners: []\n", "list.yaml:2: settings.robots: robots must be 'respect' or 'ignore', not \"maybe\"")]
    [TestCase("partners:\n  - name: A\n    pages: [a.html]\n  - name: a\n    pages: [b.html]\n", "list.yaml:4: partners[1].name: partner \"a\" is listed twice")]
    [TestCase("partners:\n  - name: A\n    pages: [a.html\n", "list.yaml:")]
    [TestCase("settings:\n  originals: [feed.xml\npartners:\n  - name: A\n    pages: [a.html]\n", "list.yaml:3: not valid YAML by this line (is a '[' or '{' left unclosed above?)")]
    [TestCase("settings:\n  history: \"a\\0b.db\"\npartners:\n  - name: A\n    pages: [a.html]\n", "list.yaml:2: settings.history: \"a\\u0000b.db\" is not a valid file path: it holds a control character")]
    [TestCase("just text", "list.yaml:1: the partner list must be a mapping")]
    [TestCase("settings: {}\n", "list.yaml:1: partners: the list has no 'partners'")]
    public void A_bad_yaml_list_names_the_file_line_and_field(string yaml, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("list.yaml");
        File.WriteAllText(path, yaml);
        var message = Refusal(path);
        Assert.That(message.Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal), Does.StartWith(expected));
        Assert.That(message, Does.Not.Contain('\n'));
    }

    [TestCase("name,page\nA,a.html\n", "1: missing column 'partner'")]
    [TestCase("partner,page,colour\nA,a.html,red\n", "1: unknown column 'colour'; valid columns: partner, page, contact, notes, original, robots, site, sitemap, feed, watch")]
    [TestCase("partner,page\nA,a.html\n,b.html\n", "3: column partner: the row has a page or a site but no partner")]
    [TestCase("partner,page\nA,\n", "2: column page: partner \"A\" has a row without a page or a site")]
    [TestCase("partner,contact\nA,x\n", "1: missing column 'page' (or 'site', to discover a partner's pages)")]
    [TestCase("partner,page,site\nA,,notaurl\n", "2: column site: \"notaurl\" is not an http(s) URL")]
    [TestCase("partner,page,site\nA,,https://a.example/\nA,,https://b.example/\n", "3: column site: partner \"A\" already has the site https://a.example/")]
    [TestCase("partner,page,feed\nA,,https://a.example/feed/\n", "2: column site: \"A\" has sitemaps, feeds or watch but no site they belong to")]
    [TestCase("partner,page,site,watch\nA,a.html,https://a.example/,yes\n", "2: column page: \"A\" is a watched site: its pages are discovered, not listed")]
    [TestCase("partner,page,site,watch\nA,,https://a.example/,maybe\n", "2: column watch: expected yes or no, not \"maybe\"")]
    [TestCase("partner,page\n", "the CSV file lists no pages")]
    [TestCase("partner,page\nA,\"pages/a\u0000.html\"\n", "2: column page: \"pages/a\\u0000.html\" is not a valid file path: it holds a control character")]
    public void A_bad_csv_list_names_the_file_line_and_column(string csv, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("list.csv");
        File.WriteAllText(path, csv);
        Assert.That(Refusal(path), Does.StartWith(path).And.Contain(expected));
    }

    [Test]
    public void A_partner_may_give_its_site_sitemaps_and_feeds_and_a_list_may_watch_other_sites()
    {
        using var folder = new TempFolder();
        var path = folder.File("list.yaml");
        File.WriteAllText(path, """
            settings:
              discovery: { maxPages: 300 }
            partners:
              - name: Plains Reporter
                site: https://www.plainsreporter.example/
                sitemaps: [https://www.plainsreporter.example/news-sitemap.xml]
                feeds: https://www.plainsreporter.example/feed/
                discovery: { maxPages: 50 }
              - name: Coastal Ledger
                site: https://coastal.example/
                pages: [https://coastal.example/a/]
              - name: Listed Only
                pages: [page.html]
            watch:
              - site: https://copycat.example/
              - name: Aggregator
                site: https://aggregator.example/
                feeds: [https://aggregator.example/rss]
            """);
        var list = PartnerListReader.Read(path);
        Assert.That(list.Settings.DiscoveryMaxPages, Is.EqualTo(300));
        var plains = list.Partners[0];
        Assert.That(plains.Pages, Is.Empty);
        Assert.That(plains.Site!.Site, Is.EqualTo(new Uri("https://www.plainsreporter.example/")));
        Assert.That(plains.Site.Sitemaps, Is.EqualTo(new[] { new Uri("https://www.plainsreporter.example/news-sitemap.xml") }));
        Assert.That(plains.Site.Feeds, Is.EqualTo(new[] { new Uri("https://www.plainsreporter.example/feed/") }));
        Assert.That(plains.Site.MaxPages, Is.EqualTo(50));
        Assert.That(list.Partners[1].Site!.Sitemaps, Is.Empty);
        Assert.That(list.Partners[2].Site, Is.Null);
        Assert.That(list.Watched.Select(w => w.Name), Is.EqualTo(new[] { "copycat.example", "Aggregator" }));
        Assert.That(list.SiteCount, Is.EqualTo(4));
        var sites = Syndication.Discovery.DiscoverySite.From(list);
        Assert.That(sites.Select(s => (s.Name, s.Watched, s.MaxPages)), Is.EqualTo(new[] { ("Plains Reporter", false, 50), ("Coastal Ledger", false, 300), ("copycat.example", true, 300), ("Aggregator", true, 300) }));
    }

    [Test]
    public void A_csv_list_may_give_sites_sitemaps_feeds_and_watched_sites()
    {
        using var folder = new TempFolder();
        var path = folder.File("list.csv");
        File.WriteAllText(path, """
            partner,page,site,sitemap,feed,watch
            Plains Reporter,,https://plains.example/,https://plains.example/s1.xml,,
            Plains Reporter,,,https://plains.example/s2.xml,https://plains.example/feed/,
            Plains Reporter,p.html,,,,
            Copycat,,https://copycat.example/,,,yes
            """);
        var list = PartnerListReader.Read(path);
        var plains = list.Partners.Single();
        Assert.That(plains.Site!.Sitemaps.Select(u => u.AbsolutePath), Is.EqualTo(new[] { "/s1.xml", "/s2.xml" }));
        Assert.That(plains.Site.Feeds.Single().AbsolutePath, Is.EqualTo("/feed/"));
        Assert.That(plains.Pages.Single().Location, Is.EqualTo("p.html"));
        Assert.That(list.Watched.Single(), Is.EqualTo(new WatchedSite("Copycat", null, false, list.Watched[0].Sources)));
        Assert.That(list.Watched[0].Sources.Site.Host, Is.EqualTo("copycat.example"));
    }

    [Test]
    public void A_missing_list_is_a_one_line_error() =>
        Assert.That(() => PartnerListReader.Read("/no/such/partners.yaml"), Throws.TypeOf<PartnerListException>().With.Message.EqualTo("partner list not found: /no/such/partners.yaml"));

    /// <summary>
    /// What the reader says of a list with one mistake: the whole list refused (a setting, the YAML itself, or the only
    /// entry), or that one entry refused while the rest is read.
    /// </summary>
    internal static string Refusal(string path)
    {
        try
        {
            var list = PartnerListReader.Read(path);
            Assert.That(list.Refused, Has.Count.EqualTo(1), "one entry refused, the rest read");
            return list.Refused[0];
        }
        catch (PartnerListException e)
        {
            return e.Message;
        }
    }
}
