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
        Assert.That(plains.Pages[0].Location, Is.EqualTo(RepoPaths.Samples("pages", "wordpress-compliant.html")));
        Assert.That(plains.Pages[0].Original, Does.StartWith("https://dailycallernewsfoundation.org/"));
        Assert.That(list.Partners.Single(p => p.Name == "Capital City Sentinel").IgnoreRobots, Is.True);
        Assert.That(list.Pages().All(p => File.Exists(p.Location)), Is.True);
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

    [TestCase("partners:\n  - name: A\n    pages: [https://a.example/1]\n    color: red\n", "list.yaml:4: partners[0]: unknown key 'color'; valid keys: name, contact, notes, robots, pages")]
    [TestCase("partners:\n  - name: A\n", "list.yaml:2: partners[0].pages: partner \"A\" has no pages")]
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
        var error = Assert.Throws<PartnerListException>(() => PartnerListReader.Read(path))!;
        Assert.That(error.Message.Replace(folder.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal), Does.StartWith(expected));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [TestCase("name,page\nA,a.html\n", "1: missing column 'partner'")]
    [TestCase("partner,page,colour\nA,a.html,red\n", "1: unknown column 'colour'; valid columns: partner, page, contact, notes, original, robots")]
    [TestCase("partner,page\nA,a.html\n,b.html\n", "3: column partner: the row has a page but no partner")]
    [TestCase("partner,page\nA,\n", "2: column page: partner \"A\" has a row without a page")]
    [TestCase("partner,page\n", "the CSV file lists no pages")]
    [TestCase("partner,page\nA,\"pages/a\u0000.html\"\n", "2: column page: \"pages/a\\u0000.html\" is not a valid file path: it holds a control character")]
    public void A_bad_csv_list_names_the_file_line_and_column(string csv, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("list.csv");
        File.WriteAllText(path, csv);
        var error = Assert.Throws<PartnerListException>(() => PartnerListReader.Read(path))!;
        Assert.That(error.Message, Does.StartWith(path).And.Contain(expected));
    }

    [Test]
    public void A_missing_list_is_a_one_line_error() =>
        Assert.That(() => PartnerListReader.Read("/no/such/partners.yaml"), Throws.TypeOf<PartnerListException>().With.Message.EqualTo("partner list not found: /no/such/partners.yaml"));
}
