using System.Net;
using System.Text.Json;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// The catalogue from the command line: originals sync from a licensor's site on loopback, then audit and check match
/// a page that republished an article the licensor's feed no longer carries; an audit with no originals at all is a
/// configuration error; list, show and stats read the catalogue.
/// </summary>
[NonParallelizable]
public sealed class OriginalsCommandTests
{
    private LicensorSiteServer _site = null!;
    private TempFolder _folder = null!;

    [SetUp]
    public async Task Start()
    {
        _site = await LicensorSiteServer.StartAsync(posts: 40);
        _folder = new TempFolder();
        File.WriteAllText(Profile, _site.Profile());
    }

    [TearDown]
    public async Task Stop()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    private string Profile => _folder.File("licensor.yaml");

    private string List => _folder.File("partners.yaml");

    private string Catalogue => _folder.File("partners.catalogue.db");

    /// <summary>A partner's page that republishes an old post (one the feed's first page no longer holds), keeping the licence.</summary>
    private string RepublishedPage(LicensorSiteServer.Post post)
    {
        var path = _folder.File("republished.html");
        File.WriteAllText(path, $"""
            <!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(post.Title)} | Partner Gazette</title></head><body>
            <header><nav><a href="/">Partner Gazette</a> <a href="/local/">Local</a></nav></header>
            <main><article><h1>{WebUtility.HtmlEncode(post.Title)}</h1>
            <p class="byline">By {post.Authors[0]}, Daily Caller News Foundation</p>
            <img src="/img/dcnf-logo.png" alt="Daily Caller News Foundation logo" width="200" height="60">
            {string.Concat(post.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}
            </article></main><footer>Partner Gazette, 12 Main Street</footer></body></html>
            """);
        return path;
    }

    private void WriteList(string page, bool originals = true) => File.WriteAllText(List, $"""
        settings:
          profile: licensor.yaml
        {(originals ? $"  originals: [\"{_site.BaseUrl}feed/\"]" : string.Empty)}
        partners:
          - name: Partner Gazette
            pages: ["{page}"]
        """);

    private LicensorSiteServer.Post OldPost => _site.Posts.Where(p => p.Authors.Count == 1).OrderBy(p => p.Published).First();

    [Test]
    public async Task A_page_republishing_last_months_story_matches_once_the_catalogue_is_synced()
    {
        WriteList(RepublishedPage(OldPost));

        var before = await CliRunner.RunAsync("audit", List, "--allow-private-networks", "--format", "json", "--no-history");
        Assert.That(before.ExitCode, Is.EqualTo(0), before.Stderr);
        Assert.That(Verdict(before.Stdout), Is.EqualTo("not-applicable"), "the feed's first page no longer holds the story");

        var sync = await CliRunner.RunAsync("originals", "sync", List, "--allow-private-networks");
        Assert.That(sync.ExitCode, Is.EqualTo(0), sync.Stderr);
        Assert.That(sync.Stdout, Does.Contain("30 new, 0 edited, 10 unchanged").And.Contain("the catalogue holds 40 original(s) of dcnf (was 10)"));

        var after = await CliRunner.RunAsync("audit", List, "--allow-private-networks", "--format", "json", "--no-history");
        Assert.That(after.ExitCode, Is.EqualTo(0), after.Stderr);
        Assert.That(Verdict(after.Stdout), Is.EqualTo("compliant"));
        Assert.That(JsonDocument.Parse(after.Stdout).RootElement.GetProperty("pages")[0].GetProperty("original").GetProperty("title").GetString(), Is.EqualTo(OldPost.Title));
        Assert.That(after.Stderr, Does.Contain($"Catalogue {Catalogue}: 40 original(s) of dcnf"));

        var again = await CliRunner.RunAsync("originals", "sync", List, "--allow-private-networks");
        Assert.That(again.Stdout, Does.Contain("0 new, 0 edited"));
    }

    [Test]
    public async Task A_nightly_audit_with_no_originals_at_all_is_a_configuration_error()
    {
        WriteList(RepublishedPage(OldPost), originals: false);
        var result = await CliRunner.RunAsync("audit", List, "--allow-private-networks", "--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        var line = result.Stderr.Split('\n').Single(l => l.StartsWith("syndication:", StringComparison.Ordinal));
        Assert.That(line, Is.EqualTo($"syndication: no originals to match pages against: the catalogue {Catalogue} holds none for dcnf and no originals are named; run 'syndication originals sync' or name the licensor's feed in settings.originals"));
        Assert.That(result.Stdout, Is.Empty, "no report of pages that were never checked");
    }

    [Test]
    public async Task With_a_synced_catalogue_the_audit_needs_no_feed_and_a_feed_that_is_down_is_a_warning()
    {
        WriteList(RepublishedPage(OldPost), originals: false);
        Assert.That((await CliRunner.RunAsync("originals", "sync", List, "--allow-private-networks")).ExitCode, Is.EqualTo(0));

        var withoutFeed = await CliRunner.RunAsync("audit", List, "--allow-private-networks", "--format", "json", "--no-history");
        Assert.That(withoutFeed.ExitCode, Is.EqualTo(0), withoutFeed.Stderr);
        Assert.That(Verdict(withoutFeed.Stdout), Is.EqualTo("compliant"));

        var down = await CliRunner.RunAsync("audit", List, "--allow-private-networks", "--format", "json", "--no-history", "--originals", $"{_site.BaseUrl}gone/feed/");
        Assert.That(down.ExitCode, Is.EqualTo(0), down.Stderr);
        Assert.That(Verdict(down.Stdout), Is.EqualTo("compliant"));
        Assert.That(down.Stderr, Does.Contain($"originals {_site.BaseUrl}gone/feed/: HTTP 404 Not Found; matching against the 40 original(s) the catalogue {Catalogue} already holds"));
    }

    [Test]
    public async Task Check_matches_against_the_catalogue_it_is_given_or_the_environment_names()
    {
        WriteList(RepublishedPage(OldPost), originals: false);
        Assert.That((await CliRunner.RunAsync("originals", "sync", List, "--allow-private-networks")).ExitCode, Is.EqualTo(0));
        var page = RepublishedPage(OldPost);

        var without = await CliRunner.RunAsync("check", "--profile", Profile, "--format", "json", page);
        Assert.That(Verdict(without.Stdout), Is.EqualTo("not-applicable"), "check names no catalogue: only its command line");

        var given = await CliRunner.RunAsync("check", "--profile", Profile, "--catalogue", Catalogue, "--format", "json", page);
        Assert.That(Verdict(given.Stdout), Is.EqualTo("compliant"), given.Stderr);

        var fromEnvironment = await CliRunner.RunProcessAsync(new Dictionary<string, string?> { ["SYNDICATION_CATALOGUE"] = Catalogue }, "check", "--profile", Profile, "--format", "json", page);
        Assert.That(Verdict(fromEnvironment.Stdout), Is.EqualTo("compliant"), fromEnvironment.Stderr);
    }

    [Test]
    public async Task List_show_and_stats_read_the_catalogue()
    {
        WriteList(RepublishedPage(OldPost), originals: false);
        Assert.That((await CliRunner.RunAsync("originals", "sync", List, "--allow-private-networks")).ExitCode, Is.EqualTo(0));
        var reporter = OldPost.Authors[0];

        var list = await CliRunner.RunAsync("originals", "list", List, "--reporter", reporter, "--limit", "0", "--json");
        var rows = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(rows.Select(r => r.GetProperty("title").GetString()), Is.EquivalentTo(_site.Posts.Where(p => p.Authors.Contains(reporter)).Select(p => p.Title)));

        var show = await CliRunner.RunAsync("originals", "show", _site.Url(OldPost), List);
        Assert.That(show.ExitCode, Is.EqualTo(0), show.Stderr);
        Assert.That(show.Stdout, Does.StartWith(OldPost.Title).And.Contain($"reporters:   {reporter}").And.Contain("wp-json/wp/v2/posts").And.Contain(OldPost.Paragraphs[0]));

        var stats = await CliRunner.RunAsync("originals", "stats", "--catalogue", Catalogue, "--profile", Profile);
        Assert.That(stats.ExitCode, Is.EqualTo(0), stats.Stderr);
        Assert.That(stats.Stdout, Does.Contain("originals:   40").And.Contain("last sync:").And.Contain(" complete: 40 new"));
        Assert.That(stats.Stdout, Does.Contain($"{_site.Posts.Count(p => p.Authors.Contains(reporter)),6}  {reporter}"));

        var missing = await CliRunner.RunAsync("originals", "show", "No Such Story", List);
        Assert.That(missing.ExitCode, Is.EqualTo(3));
        Assert.That(missing.Stderr, Does.StartWith("syndication: no original \"No Such Story\""));
    }

    [Test]
    public async Task Without_a_list_or_a_catalogue_the_originals_commands_ask_which_catalogue()
    {
        var result = await CliRunner.RunAsync("originals", "stats");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr.Trim(), Is.EqualTo("syndication: which catalogue? give a partner list, --catalogue PATH, or set SYNDICATION_CATALOGUE"));
    }

    private static string Verdict(string json) => JsonDocument.Parse(json).RootElement.GetProperty("pages")[0].GetProperty("verdict").GetString()!;
}
