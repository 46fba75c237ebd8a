using Syndication.Discovery;
using Syndication.Partners;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Discovery;

/// <summary>A watched site holds no licence: its republications are reported as unlicensed, apart from the partners' pages.</summary>
public sealed class WatchedSiteTests
{
    [Test]
    public async Task Republications_on_a_watched_site_are_unlicensed_new_once_and_dropped_when_taken_down()
    {
        var now = DateTimeOffset.UtcNow;
        var corpus = new Corpus(5, now.AddDays(-10));
        await using var copycat = await SiteServer.StartAsync();
        copycat.Put("/copy-1/", "text/html", Corpus.Republication(corpus.Originals[0], "Stolen headline"));
        copycat.Put("/copy-2/", "text/html", Corpus.Republication(corpus.Originals[1]));
        copycat.Put("/own/", "text/html", corpus.Unrelated(9));
        var urls = new List<SitemapXml.Url> { new(copycat.Url("/copy-1/"), now.AddDays(-2)), new(copycat.Url("/copy-2/"), now.AddDays(-1)), new(copycat.Url("/own/"), now) };
        copycat.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet(urls));
        var list = Nights.List() with { Watched = [new WatchedSite("Copycat Daily", null, false, new SiteSources(copycat.BaseUrl, [], []))] };
        var ledger = new MemoryLedger();
        using var cache = new TempFolder();

        var first = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);

        Assert.That(first.Pages, Is.Empty, "a watched site's pages are not partner pages");
        Assert.That(first.Counts.Pages, Is.Zero);
        Assert.That(first.Unlicensed.Select(u => (u.Site, new Uri(u.Url).AbsolutePath, u.Original.Title, u.New, u.Found.Via)), Is.EquivalentTo(new[]
        {
            ("Copycat Daily", "/copy-1/", corpus.Originals[0].Title, true, copycat.Url("/sitemap.xml")),
            ("Copycat Daily", "/copy-2/", corpus.Originals[1].Title, true, copycat.Url("/sitemap.xml")),
        }));
        Assert.That(ExitCodes.For(first, FailOn.New), Is.EqualTo(ExitCodes.NonCompliant), "a new unlicensed republication fails the night");
        Assert.That(first.Discovery.Single().Watched, Is.True);

        // Night two: the same copies, known now; then the copycat takes one down.
        var second = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(second.Unlicensed.Select(u => u.New), Is.EqualTo(new[] { false, false }));
        Assert.That(second.Unlicensed.All(u => u.Found.On == first.Unlicensed[0].Found.On), Is.True);
        Assert.That(ExitCodes.For(second, FailOn.New), Is.EqualTo(ExitCodes.Ok), "known ones fail only under --fail-on any");
        Assert.That(ExitCodes.For(second, FailOn.Any), Is.EqualTo(ExitCodes.NonCompliant));

        // A night the copycat's server fails on a known copy: not reported as a copy tonight, but not without a word.
        copycat.Route("/copy-1/", context => { context.Response.StatusCode = 500; return Task.CompletedTask; });
        var failing = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(failing.Unlicensed.Select(u => new Uri(u.Url).AbsolutePath), Is.EqualTo(new[] { "/copy-2/" }));
        Assert.That(failing.Discovery.Single().Problems.Single(), Does.StartWith("Copycat Daily: 1 unlicensed republication(s) found before could not be checked tonight (tried again tomorrow): http-status 1; first: " + copycat.Url("/copy-1/")));
        copycat.Put("/copy-1/", "text/html", Corpus.Republication(corpus.Originals[0], "Stolen headline"));

        copycat.Put("/copy-2/", "text/html", corpus.Unrelated(10));
        var third = await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(third.Unlicensed.Select(u => new Uri(u.Url).AbsolutePath), Is.EqualTo(new[] { "/copy-1/" }));
        copycat.ClearLog();
        await Nights.RunAsync(list, corpus.Originals, ledger, cache.Path);
        Assert.That(copycat.Requests.Select(r => r.Path), Does.Not.Contain("/copy-2/"), "a copy taken down is no longer checked");
    }
}
