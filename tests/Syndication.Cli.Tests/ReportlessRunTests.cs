using Syndication.Cli.Tests.Support;
using Syndication.History;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// A run is complete only with its reports: a report folder that cannot be written is found before the first page,
/// and a run whose reports fail after its pages were checked is never the one the next run compares with.
/// </summary>
public sealed class ReportlessRunTests
{
    [Test]
    public async Task An_unwritable_report_folder_is_found_before_any_page_is_fetched_and_the_history_is_untouched()
    {
        await using var server = await SamplePageServer.StartAsync();
        using var folder = new AuditFolder();
        folder.WriteList([("Plains Reporter", [server.Url(1, "a/wordpress-no-logo.html")])]);
        await File.WriteAllTextAsync(folder.File("blocker"), "a file where the report folder should be");
        var reports = Path.Combine(folder.File("blocker"), "reports");

        var result = await CliRunner.RunProcessAsync("audit", folder.List, "--history", folder.History, "--format", "json,html", "--output-dir", reports, "--allow-private-networks", "--ignore-robots");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.Stderr);
        Assert.That(result.Stderr.Trim(), Does.StartWith($"syndication: cannot write the json report to {Path.Combine(reports, "report.json")}: "));
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
        Assert.That(server.Received, Is.Zero, "no page was fetched");
        Assert.That(File.Exists(folder.History), Is.False, "the history was not touched");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_read_only_report_folder_is_one_line_before_any_page()
    {
        await using var server = await SamplePageServer.StartAsync();
        using var folder = new AuditFolder();
        folder.WriteList([("Plains Reporter", [server.Url(1, "a/wordpress-no-logo.html")])]);
        var reports = folder.File("reports");
        Directory.CreateDirectory(reports);
        File.SetUnixFileMode(reports, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

        var result = await Unprivileged.RunAsync("audit", folder.List, "--history", folder.History, "--format", "json", "--output-dir", reports, "--allow-private-networks", "--ignore-robots");

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.Stderr);
        Assert.That(result.Stderr.Trim(), Is.EqualTo($"syndication: cannot write the json report to {Path.Combine(reports, "report.json")}: permission denied"));
        Assert.That(server.Received, Is.Zero, "no page was fetched");
        Assert.That(File.Exists(folder.History), Is.False, "the history was not touched");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_report_disk_that_fills_up_is_named_and_the_run_waits_unreported_for_its_reports()
    {
        using var folder = new AuditFolder();
        var pages = new[] { "wordpress-no-logo.html", "wordpress-compliant.html", "blox-first-name-only.html", "amp-compliant.html" };
        folder.WriteList([("Plains Reporter", [.. pages.Select(p => folder.Page(p, p))])]);
        var reports = folder.File("reports");

        // The report folder is a disk of 8 KB: the check before the first page passes (an empty file fits), the report does not.
        var full = await SmallDisk.RunAsync(reports, 8 * 1024, ["audit", folder.List, "--history", folder.History, "--format", "json", "--output-dir", reports]);
        if (full is null)
        {
            Assert.Ignore("no tmpfs can be mounted here (unshare -m)");
        }

        Assert.That(full!.ExitCode, Is.EqualTo(ExitCodes.Usage), full.Stderr);
        Assert.That(full.Stderr, Does.Contain($"Could not write the json report to {Path.Combine(reports, "report.json")}: the disk is full"));
        Assert.That(full.Stderr, Does.Contain("Run 1 is recorded but not complete"));
        Assert.That(full.Stderr, Does.Not.Contain("   at "));
        using (var store = HistoryStore.Open(folder.History, createIfMissing: false))
        {
            Assert.That(store.Runs().Single().Status, Is.EqualTo(HistoryStore.Unreported));
        }

        // With room again, the run's reports are written from the history, and the next night still calls its violations new.
        var again = await CliRunner.RunAsync("report", "--run", "1", "--history", folder.History, "--format", "json", "--output", folder.File("run-1.json"));
        Assert.That(again.ExitCode, Is.Zero, again.Stderr);
        Assert.That(JsonReport.Load(folder.File("run-1.json")).Page("wordpress-no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"));
        var next = await CliRunner.RunAsync("audit", folder.List, "--history", folder.History, "--format", "json", "--output-dir", reports);
        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), next.Stderr);
        Assert.That(JsonReport.Load(Path.Combine(reports, "report.json")).Page("wordpress-no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"));
    }

    [Test]
    public async Task A_run_whose_report_fails_after_its_pages_is_unreported_and_the_next_night_still_calls_its_violations_new()
    {
        await using var server = await SamplePageServer.StartAsync();
        using var folder = new AuditFolder();
        folder.WriteList([("Plains Reporter", [server.Url(1, "a/wordpress-no-logo.html"), server.Url(1, "b/wordpress-compliant.html")])]);
        string[] audit = ["audit", folder.List, "--history", folder.History, "--format", "json,csv", "--output-dir", folder.File("reports"), "--allow-private-networks", "--ignore-robots"];

        // The report folder is fine when the run starts; while the pages are being fetched, something takes the JSON
        // report's place (a folder, as a full disk or a broken mount would): only that report fails.
        server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CliRunner.Result first;
        using (var running = RunningCli.Start(audit))
        {
            while (server.Received == 0)
            {
                Assert.That(running.Process.HasExited, Is.False, running.Stderr);
                await Task.Delay(20);
            }

            Directory.CreateDirectory(Path.Combine(folder.File("reports"), "report.json", "in-the-way"));
            server.Gate.SetResult();
            first = await running.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Usage), first.Stderr);
        Assert.That(first.Stderr, Does.Contain("Could not write the json report"));
        Assert.That(first.Stderr, Does.Contain("Run 1 is recorded but not complete"));
        Assert.That(File.Exists(Path.Combine(folder.File("reports"), "report.csv")), Is.True, "the other report is still written");
        using (var store = HistoryStore.Open(folder.History, createIfMissing: false))
        {
            Assert.That(store.Runs().Single().Status, Is.EqualTo(HistoryStore.Unreported));
        }

        // Its reports can be written from the history...
        var again = await CliRunner.RunAsync("report", "--run", "1", "--history", folder.History, "--format", "json", "--output", folder.File("run-1.json"));
        Assert.That(again.ExitCode, Is.Zero, again.Stderr);
        var recovered = JsonReport.Load(folder.File("run-1.json"));
        Assert.That(recovered.Complete, Is.True, "every page was checked");
        Assert.That(recovered.Page("a/wordpress-no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"));

        // ...and the next night, which compares with the last complete run (none), calls the violation new: it fails the job once.
        Directory.Delete(Path.Combine(folder.File("reports"), "report.json"), recursive: true);
        var next = await CliRunner.RunAsync(audit);
        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), next.Stderr);
        Assert.That(JsonReport.Load(Path.Combine(folder.File("reports"), "report.json")).Page("a/wordpress-no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"));
        var third = await CliRunner.RunAsync(audit);
        Assert.That(third.ExitCode, Is.EqualTo(ExitCodes.Ok), "persisting from the second night on\n" + third.Stderr);
    }
}
