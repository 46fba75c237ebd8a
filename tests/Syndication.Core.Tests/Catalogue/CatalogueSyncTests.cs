using Syndication.Catalogue;
using Syndication.Catalogue.Sync;
using Syndication.Fetching;
using Syndication.Pipeline;
using Syndication.Profiles;

namespace Syndication.Core.Tests.Catalogue;

/// <summary>
/// originals sync against a real licensor site on loopback: the REST API, the paged feed and the sitemap index each
/// fill the catalogue, and a second sync asks only for what changed (the requests the server saw are counted).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CatalogueSyncTests
{
    private TempFolder _folder = null!;
    private CatalogueStore _store = null!;
    private AddressRouter _fetcher = null!;

    [SetUp]
    public void Open()
    {
        _folder = new TempFolder();
        _store = CatalogueStore.Open(_folder.File("catalogue.db"));
        _fetcher = Engine.CreateFetcher(
            new FetchOptions { Addresses = AddressPolicy.PublicAndLoopback, CacheDirectory = _folder.File("cache"), Timeout = TimeSpan.FromSeconds(10), RetryBaseDelay = TimeSpan.FromMilliseconds(20) },
            TimeProvider.System);
    }

    [TearDown]
    public void Close()
    {
        _fetcher.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    private async Task<SyncReport> Sync(LicensorSiteServer site, LicenceProfile profile, SyncOptions? options = null)
    {
        site.ClearRequests();
        return await new CatalogueSync(_store, profile, _fetcher, _fetcher, options ?? new SyncOptions(), TimeProvider.System).RunAsync(CancellationToken.None);
    }

    private static LicenceProfile Profile(LicensorSiteServer site, bool api = true, bool feed = true, bool sitemaps = true) =>
        ProfileLoader.Parse(site.Profile(api, feed, sitemaps), "site-profile.yaml");

    [Test]
    public async Task The_api_gives_the_archive_with_authors_and_a_second_sync_asks_only_for_what_changed()
    {
        await using var site = await LicensorSiteServer.StartAsync(posts: 230);
        var profile = Profile(site);

        var first = await Sync(site, profile);

        Assert.That(first.Problems, Is.Empty);
        Assert.That(first.Result.Added, Is.EqualTo(230));
        Assert.That(_store.Count("dcnf"), Is.EqualTo(230));
        // The API pages (100 + 100 + 30), then the feed: WordPress's API names one author a post, and the feed's
        // dc:creator each co-author, so its pages complete the reporters to its end (24: past the last); then the
        // sitemap index and its two post sitemaps, whose URLs are all known: no article page is fetched.
        Assert.That(site.Requests.Select(r => r.StartsWith("/wp-json/", StringComparison.Ordinal) ? Path(r) : r), Is.EqualTo(
            Enumerable.Repeat("/wp-json/wp/v2/posts", 3)
                .Append("/feed/").Concat(Enumerable.Range(2, 23).Select(n => $"/feed/?paged={n}"))
                .Concat(["/sitemap_index.xml", "/post-sitemap2.xml", "/post-sitemap.xml"])));
        Assert.That(first.Requests, Is.EqualTo(3 + 24 + 3));
        var post = site.Posts.Single(p => p.Id == 5);
        Assert.That(post.Authors, Has.Count.EqualTo(2));
        Assert.That(_store.Show("dcnf", site.Url(post))!.Value.Row.Reporters, Is.EqualTo(post.Authors), "the API's one author, completed by the feed's co-author");
        Assert.That(first.Result.Edits.Select(e => e.Changes).Distinct(), Is.EqualTo(new[] { "reporters" }));
        Assert.That(_store.Show("dcnf", site.Url(post))!.Value.Row.LicensorId, Is.EqualTo("wp:5"));

        var now = DateTimeOffset.UtcNow;
        site.Edit(151, now.AddHours(-1));
        site.Edit(201, now.AddHours(-1));
        var fresh = site.Publish(now.AddMinutes(-30), seed: 99);

        var second = await Sync(site, profile);

        Assert.That(second.Problems, Is.Empty);
        Assert.That(second.Result.Added, Is.EqualTo(1));
        Assert.That(second.Result.Updated, Is.EqualTo(2), string.Join("; ", second.Result.Edits) + " / " + string.Join("; ", second.Result.Changed) + " / " + string.Join("; ", second.Parts));
        Assert.That(second.Result.Edits.Select(e => e.Changes), Is.All.EqualTo("text"));
        Assert.That(site.Requests.Select(Path), Is.EqualTo(new[] { "/wp-json/wp/v2/posts", "/feed/", "/sitemap_index.xml", "/post-sitemap2.xml" }),
            "one API page of changes, the feed's first page, the index and the one sitemap whose lastmod moved");
        Assert.That(site.Requests[0], Does.Contain("modified_after="));
        Assert.That(_store.Show("dcnf", site.Url(fresh))!.Value.Row.Title, Is.EqualTo(fresh.Title));
        var edited = _store.Show("dcnf", site.Url(site.Posts.Single(p => p.Id == 151)))!.Value;
        Assert.That(edited.Row.Revision, Is.EqualTo(2));
        Assert.That(edited.Paragraphs[^1], Does.StartWith("Correction appended"));
        Assert.That(edited.Edits.Single().Changes, Is.EqualTo("text"));
    }

    [Test]
    public async Task Without_an_api_the_feed_is_paged_to_its_end_once_then_only_its_first_page_is_asked_for()
    {
        await using var site = await LicensorSiteServer.StartAsync(posts: 35);
        var profile = Profile(site, api: false, sitemaps: false);

        var first = await Sync(site, profile);
        Assert.That(first.Result.Added, Is.EqualTo(35));
        Assert.That(site.Requests, Is.EqualTo(new[] { "/feed/", "/feed/?paged=2", "/feed/?paged=3", "/feed/?paged=4", "/feed/?paged=5" }));
        var five = site.Posts.Single(p => p.Id == 5);
        Assert.That(_store.Show("dcnf", site.Url(five))!.Value.Row.Reporters, Is.EqualTo(five.Authors).And.Count.EqualTo(2), "one dc:creator per reporter");

        var unchanged = await Sync(site, profile);
        Assert.That(site.Requests, Is.EqualTo(new[] { "/feed/" }), "a 304: nothing new, and no older page asked for");
        Assert.That(unchanged.Result.Added + unchanged.Result.Updated, Is.Zero);

        site.Publish(DateTimeOffset.UtcNow, seed: 5);
        var one = await Sync(site, profile);
        Assert.That(one.Result.Added, Is.EqualTo(1));
        Assert.That(site.Requests, Is.EqualTo(new[] { "/feed/", "/feed/?paged=2" }), "the new first page, then a page with nothing new ends it");
    }

    [Test]
    public async Task Sitemaps_give_the_articles_the_feed_no_longer_holds_and_skip_pages_that_are_not_posts()
    {
        await using var site = await LicensorSiteServer.StartAsync(posts: 30);
        site.FeedPages = 1;
        var profile = Profile(site, api: false);

        var first = await Sync(site, profile);

        Assert.That(first.Problems, Is.Empty);
        Assert.That(first.Result.Added, Is.EqualTo(30));
        var articles = site.Requests.Where(r => r.StartsWith("/2024/", StringComparison.Ordinal)).ToList();
        Assert.That(articles, Has.Count.EqualTo(20), "the 20 posts the feed's one page does not hold");
        Assert.That(site.Requests, Does.Not.Contain("/page-sitemap.xml").And.Not.Contain("/about/"));
        var old = _store.Show("dcnf", site.Url(site.Posts.Single(p => p.Id == 10)))!.Value;
        Assert.That(old.Row.Reporters, Is.EqualTo(site.Posts.Single(p => p.Id == 10).Authors).And.Count.EqualTo(2), "the byline of the article page");
        Assert.That(old.Row.Published, Is.EqualTo(site.Posts.Single(p => p.Id == 10).Published));
        Assert.That(old.Paragraphs, Is.EqualTo(site.Posts.Single(p => p.Id == 10).Paragraphs));

        await Sync(site, profile);
        Assert.That(site.Requests, Is.EqualTo(new[] { "/feed/", "/sitemap_index.xml" }), "the feed and the index answer 304, and no sitemap changed since the last sync");
    }

    [Test]
    public async Task An_api_that_hides_its_authors_is_one_line_and_the_feed_names_the_reporters()
    {
        await using var site = await LicensorSiteServer.StartAsync(posts: 12);
        site.HideAuthors = true;
        var profile = Profile(site, sitemaps: false);

        var report = await Sync(site, profile);

        Assert.That(report.Complete, Is.True, string.Join("\n", report.Problems));
        Assert.That(report.Problems, Has.Count.EqualTo(1));
        Assert.That(report.Problems[0], Does.Contain("/wp-json/wp/v2/users/").And.Contain("no author name"));
        Assert.That(site.Requests.Count(r => r.StartsWith("/wp-json/wp/v2/users/", StringComparison.Ordinal)), Is.EqualTo(site.Posts.Select(p => p.Authors[0]).Distinct().Count()), "each author asked for once");
        Assert.That(_store.List("dcnf", new CatalogueQuery { Limit = 0 }).Select(r => r.Reporters.Count), Is.All.GreaterThan(0));
    }

    [Test]
    public async Task A_source_that_fails_is_one_line_and_the_others_are_still_read()
    {
        await using var site = await LicensorSiteServer.StartAsync(posts: 15);
        site.Api = false;
        var profile = Profile(site, sitemaps: false);

        var report = await Sync(site, profile);

        Assert.That(report.Complete, Is.False);
        Assert.That(report.Problems, Is.EqualTo(new[] { $"REST API {site.BaseUrl}wp-json/wp/v2/posts?per_page=100&page=1&orderby=modified&order=desc&_embed=author: could not be fetched (http-status): HTTP 404 Not Found" }));
        Assert.That(report.Result.Added, Is.EqualTo(15), "the feed was still read, to its end");
        Assert.That(_store.LastSync("dcnf")!.Status, Is.EqualTo("incomplete"));
    }

    [Test]
    public async Task A_profile_that_does_not_say_where_the_licensor_publishes_is_a_configuration_error()
    {
        var error = await Assert.ThrowsAsync<CatalogueException>(() => new CatalogueSync(_store, ProfileLoader.Parse("licensor: X", "x.yaml"), _fetcher, _fetcher, new SyncOptions(), TimeProvider.System).RunAsync(CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("add a 'site' section to the profile"));
    }

    private static string Path(string request) => request.Split('?')[0];
}
