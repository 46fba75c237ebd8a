using Syndication.Cli.Tests.Support;
using Syndication.History;

namespace Syndication.Cli.Tests;

/// <summary>
/// A nightly audit killed half-way (SIGKILL: a crash, the OOM killer) or stopped (SIGTERM: a job scheduler,
/// Ctrl+C), as a real child process over HTTP: the history stays sound, reports are never half-written.
/// </summary>
public sealed class CrashSafetyTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(150);

    [Test]
    public async Task A_run_killed_with_sigkill_leaves_a_sound_history_and_the_last_report_and_the_next_run_compares_with_the_last_complete_one()
    {
        await using var audit = await SlowAudit.StartAsync();
        var first = await audit.RunToEndAsync();
        Assert.That(first.ExitCode, Is.EqualTo(1), first.Stderr);
        var complete = await File.ReadAllTextAsync(audit.Report);
        var firstReport = JsonReport.Parse(complete);
        Assert.That(firstReport.Complete, Is.True);

        audit.Server.Delay = Slow;
        using (var killed = audit.Start())
        {
            await audit.WaitForRecordedPagesAsync(killed, runId: 2, pages: 4);
            killed.Process.Kill();
            await killed.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(killed.Process.ExitCode, Is.EqualTo(137), "killed by SIGKILL");
        }

        Assert.That(audit.RecordedPages(2), Is.GreaterThan(0).And.LessThan(SlowAudit.PageCount), "killed half-way");
        using (var store = HistoryStore.Open(audit.History, createIfMissing: false))
        {
            Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
            var runs = store.Runs();
            Assert.That(runs.Select(r => (r.Id, r.Status)), Is.EqualTo(new[] { (2L, "running"), (1L, "complete") }));
        }

        Assert.That(await File.ReadAllTextAsync(audit.Report), Is.EqualTo(complete), "the last complete report is untouched");
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(audit.Report)!, ".report.json*"), Is.Empty, "no temporary report left behind");

        audit.Server.Delay = TimeSpan.Zero;
        var rerun = await audit.RunToEndAsync();
        Assert.That(rerun.ExitCode, Is.EqualTo(0), "nothing new since the last complete run\n" + rerun.Stderr);
        Assert.That(rerun.Stderr, Does.Contain("1 earlier run(s) never finished"));
        using (var store = HistoryStore.Open(audit.History, createIfMissing: false))
        {
            Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
            Assert.That(store.Runs().Select(r => (r.Id, r.Status)), Is.EqualTo(new[] { (3L, "complete"), (2L, "incomplete"), (1L, "complete") }));
        }

        var report = JsonReport.Load(audit.Report);
        Assert.That(report.Complete, Is.True);
        var since = firstReport.Root.GetProperty("startedAt").GetString();
        for (var i = 0; i < SlowAudit.PageCount; i++)
        {
            var page = report.Pages[i];
            Assert.That(page.GetProperty("url").GetString(), Is.EqualTo(audit.PageUrl(i)));
            if (SlowAudit.IsViolation(i))
            {
                Assert.That(page.GetProperty("change").GetString(), Is.EqualTo("persisting"), $"page {i}");
                Assert.That(page.GetProperty("since").GetString(), Is.EqualTo(since), $"page {i}: since the first run");
                Assert.That(page.GetProperty("runs").GetInt32(), Is.EqualTo(2), $"page {i}: the killed run does not count");
            }
            else
            {
                Assert.That(page.GetProperty("change").GetString(), Is.EqualTo("same"), $"page {i}");
            }
        }
    }

    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task Sigterm_or_ctrl_c_finishes_the_pages_in_flight_writes_reports_marked_incomplete_and_exits_4(string signal)
    {
        await using var audit = await SlowAudit.StartAsync();
        audit.Server.Delay = Slow;
        CliRunner.Result result;
        using (var running = audit.Start())
        {
            await audit.WaitForRecordedPagesAsync(running, runId: 1, pages: 4);
            await running.SignalAsync(signal);
            result = await running.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.That(result.ExitCode, Is.EqualTo(4), result.Stderr);
        Assert.That(result.Stderr, Does.Contain($"SIG{signal} received"));
        var report = JsonReport.Load(audit.Report);
        Assert.That(report.Complete, Is.False);
        Assert.That(report.Pages, Has.Count.EqualTo(SlowAudit.PageCount), "every page is in the report");
        var notChecked = report.Pages.Where(p => p.GetProperty("verdict").GetString() == "error").ToList();
        var checkedPages = report.Pages.Count - notChecked.Count;
        Assert.That(checkedPages, Is.GreaterThanOrEqualTo(4), "the pages done before the signal");
        Assert.That(notChecked, Is.Not.Empty);
        Assert.That(notChecked.Select(p => p.GetProperty("error").GetProperty("kind").GetString()), Has.All.EqualTo("interrupted"));
        Assert.That(report.Root.GetProperty("summary").GetProperty("errors").GetInt32(), Is.EqualTo(notChecked.Count));
        Assert.That(audit.Server.Served, Is.LessThanOrEqualTo(checkedPages + 2), "no page was fetched after the signal beyond those in flight");

        using var store = HistoryStore.Open(audit.History, createIfMissing: false);
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
        var run = store.Runs().Single();
        Assert.That(run.Status, Is.EqualTo("interrupted"));
        Assert.That(run.Counts.Pages, Is.EqualTo(SlowAudit.PageCount));
        Assert.That(audit.RecordedPages(run.Id), Is.EqualTo(SlowAudit.PageCount), "the history has every page, checked or not");
    }

    [Test]
    public async Task Sigterm_while_the_originals_load_reports_every_page_as_not_checked_and_exits_4()
    {
        await using var audit = await SlowAudit.StartAsync(feedOverHttp: true);
        audit.Server.Delay = TimeSpan.FromSeconds(20);
        CliRunner.Result result;
        using (var running = audit.Start())
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (audit.Server.Received == 0)
            {
                Assert.That(running.Process.HasExited, Is.False, running.Stderr);
                Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the feed was never asked for");
                await Task.Delay(20);
            }

            await running.SignalAsync("TERM");
            result = await running.WaitAsync(TimeSpan.FromSeconds(15));
        }

        Assert.That(result.ExitCode, Is.EqualTo(4), result.Stderr);
        Assert.That(audit.Server.Served, Is.Zero, "the feed was never answered: the stop did not wait for it");
        var report = JsonReport.Load(audit.Report);
        Assert.That(report.Complete, Is.False);
        Assert.That(report.Pages, Has.Count.EqualTo(SlowAudit.PageCount));
        Assert.That(report.Pages.Select(p => p.GetProperty("error").GetProperty("kind").GetString()), Has.All.EqualTo("interrupted"));
        using var store = HistoryStore.Open(audit.History, createIfMissing: false);
        Assert.That(store.Runs().Single().Status, Is.EqualTo("interrupted"));
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
    }
}
