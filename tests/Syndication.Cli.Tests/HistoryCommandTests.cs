using Microsoft.Extensions.Time.Testing;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>runs, history PARTNER|URL and diff: what they print must mean what it says.</summary>
public sealed class HistoryCommandTests
{
    private static readonly DateTimeOffset FirstNight = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Runs_history_and_diff_follow_the_pages_across_three_nights()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.Page("turns-bad.html", "amp-compliant.html");
        folder.Page("gets-fixed.html", "blox-first-name-only.html");
        folder.Page("flaky.html", "ghost-affiliation-the-daily-caller.html");
        folder.WriteList([("Plains Reporter", ["good.html", "no-logo.html", "turns-bad.html"]), ("Tri-County Herald", ["gets-fixed.html", "flaky.html"])]);
        var clock = new FakeTimeProvider(FirstNight);

        await AuditAsync(folder, clock, expected: 1);
        clock.Advance(TimeSpan.FromDays(1));
        folder.Page("turns-bad.html", "amp-logo-hidden-attribute.html");
        folder.Page("gets-fixed.html", "blox-lazy-logo-compliant.html");
        folder.Remove("flaky.html");
        await AuditAsync(folder, clock, expected: 1);
        clock.Advance(TimeSpan.FromDays(1));
        folder.Page("flaky.html", "ghost-affiliation-the-daily-caller.html");
        await AuditAsync(folder, clock, expected: 0);

        // runs: newest first, with the counts of each night.
        var runs = Lines((await Run("runs", "--history", folder.History)).Stdout);
        Assert.That(runs[0], Does.StartWith("RUN "));
        Assert.That(runs.Skip(1).Select(Columns), Is.EqualTo(new[]
        {
            //         id   started                 status      shard pages compliant non-compliant review n/a errors
            new[] { "3", "2026-11-22T02:00:00Z", "complete", "-", "5", "2", "3", "0", "0", "0" },
            ["2", "2026-11-21T02:00:00Z", "complete", "-", "5", "2", "2", "0", "0", "1"],
            ["1", "2026-11-20T02:00:00Z", "complete", "-", "5", "2", "3", "0", "0", "0"],
        }));
        Assert.That(Lines((await Run("runs", "--history", folder.History, "--limit", "1")).Stdout), Has.Length.EqualTo(2));

        // diff (default: the last two complete runs) and diff of given runs.
        var diff = Lines((await Run("diff", "--history", folder.History, "1", "2")).Stdout);
        Assert.That(diff[0], Is.EqualTo("run 1 -> run 2: 1 new, 1 fixed, 1 other change(s)"));
        Assert.That(diff, Has.Some.Match(@"^  new +\S*turns-bad\.html \(Plains Reporter\): compliant -> non-compliant  fails: logo$"));
        Assert.That(diff, Has.Some.Match(@"^  fixed +\S*gets-fixed\.html \(Tri-County Herald\): non-compliant -> compliant$"));
        Assert.That(diff, Has.Some.Match(@"^  changed +\S*flaky\.html \(Tri-County Herald\): non-compliant -> error$"));
        Assert.That(diff, Has.None.Contain("no-logo.html"), "unchanged pages are not listed");

        diff = Lines((await Run("diff", "--history", folder.History)).Stdout);
        Assert.That(diff[0], Is.EqualTo("run 2 -> run 3: 0 new, 0 fixed, 1 other change(s)"), "a page back after an error with the same violation is not new");
        Assert.That(diff, Has.Some.Match(@"^  changed +\S*flaky\.html \(Tri-County Herald\): error -> non-compliant  fails: affiliation$"));
        Assert.That(Lines((await Run("diff", "--history", folder.History, "3")).Stdout)[0], Is.EqualTo("run 2 -> run 3: 0 new, 0 fixed, 1 other change(s)"), "one run: against the complete run before it");
        Assert.That(Lines((await Run("diff", "--history", folder.History, "1", "3")).Stdout)[0], Is.EqualTo("run 1 -> run 3: 1 new, 1 fixed, 0 other change(s)"));
        // diff --format json: the same changes, for machines.
        using (var json = System.Text.Json.JsonDocument.Parse((await Run("diff", "--history", folder.History, "1", "2", "--format", "json")).Stdout))
        {
            var root = json.RootElement;
            Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("before").GetProperty("id").GetInt64(), Is.EqualTo(1));
            Assert.That(root.GetProperty("after").GetProperty("startedAt").GetString(), Is.EqualTo("2026-11-21T02:00:00Z"));
            Assert.That(root.GetProperty("after").GetProperty("status").GetString(), Is.EqualTo("complete"));
            var summary = root.GetProperty("summary");
            Assert.That((summary.GetProperty("new").GetInt32(), summary.GetProperty("fixed").GetInt32(), summary.GetProperty("changed").GetInt32()), Is.EqualTo((1, 1, 1)));
            var changes = root.GetProperty("changes").EnumerateArray().ToList();
            Assert.That(changes, Has.Count.EqualTo(3));
            var turned = changes.Single(c => c.GetProperty("url").GetString()!.EndsWith("turns-bad.html", StringComparison.Ordinal));
            Assert.That(turned.GetProperty("kind").GetString(), Is.EqualTo("new"));
            Assert.That(turned.GetProperty("partner").GetString(), Is.EqualTo("Plains Reporter"));
            Assert.That((turned.GetProperty("before").GetString(), turned.GetProperty("after").GetString()), Is.EqualTo(("compliant", "non-compliant")));
            Assert.That(turned.GetProperty("failing").EnumerateArray().Select(f => f.GetString()), Is.EqualTo(new[] { "logo" }));
            var fixedPage = changes.Single(c => c.GetProperty("kind").GetString() == "fixed");
            Assert.That(fixedPage.GetProperty("failing").GetArrayLength(), Is.Zero);
        }

        var badFormat = await CliRunner.RunAsync("diff", "--history", folder.History, "--format", "xml");
        Assert.That(badFormat.ExitCode, Is.EqualTo(3));
        Assert.That(badFormat.Stderr, Does.Contain("unknown --format 'xml' for diff; valid: text, json"));

        var first = await CliRunner.RunAsync("diff", "--history", folder.History, "1");
        Assert.That(first.ExitCode, Is.EqualTo(3));
        Assert.That(first.Stderr, Does.Contain("has no complete run before run 1 to compare it with"), "not 'no run 0'");

        // history of a page: one line per run, with its verdict, change, since and failing requirements.
        var page = Lines((await Run("history", "turns-bad.html", "--history", folder.History)).Stdout);
        Assert.That(page, Has.Length.EqualTo(4));
        Assert.That(page[0], Is.EqualTo("turns-bad.html  (Plains Reporter)"), "the page as the list writes it");
        Assert.That(page[1], Does.Match(@"^  run 1 +2026-11-20T02:00:00Z +compliant +same +since 2026-11-20T02:00:00Z$"));
        Assert.That(page[2], Does.Match(@"^  run 2 +2026-11-21T02:00:00Z +non-compliant +new +since 2026-11-21T02:00:00Z  fails: logo$"));
        Assert.That(page[3], Does.Match(@"^  run 3 +2026-11-22T02:00:00Z +non-compliant +persisting +since 2026-11-21T02:00:00Z  fails: logo$"));

        var flaky = Lines((await Run("history", "flaky.html", "--history", folder.History)).Stdout);
        Assert.That(flaky[2], Does.Match(@"^  run 2 .* error +\(not-found\) +same +since 2026-11-20T02:00:00Z$"));
        Assert.That(flaky[3], Does.Match(@"^  run 3 .* non-compliant +persisting +since 2026-11-20T02:00:00Z  fails: affiliation$"));

        // history of a partner: each of its pages, and only those.
        var partner = Lines((await Run("history", "tri-county herald", "--history", folder.History)).Stdout);
        Assert.That(partner.Where(l => !l.StartsWith(' ')), Is.EqualTo(new[] { "flaky.html  (Tri-County Herald)", "gets-fixed.html  (Tri-County Herald)" }));
        Assert.That(partner, Has.Length.EqualTo(2 + 6));

        var none = await CliRunner.RunAsync("history", "Daily Planet", "--history", folder.History);
        Assert.That(none.ExitCode, Is.EqualTo(3));
        Assert.That(none.Stderr, Does.Contain("no page, partner or watched site matching \"Daily Planet\""));
    }

    [Test]
    public async Task History_marks_runs_that_did_not_complete_and_diff_needs_two_complete_runs()
    {
        using var folder = new AuditFolder();
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.WriteList([("Plains Reporter", ["no-logo.html"])]);
        var clock = new FakeTimeProvider(FirstNight);
        await AuditAsync(folder, clock, expected: 1);

        var diff = await CliRunner.RunAsync("diff", "--history", folder.History);
        Assert.That(diff.ExitCode, Is.EqualTo(3));
        Assert.That(diff.Stderr, Does.Contain("diff needs two runs; " + folder.History + " has 1 complete run(s)"));

        // A stopped run (here: Ctrl+C before it began) is in the timeline, marked as such, and changes nothing.
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        clock.Advance(TimeSpan.FromDays(1));
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            var code = await CliApp.RunAsync(["audit", folder.List, "--history", folder.History, "--format", "json"], stdout, stderr, clock, stop.Token);
            Assert.That(code, Is.EqualTo(4), stderr.ToString());
        }

        clock.Advance(TimeSpan.FromDays(1));
        await AuditAsync(folder, clock, expected: 0);
        var lines = Lines((await Run("history", "no-logo.html", "--history", folder.History)).Stdout);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[2], Does.Match(@"^  run 2 .* error +\(interrupted\) +same +since 2026-11-20T02:00:00Z  \[interrupted run\]$"));
        Assert.That(lines[3], Does.Match(@"^  run 3 .* non-compliant +persisting +since 2026-11-20T02:00:00Z  fails: logo$"));
        Assert.That(Lines((await Run("diff", "--history", folder.History)).Stdout)[0], Is.EqualTo("run 1 -> run 3: 0 new, 0 fixed, 0 other change(s)"), "the complete runs only");
    }

    private static async Task AuditAsync(AuditFolder folder, TimeProvider clock, int expected)
    {
        var result = await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History, "--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(expected), result.Stderr);
    }

    private static async Task<CliRunner.Result> Run(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        return result;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Columns(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
