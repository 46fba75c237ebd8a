using System.Text.RegularExpressions;
using Syndication.Cli.Tests.Support;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// What a run keeps on disk while it lasts (the result spool, screenshots) lives in a folder beside the history, or in
/// the temporary folder without one; a run killed with SIGKILL leaves it, and the next run removes it, never the
/// folder of a run still going.
/// </summary>
public sealed class LeftoverTests
{
    [Test]
    public async Task A_killed_audits_spool_is_beside_the_history_and_the_next_audit_removes_it()
    {
        using var folder = Pages();
        using var temp = new TempFolder();
        string[] audit = ["audit", folder.List, "--history", folder.History, "--format", "json", "--output-dir", folder.File("reports")];

        using (var killed = RunningCli.Start(Environment(temp, RunPhase.MidRun), audit))
        {
            await killed.WaitForStderrAsync($"paused at {RunPhase.MidRun}", TimeSpan.FromSeconds(60));
            var scratch = Directory.GetDirectories(folder.Path, "history.db.run-*");
            Assert.That(scratch, Has.Length.EqualTo(1), "the run's folder is beside the history");
            Assert.That(Directory.GetFiles(scratch[0], "syndication-results-*.jsonl"), Has.Length.EqualTo(1), "and holds the spool");
            await killed.KillAsync();
        }

        Assert.That(Directory.GetDirectories(folder.Path, "history.db.run-*"), Has.Length.EqualTo(1), "SIGKILL left it");
        Assert.That(Directory.GetFileSystemEntries(temp.Path, "syndication-*"), Is.Empty, "nothing in the temporary folder");

        var next = await CliRunner.RunProcessAsync(Environment(temp, pause: null), audit);

        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), next.Stderr);
        Assert.That(next.Stderr, Does.Contain($"Removed 1 folder(s) that killed runs left in {folder.Path}"));
        Assert.That(Directory.GetDirectories(folder.Path, "history.db.run-*"), Is.Empty, "the leftover and the run's own folder are gone");
        Assert.That(Directory.GetFileSystemEntries(temp.Path, "syndication-*"), Is.Empty);
    }

    [Test]
    public async Task Without_a_history_the_temporary_folder_is_used_and_a_run_still_going_keeps_its_folder()
    {
        using var folder = Pages();
        using var temp = new TempFolder();
        string[] check = ["check", "--originals", RepoPaths.Feed, "--format", "json", folder.File("a.html"), folder.File("b.html"), folder.File("c.html"), folder.File("d.html")];

        using var going = RunningCli.Start(Environment(temp, RunPhase.MidRun), check);
        await going.WaitForStderrAsync($"paused at {RunPhase.MidRun}", TimeSpan.FromSeconds(60));
        var held = Directory.GetDirectories(temp.Path, "syndication-run-*");
        Assert.That(held, Has.Length.EqualTo(1));

        // Another run in the same temporary folder while the first is paused: it leaves the first one's folder alone.
        var other = await CliRunner.RunProcessAsync(Environment(temp, pause: null), check);
        Assert.That(other.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), other.Stderr);
        Assert.That(other.Stderr, Does.Not.Contain("Removed"));
        Assert.That(Directory.GetDirectories(temp.Path, "syndication-run-*"), Is.EqualTo(held));

        // Killed, its folder is a leftover: the next run removes it.
        await going.KillAsync();
        var next = await CliRunner.RunProcessAsync(Environment(temp, pause: null), check);
        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), next.Stderr);
        Assert.That(next.Stderr, Does.Contain("Removed 1 folder(s) that killed runs left in"));
        Assert.That(Directory.GetFileSystemEntries(temp.Path, "syndication-*"), Is.Empty);
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_full_disk_under_the_runs_folder_is_one_line_naming_it()
    {
        using var folder = new AuditFolder();
        var names = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            names.Add(folder.Page($"p{i}.html", i % 2 == 0 ? "wordpress-compliant.html" : "wordpress-no-logo.html"));
        }

        folder.WriteList([("Plains Reporter", [.. names])]);
        using var temp = new TempFolder();

        // The temporary folder is a disk of 32 KB: the results of 40 pages (about 3 KB each) do not fit.
        var full = await SmallDisk.RunAsync(temp.Path, 32 * 1024, ["audit", folder.List, "--no-history", "--format", "json", "--output-dir", folder.File("reports")], environment: Environment(temp, pause: null));
        if (full is null)
        {
            Assert.Ignore("no tmpfs can be mounted here (unshare -m)");
        }

        Assert.That(full!.ExitCode, Is.EqualTo(ExitCodes.Usage), full.Stderr);
        Assert.That(full.Stderr.Trim().Split('\n')[^1], Does.Match($@"^syndication: cannot write the pages' results in {Regex.Escape(temp.Path)}/syndication-run-\w+/syndication-results-\w+\.jsonl: the disk is full$"));
        Assert.That(full.Stderr, Does.Not.Contain("   at ").And.Not.Contain("Unhandled"));
    }

    private static AuditFolder Pages()
    {
        var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        folder.Page("b.html", "wordpress-no-logo.html");
        folder.Page("c.html", "amp-compliant.html");
        folder.Page("d.html", "blox-first-name-only.html");
        folder.WriteList([("Plains Reporter", ["a.html", "b.html", "c.html", "d.html"])]);
        return folder;
    }

    /// <summary>A temporary folder of the test's own (TMPDIR), and where to pause.</summary>
    private static Dictionary<string, string?> Environment(TempFolder temp, string? pause) => new()
    {
        ["TMPDIR"] = temp.Path + Path.DirectorySeparatorChar,
        [RunPhase.Variable] = pause,
    };
}
