using System.Text.Json;
using Syndication.Cli.Tests.Support;
using Syndication.History;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// The nightly job killed with SIGKILL at every boundary between a run's phases, as the real executable: whatever
/// the kill interrupted, the nights after it say and exit exactly what nights without the kill would have said, a
/// violation new in the killed run is new (and fails the job) once, and the killed run's reports can be written again.
/// </summary>
public sealed class KilledAtEveryPhaseTests
{
    private static readonly string[] Phases =
    [
        RunPhase.ListRead, RunPhase.MidRun, RunPhase.PagesDone, RunPhase.HistoryCommitted, RunPhase.MidReport, RunPhase.ReportsWritten,
    ];

    [Test]
    public async Task A_run_killed_at_any_phase_changes_nothing_the_following_nights_say()
    {
        using var uninterrupted = Folder();
        var first = await AuditAsync(uninterrupted);
        var second = await AuditAsync(uninterrupted);
        Assert.That(first.Code, Is.EqualTo(ExitCodes.NonCompliant), "night 1: the violations are new");
        Assert.That(second.Code, Is.EqualTo(ExitCodes.Ok), "night 2: they persist");
        Assert.That(first.Findings, Has.Some.Contains(" new "));
        Assert.That(second.Findings, Has.None.Contains(" new ").And.Some.Contains(" persisting "));

        // One night after another, each killed at the next boundary. No killed run may become the one the next run
        // compares with, so every one of them leaves the comparison where it was before the first kill.
        using var killed = Folder();
        foreach (var phase in Phases)
        {
            using var running = RunningCli.Start(new Dictionary<string, string?> { [RunPhase.Variable] = phase }, Arguments(killed));
            await running.WaitForStderrAsync($"paused at {phase}", TimeSpan.FromSeconds(60));
            await running.KillAsync();
            using var store = HistoryStore.Open(killed.History);
            Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"), phase);
            Assert.That(store.CompleteRuns(10), Is.Empty, $"killed at {phase}: no run is complete");
        }

        using (var store = HistoryStore.Open(killed.History, createIfMissing: false))
        {
            // No run for the kill while reading the list. Each start marks the run killed before it: incomplete when it
            // was killed while checking, unreported when every page was checked; the last one is as it was left.
            Assert.That(store.Runs().Select(r => r.Status), Is.EqualTo(new[] { "checked", "unreported", "unreported", "incomplete", "incomplete" }));

            // The killed runs' pages are all there: a checked run renders its reports again, exactly as night 1's.
            var rendered = await CliRunner.RunAsync("report", "--run", "3", "--history", killed.History, "--format", "json");
            Assert.That(rendered.ExitCode, Is.Zero, rendered.Stderr);
            Assert.That(Findings(JsonReport.Parse(rendered.Stdout)), Is.EqualTo(first.Findings), "report --run of the run killed after its history commit");
        }

        var next = await AuditAsync(killed);
        Assert.That(next.Code, Is.EqualTo(first.Code), "the night after the kills fails the job on the same new violations\n" + next.Stderr);
        Assert.That(next.Findings, Is.EqualTo(first.Findings));
        Assert.That(next.Stderr, Does.Contain("Run 5 checked every page but never finished its reports"));

        var after = await AuditAsync(killed);
        Assert.That(after.Code, Is.EqualTo(second.Code), after.Stderr);
        Assert.That(after.Findings, Is.EqualTo(second.Findings), "and the night after that is night 2");

        using (var store = HistoryStore.Open(killed.History, createIfMissing: false))
        {
            Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
            Assert.That(store.Runs().Select(r => r.Status), Is.EqualTo(new[] { "complete", "complete", "unreported", "unreported", "unreported", "incomplete", "incomplete" }));
        }
    }

    private static AuditFolder Folder()
    {
        var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.Page("first-name.html", "blox-first-name-only.html");
        folder.Page("wrong-affiliation.html", "ghost-affiliation-the-daily-caller.html");
        folder.Page("amp.html", "amp-compliant.html");
        folder.Page("no-logo-2.html", "wordpress-no-logo.html");
        folder.WriteList([("Plains Reporter", ["good.html", "no-logo.html", "amp.html"]), ("Tri-County Herald", ["first-name.html", "wrong-affiliation.html", "no-logo-2.html"])]);
        return folder;
    }

    /// <summary>Two report files, so a kill can land between them.</summary>
    private static string[] Arguments(AuditFolder folder) =>
        ["audit", folder.List, "--history", folder.History, "--format", "json,junit", "--output-dir", folder.File("reports"), "--concurrency", "2"];

    private static async Task<(int Code, List<string> Findings, string Stderr)> AuditAsync(AuditFolder folder)
    {
        using var running = RunningCli.Start(Arguments(folder));
        var result = await running.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(result.ExitCode, Is.Not.EqualTo(ExitCodes.Usage), result.Stderr);
        return (result.ExitCode, Findings(JsonReport.Load(Path.Combine(folder.File("reports"), "report.json"))), result.Stderr);
    }

    /// <summary>What a night says of each page and requirement: verdict, change and run count (not the dates).</summary>
    private static List<string> Findings(JsonReport report) => report.Pages.Select(page =>
    {
        var requirements = page.GetProperty("requirements").EnumerateArray()
            .Select(r => $"{r.GetProperty("id").GetString()}:{r.GetProperty("status").GetString()}:{Text(r, "change")}");
        return $"{Path.GetFileName(page.GetProperty("url").GetString())} {page.GetProperty("verdict").GetString()} {Text(page, "change")} {Text(page, "runs")} {string.Join(' ', requirements)}";
    }).ToList();

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "-";
}
