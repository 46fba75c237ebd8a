using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// --shard K/N splits a list by host across machines; merge combines the shards into one run that is the same as
/// auditing the list whole. Six hosts are six loopback addresses of one local server.
/// </summary>
public sealed class ShardTests
{
    private const int Hosts = 6;

    private static readonly string[] Samples =
    [
        "wordpress-compliant.html", "wordpress-no-logo.html", "blox-first-name-only.html", "blox-affiliation-boilerplate-only.html",
        "ghost-unrelated-article.html", "ghost-affiliation-the-daily-caller.html", "amp-compliant.html", "newspack-two-reporters-one-credited.html",
        "missing-page.html", "drupal-logo-css-background-only.html", "wix-logo-ancestor-opacity-zero.html",
    ];

    [Test]
    public async Task Three_shards_merged_are_the_same_run_as_the_whole_list()
    {
        await using var server = await SamplePageServer.StartAsync(Hosts);
        using var folder = new AuditFolder();
        var partners = Enumerable.Range(0, 5).Select(k => ($"Partner {k + 1}", Enumerable.Range(0, 6)
            .Select(j => server.Url((k + j) % Hosts + 1, $"p{k}/{j}/{Samples[(k * 6 + j) % Samples.Length]}")).ToArray())).ToList();
        folder.WriteList(partners);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        string[] Http(params string[] args) => [.. args, "--allow-private-networks", "--ignore-robots", "--format", "json"];

        var whole = await CliRunner.RunAsync(clock, Http("audit", folder.List, "--history", folder.File("whole.db"), "--output", folder.File("whole.json")));
        Assert.That(whole.ExitCode, Is.EqualTo(1), whole.Stderr);
        var served = server.Served;
        var missing = Enumerable.Range(0, 30).Count(i => Samples[i % Samples.Length] == "missing-page.html");
        Assert.That(served, Is.EqualTo(30 - missing), "every page there was fetched");

        var hostsOfShard = new List<HashSet<string>>();
        for (var k = 1; k <= 3; k++)
        {
            var shard = await CliRunner.RunAsync(clock, Http("audit", folder.List, "--shard", $"{k}/3", "--output", folder.File($"shard-{k}.json")));
            Assert.That(shard.ExitCode, Is.AnyOf(0, 2), "a shard leaves what is new, and so exit 1, to the merge\n" + shard.Stderr);
            Assert.That(File.Exists(folder.File($"partners.shard-{k}-of-3.db")), Is.True, "the shard's history beside the list");
            hostsOfShard.Add(JsonReport.Load(folder.File($"shard-{k}.json")).Pages.Select(p => new Uri(p.GetProperty("url").GetString()!).Host).ToHashSet());
        }

        Assert.That(server.Served - served, Is.EqualTo(served), "the shards fetched every page once between them");
        Assert.That(hostsOfShard.Sum(h => h.Count), Is.EqualTo(Hosts), "each host in exactly one shard");
        Assert.That(hostsOfShard.SelectMany(h => h).Distinct().Count(), Is.EqualTo(Hosts));
        Assert.That(hostsOfShard.Count(h => h.Count > 0), Is.GreaterThan(1), "the work is actually split");

        string[] shards = [folder.File("partners.shard-1-of-3.db"), folder.File("partners.shard-2-of-3.db"), folder.File("partners.shard-3-of-3.db")];
        var merge = await CliRunner.RunAsync(clock, ["merge", shards[2], shards[0], shards[1], "--history", folder.File("merged.db"), "--format", "json", "--output", folder.File("merged.json")]);
        Assert.That(merge.ExitCode, Is.EqualTo(whole.ExitCode), merge.Stderr);

        var expected = JsonReport.Load(folder.File("whole.json"));
        var merged = JsonReport.Load(folder.File("merged.json"));
        Assert.That(merged.Pages, Has.Count.EqualTo(30));
        Assert.That(merged.Pages.Select(p => p.GetProperty("url").GetString()), Is.EqualTo(expected.Pages.Select(p => p.GetProperty("url").GetString())), "list order");
        var (want, got) = (expected.PagesWithoutTiming(), merged.PagesWithoutTiming());
        for (var i = 0; i < want.Count; i++)
        {
            Assert.That(JsonNode.DeepEquals(got[i], want[i]), Is.True, $"page {i}:\n{got[i]!.ToJsonString()}\nwhole run:\n{want[i]!.ToJsonString()}");
        }

        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(merged.Root.GetProperty("summary").GetRawText()), JsonNode.Parse(expected.Root.GetProperty("summary").GetRawText())), Is.True);
        Assert.That(merged.Complete, Is.True);
        Assert.That(merged.Page("p0/1/wordpress-no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"), "changes are tracked in the merged history");

        var runs = await CliRunner.RunAsync("runs", "--history", folder.File("merged.db"));
        var lines = runs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), runs.Stdout);
        var compliant = expected.Root.GetProperty("summary").GetProperty("compliant").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..6], Is.EqualTo(new[] { "1", "2026-11-20T02:00:00Z", "complete", "-", "30", compliant }));

        // The next night the shards run again into the same files and merge into the same history: persisting, one more run.
        clock.Advance(TimeSpan.FromDays(1));
        var codes = new List<int>();
        for (var k = 1; k <= 3; k++)
        {
            codes.Add((await CliRunner.RunAsync(clock, Http("audit", folder.List, "--shard", $"{k}/3", "--fail-on", "any"))).ExitCode);
        }

        Assert.That(codes, Has.All.AnyOf(1, 2));
        Assert.That(codes, Does.Contain(1), "--fail-on any is a shard's own to apply");

        merge = await CliRunner.RunAsync(clock, ["merge", .. shards, "--history", folder.File("merged.db"), "--format", "json"]);
        Assert.That(merge.ExitCode, Is.EqualTo(2), "nothing new, some pages missing\n" + merge.Stderr);
        var night2 = JsonReport.Parse(merge.Stdout).Page("p0/1/wordpress-no-logo.html");
        Assert.That(night2.GetProperty("change").GetString(), Is.EqualTo("persisting"));
        Assert.That(night2.GetProperty("since").GetString(), Is.EqualTo("2026-11-20T02:00:00Z"));
        Assert.That(night2.GetProperty("runs").GetInt32(), Is.EqualTo(2));
        runs = await CliRunner.RunAsync("runs", "--history", folder.File("merged.db"));
        Assert.That(runs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3), runs.Stdout);

        // The shards' evidence is carried into the merged history, with the response's headers.
        var evidence = await CliRunner.RunAsync("evidence", "p0/1/wordpress-no-logo.html", "--history", folder.File("merged.db"), "--output", folder.File("seen.html"));
        Assert.That(evidence.ExitCode, Is.EqualTo(0), evidence.Stderr);
        Assert.That(await File.ReadAllBytesAsync(folder.File("seen.html")), Is.EqualTo(await File.ReadAllBytesAsync(RepoPaths.Page("wordpress-no-logo.html"))));
        Assert.That(evidence.Stdout, Does.Contain("header:     Content-Type: text/html"));
    }

    [Test]
    public async Task Merge_refuses_a_missing_shard_or_one_given_twice()
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        folder.WriteList([("Plains Reporter", ["a.html"])]);
        for (var k = 1; k <= 3; k++)
        {
            var shard = await CliRunner.RunAsync("audit", folder.List, "--shard", $"{k}/3", "--format", "json");
            Assert.That(shard.ExitCode, Is.EqualTo(0), shard.Stderr);
        }

        var one = folder.File("partners.shard-1-of-3.db");
        var two = folder.File("partners.shard-2-of-3.db");
        var three = folder.File("partners.shard-3-of-3.db");
        var merged = folder.File("merged.db");

        var missing = await CliRunner.RunAsync("merge", one, three, "--history", merged, "--format", "json");
        Assert.That(missing.ExitCode, Is.EqualTo(3));
        Assert.That(missing.Stderr.TrimEnd('\n'), Is.EqualTo("syndication: missing shard(s) 2/3"));

        var twice = await CliRunner.RunAsync("merge", one, two, three, one, "--history", merged, "--format", "json");
        Assert.That(twice.ExitCode, Is.EqualTo(3));
        Assert.That(twice.Stderr.TrimEnd('\n'), Is.EqualTo($"syndication: shard 1/3 is given twice: {one}, {one}"));

        var unsharded = await CliRunner.RunAsync("audit", folder.List, "--history", folder.History, "--format", "json");
        Assert.That(unsharded.ExitCode, Is.EqualTo(0), unsharded.Stderr);
        var notShard = await CliRunner.RunAsync("merge", one, two, folder.History, "--history", merged, "--format", "json");
        Assert.That(notShard.ExitCode, Is.EqualTo(3));
        Assert.That(notShard.Stderr, Does.Contain(folder.History + ": its last run is not a shard run"));

        Assert.That(File.Exists(merged), Is.False, "a refused merge records nothing");
        var ok = await CliRunner.RunAsync("merge", one, two, three, "--history", merged, "--format", "json");
        Assert.That(ok.ExitCode, Is.EqualTo(0), ok.Stderr);
        Assert.That(JsonReport.Parse(ok.Stdout).Pages, Has.Count.EqualTo(1));
    }

    [TestCase("--fail-on", "sometimes")]
    [TestCase("--keep-evidence-days", "-1")]
    [TestCase("--confirm-after", "0")]
    public async Task A_bad_merge_option_records_nothing(string option, string value)
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-no-logo.html");
        folder.WriteList([("Plains Reporter", ["a.html"])]);
        Assert.That((await CliRunner.RunAsync("audit", folder.List, "--shard", "1/1", "--format", "json")).ExitCode, Is.Not.EqualTo(3));
        var merge = await CliRunner.RunAsync("merge", folder.File("partners.shard-1-of-1.db"), "--history", folder.File("merged.db"), option, value);
        Assert.That(merge.ExitCode, Is.EqualTo(3), merge.Stderr);
        Assert.That(File.Exists(folder.File("merged.db")), Is.False, "a second merge after the fix must not find tonight's run already there");
    }

    [Test]
    public async Task Merge_refuses_a_shard_left_from_an_earlier_night()
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        folder.Page("b.html", "wordpress-no-logo.html");
        folder.WriteList([("Plains Reporter", ["a.html", "b.html"])]);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 19, 2, 0, 0, TimeSpan.Zero));
        Assert.That((await CliRunner.RunAsync(clock, ["audit", folder.List, "--shard", "1/2", "--format", "json"])).ExitCode, Is.Not.EqualTo(3));
        clock.Advance(TimeSpan.FromHours(6));
        Assert.That((await CliRunner.RunAsync(clock, ["audit", folder.List, "--shard", "2/2", "--format", "json"])).ExitCode, Is.Not.EqualTo(3));
        var one = folder.File("partners.shard-1-of-2.db");
        var two = folder.File("partners.shard-2-of-2.db");

        var sameDay = await CliRunner.RunAsync(clock, ["merge", one, two, "--history", folder.File("merged.db"), "--format", "json"]);
        Assert.That(sameDay.ExitCode, Is.EqualTo(1), "a shard run again later the same day still merges: " + sameDay.Stderr);

        clock.Advance(TimeSpan.FromHours(18));
        Assert.That((await CliRunner.RunAsync(clock, ["audit", folder.List, "--shard", "2/2", "--format", "json"])).ExitCode, Is.Not.EqualTo(3));
        var mixed = await CliRunner.RunAsync(clock, ["merge", one, two, "--history", folder.File("mixed.db"), "--format", "json"]);
        Assert.That(mixed.ExitCode, Is.EqualTo(3));
        Assert.That(mixed.Stderr.TrimEnd('\n'), Is.EqualTo(
            $"syndication: the shard runs started 24 h apart ({one} at 2026-11-19 02:00Z, {two} at 2026-11-20 02:00Z): they are not one night's audit; run the old shard again"));
        Assert.That(File.Exists(folder.File("mixed.db")), Is.False, "a refused merge records nothing");
    }

    [Test]
    public async Task A_shard_never_writes_into_the_main_history_named_in_the_list()
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        await File.WriteAllTextAsync(folder.List, $"settings:\n  originals: [\"{RepoPaths.Feed}\"]\n  history: nightly.db\npartners:\n  - name: A\n    pages: [a.html]\n");

        Assert.That((await CliRunner.RunAsync("audit", folder.List, "--format", "json")).ExitCode, Is.EqualTo(0));
        var shard = await CliRunner.RunAsync("audit", folder.List, "--shard", "1/1", "--format", "json");
        Assert.That(shard.ExitCode, Is.EqualTo(0), shard.Stderr);
        Assert.That(shard.Stderr, Does.Contain("history " + folder.File("nightly.shard-1-of-1.db")));

        var runs = await CliRunner.RunAsync("runs", "--history", folder.File("nightly.db"));
        Assert.That(runs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2), "the main history has the unsharded run only\n" + runs.Stdout);
        runs = await CliRunner.RunAsync("runs", "--history", folder.File("nightly.shard-1-of-1.db"));
        Assert.That(runs.Stdout, Does.Contain(" 1/1 "));
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("1of3")]
    public async Task A_bad_shard_is_a_usage_error(string shard)
    {
        var result = await CliRunner.RunAsync("audit", RepoPaths.Samples("partners.yaml"), "--shard", shard, "--no-history");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain($"--shard takes K/N with 1 <= K <= N, like 2/3 (got \"{shard}\")"));
    }

    [Test]
    public async Task Merging_the_same_shards_twice_records_one_run_and_exits_the_same()
    {
        using var folder = new AuditFolder();
        var pages = new[] { "wordpress-compliant.html", "wordpress-no-logo.html", "blox-first-name-only.html", "amp-compliant.html", "ghost-no-byline.html" }
            .Select((sample, i) => Path.GetFileName(folder.Page($"p{i}.html", sample))).ToArray();
        folder.WriteList([("A", pages)]);
        for (var k = 1; k <= 2; k++)
        {
            var shard = await CliRunner.RunAsync("audit", folder.List, "--shard", $"{k}/2", "--format", "json", "--output", folder.File($"shard-{k}.json"));
            Assert.That(shard.ExitCode, Is.AnyOf(0, 2), shard.Stderr);
        }

        string[] merge = ["merge", folder.File("partners.shard-1-of-2.db"), folder.File("partners.shard-2-of-2.db"), "--history", folder.History, "--format", "json"];
        var first = await CliRunner.RunProcessAsync([.. merge, "--output", folder.File("first.json")]);
        Assert.That(first.ExitCode, Is.EqualTo(1), "new violations\n" + first.Stderr);
        var again = await CliRunner.RunProcessAsync([.. merge, "--output", folder.File("again.json")]);
        Assert.That(again.ExitCode, Is.EqualTo(1), "the same night's new violations, the same answer\n" + again.Stderr);
        Assert.That(again.Stderr, Does.Contain("These shards were merged already, as run 1 of"));

        var runs = await CliRunner.RunAsync("runs", "--history", folder.History);
        Assert.That(runs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2), "one merged run\n" + runs.Stdout);
        Assert.That(JsonReport.Load(folder.File("again.json")).PagesWithoutTiming().ToJsonString(), Is.EqualTo(JsonReport.Load(folder.File("first.json")).PagesWithoutTiming().ToJsonString()));
        Assert.That(JsonReport.Load(folder.File("again.json")).Page("p1.html").GetProperty("change").GetString(), Is.EqualTo("new"), "still new: no second run made it old");
    }
}
