using Syndication.Catalogue;
using Syndication.Discovery;
using Syndication.Pipeline;
using Syndication.Profiles;

namespace Syndication.Core.Tests.Discovery;

/// <summary>
/// A page read against a catalogue that lacked its original is not dropped for good: when the catalogue gains originals
/// published before the site's last search (a sync that fills in the archive), the pages read then that may carry one
/// are read again, even after a night that searched nothing. The catalogue is a real catalogue file.
/// </summary>
public sealed class LateOriginalTests
{
    [Test]
    public async Task Pages_read_before_an_original_reached_the_catalogue_are_read_again_when_it_does()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(12, now.AddDays(-30));
        var late = corpus.Originals[6];
        var lateAt = late.Published!.Value;
        await using var site = await SiteServer.StartAsync();
        site.Put("/news/late/", "text/html", Corpus.Republication(late, "A headline of the partner's own"));
        site.Put("/news/one/", "text/html", Corpus.Republication(corpus.Originals[8]));
        site.Put("/local/before/", "text/html", corpus.Unrelated(1));
        site.Put("/local/after/", "text/html", corpus.Unrelated(2));
        site.Put("/local/undated/", "text/html", corpus.Unrelated(3));
        site.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet([
            new SitemapXml.Url(site.Url("/news/late/"), lateAt.AddDays(1)),
            new SitemapXml.Url(site.Url("/news/one/"), corpus.Originals[8].Published!.Value.AddHours(2)),
            new SitemapXml.Url(site.Url("/local/before/"), lateAt - Discoverer.WindowSlack - TimeSpan.FromDays(1)),
            new SitemapXml.Url(site.Url("/local/after/"), lateAt.AddDays(2)),
            new SitemapXml.Url(site.Url("/local/undated/"), null),
        ]));
        var list = Nights.List(Nights.Partner("Plains Reporter", site.BaseUrl));
        var ledger = new MemoryLedger();
        using var folder = new TempFolder();
        using var catalogue = CatalogueStore.Open(folder.File("catalogue.db"));
        var profile = ProfileLoader.BuiltIn;
        CheckSettings Settings() => new(profile, catalogue.Index(profile), []);

        // Night 1: the catalogue holds every original but one from the middle of its dates.
        catalogue.Upsert(corpus.Originals.Where(o => o != late), profile.Id, now.AddHours(-1));
        var first = await Nights.RunAsync(list, Settings(), ledger, folder.File("cache"));
        Assert.That(first.Pages.Select(p => new Uri(p.Url).AbsolutePath), Is.EqualTo(new[] { "/news/one/" }));
        Assert.That(site.Requests.Select(r => r.Path), Does.Contain("/news/late/"), "read, and judged a page of the partner's own");

        // A sync fills the gap. The next night searches nothing (--no-discovery): it must not count as a search.
        catalogue.Upsert([late], profile.Id, DateTimeOffset.UtcNow);
        site.ClearLog();
        var second = await Nights.RunAsync(list, Settings(), ledger, folder.File("cache"), search: false);
        Assert.That(site.Requests.Select(r => r.Path), Is.EquivalentTo(new[] { "/robots.txt", "/news/one/" }));
        Assert.That(second.Pages.Select(p => new Uri(p.Url).AbsolutePath), Is.EqualTo(new[] { "/news/one/" }));

        // Night 3 searches: the pages read before that may carry the late original (dated from its publication, less
        // the slack, or undated) are read again, each a 304 judged from the cache; the older page is not.
        site.ClearLog();
        var third = await Nights.RunAsync(list, Settings(), ledger, folder.File("cache"));
        Assert.That(site.Requests.Select(r => (r.Path, r.Status)), Is.EquivalentTo(new[]
        {
            ("/robots.txt", 404), ("/sitemap.xml", 304), ("/news/one/", 304), ("/news/late/", 304), ("/local/after/", 304), ("/local/undated/", 304),
        }));
        var found = third.Pages.Single(p => p.Found!.New);
        Assert.That((new Uri(found.Url).AbsolutePath, found.Original!.Title), Is.EqualTo(("/news/late/", late.Title)));

        // Night 4: nothing new in the catalogue; only the two republications are checked.
        site.ClearLog();
        await Nights.RunAsync(list, Settings(), ledger, folder.File("cache"));
        Assert.That(site.Requests.Select(r => r.Path), Is.EquivalentTo(new[] { "/robots.txt", "/sitemap.xml", "/news/one/", "/news/late/" }));
    }
}
