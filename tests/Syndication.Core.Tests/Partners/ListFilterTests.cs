using Syndication.Partners;

namespace Syndication.Core.Tests.Partners;

public sealed class ListFilterTests
{
    private static readonly PartnerList List = new("partners.yaml", new AuditSettings(),
    [
        new Partner("Plains Reporter", null, null, false, [new PartnerPage("https://plains.example/2024/a"), new PartnerPage("https://plains.example/2023/b")]) { Site = new SiteSources(new Uri("https://plains.example/"), [], []) },
        new Partner("Coastal Ledger", null, null, false, [new PartnerPage("pages/2024/c.html")]),
    ])
    {
        Watched = [new WatchedSite("Copycat", null, false, new SiteSources(new Uri("https://copy.example/"), [], []))],
    };

    [Test]
    public void Nothing_asked_is_the_list_itself() => Assert.That(ListFilter.Apply(List, [], []), Is.SameAs(List));

    [Test]
    public void A_partner_keeps_its_pages_and_site_but_no_watched_site()
    {
        var part = ListFilter.Apply(List, ["PLAINS reporter"], []);
        Assert.That(part.Partners.Select(p => p.Name), Is.EqualTo(new[] { "Plains Reporter" }));
        Assert.That(part.PageCount, Is.EqualTo(2));
        Assert.That(part.Partners[0].Site, Is.Not.Null);
        Assert.That(part.Watched, Is.Empty);
    }

    [TestCase("*/2024/*", new[] { "https://plains.example/2024/a", "pages/2024/c.html" })]
    [TestCase("https://plains.example/2023/b", new[] { "https://plains.example/2023/b" })]
    [TestCase("PAGES/????/c.html", new[] { "pages/2024/c.html" })]
    public void A_glob_keeps_the_pages_it_matches_as_written_and_searches_no_site(string glob, string[] expected)
    {
        var part = ListFilter.Apply(List, [], [glob]);
        Assert.That(part.Pages().Select(p => p.Location), Is.EqualTo(expected));
        Assert.That(part.SiteCount, Is.Zero);
    }

    [Test]
    public void Asking_for_what_is_not_there_says_so()
    {
        Assert.That(Assert.Throws<PartnerListException>(() => ListFilter.Apply(List, ["Plains Reportr"], []))!.Message,
            Is.EqualTo("no partner \"Plains Reportr\" in partners.yaml; did you mean Plains Reporter?"));
        Assert.That(Assert.Throws<PartnerListException>(() => ListFilter.Apply(List, ["Coastal Ledger"], ["*2023*"]))!.Message,
            Is.EqualTo("partners.yaml has no page of Coastal Ledger matching *2023*"));
    }
}
