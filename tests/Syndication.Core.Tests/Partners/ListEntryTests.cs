using Syndication.Fetching;
using Syndication.Partners;

namespace Syndication.Core.Tests.Partners;

/// <summary>How a list's pages are written down and which mistakes are refused alone.</summary>
public sealed class ListEntryTests
{
    [TestCase("www.partner.example/2022/07/12/iran-drones/", "https://www.partner.example/2022/07/12/iran-drones/")]
    [TestCase("partner.example/story", "https://partner.example/story")]
    [TestCase("news.partner.co.uk", "https://news.partner.co.uk")]
    [TestCase("WWW.Partner.Example/a?b=c", "https://WWW.Partner.Example/a?b=c")]
    [TestCase("partner.example:8080/story", "https://partner.example:8080/story")]
    [TestCase("192.168.1.20/story", "https://192.168.1.20/story")]
    [TestCase("//partner.example/story", "https://partner.example/story")]
    [TestCase("www.story.html", "https://www.story.html")]
    public void A_web_address_without_its_scheme_is_recognised(string text, string url) =>
        Assert.That(PageAddress.SchemeLess(text), Is.EqualTo(url));

    [TestCase("pages/story.html")]
    [TestCase("story.html")]
    [TestCase("./partner.example/story")]
    [TestCase("../partner.example/story")]
    [TestCase("/srv/partner.example/story")]
    [TestCase("report.json")]
    [TestCase("index.php")]
    [TestCase("https://partner.example/story")]
    [TestCase("C:\\pages\\story.html")]
    [TestCase("")]
    public void A_path_is_not_taken_for_a_web_address(string text) =>
        Assert.That(PageAddress.SchemeLess(text), Is.Null);

    [Test]
    public void A_file_that_exists_is_a_file_whatever_its_name_looks_like()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("mirror.example"));
        File.WriteAllText(folder.File("mirror.example/story.html"), "<p>x</p>");
        Assert.That(PageAddress.SchemeLess("mirror.example/story.html", folder.Path), Is.Null);
        Assert.That(PartnerPage.ResolveLocation("mirror.example/story.html", folder.Path), Is.EqualTo("mirror.example/story.html"));
        Assert.That(PageAddress.Parse("mirror.example/story.html", folder.Path).FilePath, Is.EqualTo(folder.File("mirror.example/story.html")));
    }

    [TestCase("pages/a.html", "pages/a.html")]
    [TestCase("./pages/a.html", "pages/a.html")]
    [TestCase("pages/../pages/./a.html", "pages/a.html")]
    [TestCase("../elsewhere/a.html", "../elsewhere/a.html")]
    [TestCase("/srv/pages/a.html", "/srv/pages/a.html")]
    [TestCase("https://partner.example/a", "https://partner.example/a")]
    [TestCase("file:///srv/pages/a.html", "file:///srv/pages/a.html")]
    public void A_page_is_kept_as_the_list_writes_it_relative_to_the_list(string written, string kept)
    {
        using var folder = new TempFolder();
        Assert.That(PartnerPage.ResolveLocation(written, folder.Path), Is.EqualTo(kept));
    }

    [Test]
    public void One_malformed_entry_is_refused_alone_and_the_rest_is_read()
    {
        using var folder = new TempFolder();
        var path = folder.File("partners.yaml");
        File.WriteAllText(path, """
            partners:
              - name: Plains Reporter
                pages:
                  - https://plains.example/a
                  - plains.example/b
                  - https://plains.example/c
              - name: Coastal Ledger
                contact: [not, text]
                colour: blue
                pages: [https://coastal.example/a]
              - name: Plains Reporter
                pages: [https://plains.example/d]
              - name: Tri-County Herald
                pages: [https://tricounty.example/a]
            watch:
              - name: Copycat
            waivers:
              - partner: Coastal Ledger
                reason: agreed
                agreedBy: J. Smith
                expires: 2027-01-31
              - partner: Tri-County Herald
                reason: agreed
                expires: 2027-01-31
            """);
        var list = PartnerListReader.Read(path);
        Assert.That(list.Partners.Select(p => (p.Name, string.Join(" ", p.Pages.Select(g => g.Location)))), Is.EqualTo(new[]
        {
            ("Plains Reporter", "https://plains.example/a https://plains.example/c"),
            ("Tri-County Herald", "https://tricounty.example/a"),
        }));
        Assert.That(list.Refused, Is.EqualTo(new[]
        {
            $"{path}:5: partners[0].pages[1]: \"plains.example/b\" has no scheme and is no file; did you mean https://plains.example/b?",
            $"{path}:9: partners[1]: unknown key 'colour'; valid keys: name, contact, notes, robots, pages, site, sitemaps, feeds, discovery, render, profile, originals",
            $"{path}:11: partners[2].name: partner \"Plains Reporter\" is listed twice",
            $"{path}:16: watch[0].site: a watched site needs its site (site: https://www.example.com/)",
            $"{path}:22: waivers[1].agreedBy: a waiver says who agreed to it",
        }));
        Assert.That(list.Waivers.Single().Partner, Is.EqualTo("Coastal Ledger"), "a refused partner's waiver is not refused too");
    }

    [Test]
    public void One_malformed_csv_row_is_refused_alone()
    {
        using var folder = new TempFolder();
        var path = folder.File("partners.csv");
        File.WriteAllText(path, "partner,page\nPlains Reporter,https://plains.example/a\nPlains Reporter,www.plains.example/b\n,https://x.example/\nCoastal Ledger,https://coastal.example/a\n");
        var list = PartnerListReader.Read(path);
        Assert.That(list.Pages().Select(p => p.Location), Is.EqualTo(new[] { "https://plains.example/a", "https://coastal.example/a" }));
        Assert.That(list.Refused, Is.EqualTo(new[]
        {
            $"{path}:3: column page: \"www.plains.example/b\" has no scheme and is no file; did you mean https://www.plains.example/b?",
            $"{path}:4: column partner: the row has a page or a site but no partner",
        }));
    }

    [Test]
    public void A_folder_given_as_the_list_says_so()
    {
        using var folder = new TempFolder();
        Assert.That(Assert.Throws<PartnerListException>(() => PartnerListReader.Read(folder.Path))!.Message,
            Is.EqualTo($"{folder.Path} is a folder, not a partner list: give the list's YAML or CSV file"));
        File.WriteAllText(folder.File("notes.yaml"), "x: 1");
        File.WriteAllText(folder.File("partners.yaml"), "partners: []");
        Assert.That(Assert.Throws<PartnerListException>(() => PartnerListReader.Read(folder.Path))!.Message,
            Is.EqualTo($"{folder.Path} is a folder, not a partner list; did you mean {folder.File("partners.yaml")}?"));
    }

    [Test]
    public void A_waiver_on_a_file_page_is_written_as_the_pages_are()
    {
        using var folder = new TempFolder();
        var path = folder.File("partners.yaml");
        File.WriteAllText(path, "partners:\n  - name: A\n    pages: [./pages/a.html]\nwaivers:\n  - page: ./pages/*.html\n    reason: r\n    agreedBy: a\n    expires: 2027-01-31\n");
        var list = PartnerListReader.Read(path);
        Assert.That(list.Waivers.Single().Page, Is.EqualTo("pages/*.html"));
        Assert.That(list.Waivers.Single().Covers("A", list.Pages().Single().Location, "logo"), Is.True);
    }
}
