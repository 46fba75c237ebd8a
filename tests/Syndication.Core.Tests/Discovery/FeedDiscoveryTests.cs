using Syndication.Discovery;

namespace Syndication.Core.Tests.Discovery;

/// <summary>Discovery from a partner's RSS feed, against a real loopback server: what is fetched, what is found, and what a second night asks.</summary>
public sealed class FeedDiscoveryTests
{
    [Test]
    public async Task A_feed_brings_the_republications_and_a_second_night_asks_only_for_what_changed()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(20, now.AddDays(-40));
        await using var site = await SiteServer.StartAsync();
        var items = new List<(string Url, string Title, DateTimeOffset Date)>();
        var republished = new List<string>();

        // Eight republications (three with rewritten headlines), ten of the partner's own stories, and four stories
        // older than every original: those are never fetched.
        for (var i = 0; i < 8; i++)
        {
            var original = corpus.Originals[i * 2];
            var headline = i % 3 == 0 ? "Local view: what it means for the county" : original.Title;
            var path = $"/news/{Corpus.Slug(headline)}-{i}/";
            site.Put(path, "text/html; charset=utf-8", Corpus.Republication(original, headline));
            items.Add((site.Url(path), headline, original.Published!.Value.AddHours(5)));
            republished.Add(site.Url(path));
        }

        for (var i = 0; i < 10; i++)
        {
            var path = $"/local/story-{i}/";
            site.Put(path, "text/html", corpus.Unrelated(100 + i));
            items.Add((site.Url(path), $"County board meets on item {i}", now.AddDays(-i)));
        }

        for (var i = 0; i < 4; i++)
        {
            var path = $"/archive/old-{i}/";
            site.Put(path, "text/html", corpus.Unrelated(200 + i));
            items.Add((site.Url(path), $"Old story {i}", now.AddDays(-300 - i)));
        }

        site.Put("/feed/", "application/rss+xml", Corpus.Rss("Partner", items));
        var list = Nights.List(Nights.Partner("Plains Reporter", site.BaseUrl, feeds: [new Uri(site.Url("/feed/"))]));
        var ledger = new MemoryLedger();
        using var cache = new TempFolder();

        var first = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);

        Assert.That(first.Pages.Select(p => p.Url), Is.EquivalentTo(republished), "exactly the republications join the partner's pages");
        Assert.That(first.Pages.All(p => p.Found is { New: true } && p.Found.Via == site.Url("/feed/")), Is.True);
        Assert.That(first.Pages.All(p => p.Verdict == Verdicts.PageVerdict.Compliant), Is.True, string.Join("\n", first.Pages.Select(p => $"{p.Url} {p.Verdict} {p.Note}")));
        var paths = site.Requests.Select(r => r.Path).ToList();
        Assert.That(paths, Is.EquivalentTo(new[] { "/robots.txt", "/sitemap.xml", "/feed/" }.Concat(items.Take(18).Select(i => new Uri(i.Url).AbsolutePath))), "robots.txt, the guess /sitemap.xml (none), the feed, and each page in the date window once");
        var account = first.Discovery.Single();
        Assert.That(account.Problems, Is.Empty, "a site without a sitemap but with a feed is no problem");
        Assert.That((account.Listed, account.Candidates, account.Fetched, account.Waiting, account.NewlyFound.Count), Is.EqualTo((22, 18, 18, 0, 8)));

        // Night two: one new republication and one new own story in the feed.
        site.ClearLog();
        var late = corpus.Originals[19];
        site.Put("/news/late/", "text/html", Corpus.Republication(late));
        site.Put("/local/new/", "text/html", corpus.Unrelated(300));
        items.Add((site.Url("/news/late/"), late.Title, now));
        items.Add((site.Url("/local/new/"), "Fair opens", now));
        site.Put("/feed/", "application/rss+xml", Corpus.Rss("Partner", items));

        var second = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);

        Assert.That(site.Requests.Select(r => r.Path), Is.EquivalentTo(new[] { "/robots.txt", "/sitemap.xml", "/feed/", "/news/late/", "/local/new/" }.Concat(republished.Select(u => new Uri(u).AbsolutePath))),
            "the found republications are checked again; of the feed's pages only the new ones are fetched");
        Assert.That(second.Pages.Where(p => p.Found!.New).Select(p => p.Url), Is.EqualTo(new[] { site.Url("/news/late/") }));
        Assert.That(second.Pages, Has.Count.EqualTo(9));
        Assert.That(second.Pages.Where(p => !p.Found!.New).All(p => p.Found!.On == first.Pages[0].Found!.On), Is.True, "found on the first night, still");
        Assert.That(site.Requests.Where(r => republished.Contains(site.Url(r.Path))).All(r => r.Status == 304), Is.True, "an unchanged page costs the partner a 304");
    }
}
