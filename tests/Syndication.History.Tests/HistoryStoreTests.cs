using Microsoft.Extensions.Time.Testing;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History.Tests;

/// <summary>The history file itself: recording runs, what the next run compares with, re-rendering, evidence and retention.</summary>
public sealed class HistoryStoreTests
{
    private TempFolder _folder = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public void Folder()
    {
        _folder = new TempFolder();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void Clean() => _folder.Dispose();

    private string DbPath => _folder.File("history.db");

    [Test]
    public void A_new_file_gets_the_latest_schema_and_is_sound()
    {
        using var store = HistoryStore.Open(DbPath);
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
        Assert.That(store.Runs(), Is.Empty);
    }

    [Test]
    public void A_file_that_is_not_sqlite_is_refused_with_its_name()
    {
        File.WriteAllText(DbPath, "this is not a database, just text that happens to be long enough to have a header........");
        var error = Assert.Throws<HistoryException>(() => HistoryStore.Open(DbPath))!;
        Assert.That(error.Message, Does.Contain(DbPath));
    }

    [Test]
    public void Changes_follow_the_last_complete_run_and_ignore_an_incomplete_one()
    {
        using var store = HistoryStore.Open(DbPath);
        var monday = Run(store, HistoryStore.Complete, Page("a", PageVerdict.NonCompliant), Page("b", PageVerdict.Compliant));
        Assert.That(Changes(monday), Is.EqualTo(new[] { "new", "same" }));

        // An incomplete run in which "a" looked fine must not count as a fix for the next run.
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, HistoryStore.Incomplete, Page("a", PageVerdict.Compliant), Page("b", PageVerdict.Compliant));

        _time.Advance(TimeSpan.FromDays(1));
        var wednesday = Run(store, HistoryStore.Complete, Page("a", PageVerdict.NonCompliant), Page("b", PageVerdict.NonCompliant));
        Assert.That(Changes(wednesday), Is.EqualTo(new[] { "persisting", "new" }));
        Assert.That(wednesday[0].Since, Is.EqualTo(monday[0].Since), "persisting since the first run of the streak");
        Assert.That(wednesday[0].Streak, Is.EqualTo(2));

        _time.Advance(TimeSpan.FromDays(1));
        var thursday = Run(store, HistoryStore.Complete, Page("a", PageVerdict.Compliant), Error("b"));
        Assert.That(Changes(thursday), Is.EqualTo(new[] { "fixed", "same" }));
        Assert.That(thursday[1].Since, Is.EqualTo(wednesday[1].Since), "an error keeps the state it had");

        _time.Advance(TimeSpan.FromDays(1));
        var friday = Run(store, HistoryStore.Complete, Page("a", PageVerdict.Compliant), Page("b", PageVerdict.NonCompliant));
        Assert.That(Changes(friday), Is.EqualTo(new[] { "same", "persisting" }), "b was not checked on thursday: still the same violation");
    }

    [Test]
    public void Requirements_get_their_own_change()
    {
        using var store = HistoryStore.Open(DbPath);
        Run(store, HistoryStore.Complete, Page("a", PageVerdict.NonCompliant, logo: Outcome.Fail));
        _time.Advance(TimeSpan.FromDays(1));
        var next = Run(store, HistoryStore.Complete, Page("a", PageVerdict.NonCompliant, logo: Outcome.Fail, byline: Outcome.Fail));
        Assert.That(next[0].Change, Is.EqualTo("persisting"));
        Assert.That(next[0].Requirements.Select(r => r.Change), Is.EqualTo(new[] { "persisting", "new", "same" }));
    }

    [Test]
    public void A_past_run_is_read_back_exactly_as_recorded()
    {
        using var store = HistoryStore.Open(DbPath);
        var recorded = Run(store, HistoryStore.Complete, Page("a", PageVerdict.NonCompliant), Page("b", PageVerdict.Compliant), Error("c"));
        var runId = store.Runs()[0].Id;
        var summary = store.Summary(runId);
        Assert.That(summary.Counts, Is.EqualTo(new VerdictCounts(3, 1, 1, 0, 0, 1)));
        var read = summary.Pages.ToList();
        Assert.That(read.Select(Json), Is.EqualTo(recorded.Select(Json)));
    }

    [Test]
    public void Only_one_writer_at_a_time_while_readers_never_wait()
    {
        using var writer = HistoryStore.Open(DbPath, exclusive: true);
        var error = Assert.Throws<HistoryException>(() => HistoryStore.Open(DbPath, exclusive: true))!;
        Assert.That(error.Message, Does.Contain("being written by another audit or merge"));
        using (var reader = HistoryStore.Open(DbPath, createIfMissing: false))
        {
            Assert.That(reader.Runs(), Is.Empty);
        }

        writer.Dispose();
        using var next = HistoryStore.Open(DbPath, exclusive: true);
        Assert.That(next.IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public void A_run_left_running_by_a_killed_process_is_marked_incomplete_and_one_left_unreported_unreported_by_the_next()
    {
        using (var store = HistoryStore.Open(DbPath))
        {
            store.BeginRun(_time.GetUtcNow(), "partners.yaml", null);
            var reporting = store.BeginRun(_time.GetUtcNow(), "partners.yaml", null);
            store.EndRun(reporting, RunSummary.Create(_time.GetUtcNow(), _time.GetUtcNow(), []), HistoryStore.Checked);
        }

        using var again = HistoryStore.Open(DbPath);
        Assert.That(again.Runs().Select(r => r.Status), Is.EqualTo(new[] { HistoryStore.Checked, HistoryStore.Running }));
        Assert.That(again.MarkAbandonedRuns(_time), Is.EqualTo(new AbandonedRuns(1, [2])).Using<AbandonedRuns>((a, b) => a.Incomplete == b.Incomplete && a.Unreported.SequenceEqual(b.Unreported)));
        Assert.That(again.Runs().Select(r => r.Status), Is.EqualTo(new[] { HistoryStore.Unreported, HistoryStore.Incomplete }));
        Assert.That(again.CompleteRuns(5), Is.Empty, "neither is ever compared with");
    }

    [Test]
    public void Evidence_keeps_the_fetched_bytes_and_headers_and_retention_spares_open_findings()
    {
        using var store = HistoryStore.Open(DbPath);
        var bytes = "<html><body>the page as fetched</body></html>"u8.ToArray();
        var headers = new Dictionary<string, string> { ["Content-Type"] = "text/html", ["ETag"] = "\"v1\"" };
        Run(store, HistoryStore.Complete, Page("open", PageVerdict.NonCompliant) with { Body = bytes, Headers = headers }, Page("gone", PageVerdict.NonCompliant) with { Body = "<p>other</p>"u8.ToArray() });

        var evidence = store.Evidence("open")!;
        Assert.That(evidence.Body, Is.EqualTo(bytes));
        Assert.That(evidence.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))));
        Assert.That(evidence.Headers, Is.EquivalentTo(headers));
        Assert.That(evidence.FetchedAt, Is.EqualTo(_time.GetUtcNow()));

        // 100 days later "gone" is fixed, "open" still fails: only the fixed page's old evidence goes.
        _time.Advance(TimeSpan.FromDays(100));
        Run(store, HistoryStore.Complete, Page("open", PageVerdict.NonCompliant), Page("gone", PageVerdict.Compliant));
        var dropped = store.PruneEvidence(_time.GetUtcNow() - TimeSpan.FromDays(90));
        Assert.That(dropped, Is.EqualTo(1));
        Assert.That(store.Evidence("gone"), Is.Null);
        Assert.That(store.Evidence("open")!.Body, Is.EqualTo(bytes));
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public void The_timeline_lists_a_page_run_by_run()
    {
        using var store = HistoryStore.Open(DbPath);
        Run(store, HistoryStore.Complete, Page("a", PageVerdict.NonCompliant));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, HistoryStore.Complete, Page("a", PageVerdict.Compliant));
        var timeline = store.Timeline("https://partner.example/a");
        Assert.That(timeline.Select(t => (t.Verdict, t.Change)), Is.EqualTo(new[] { ("non-compliant", "new"), ("compliant", "fixed") }));
        Assert.That(timeline[0].Failed, Is.EqualTo(new[] { "logo" }));
        Assert.That(store.Timeline("Partner"), Has.Count.EqualTo(2), "a partner's name finds its pages");
    }

    [Test]
    public void A_long_timeline_keeps_the_newest_runs()
    {
        using var store = HistoryStore.Open(DbPath);
        for (var night = 0; night < 4; night++)
        {
            Run(store, HistoryStore.Complete, Page("a", PageVerdict.Compliant), Page("b", PageVerdict.Compliant));
            _time.Advance(TimeSpan.FromDays(1));
        }

        var timeline = store.Timeline("Partner", limit: 4);
        Assert.That(timeline.Select(t => (t.Url, t.RunId)), Is.EqualTo(new[]
        {
            ("https://partner.example/a", 3L), ("https://partner.example/a", 4L), ("https://partner.example/b", 3L), ("https://partner.example/b", 4L),
        }), "the two latest nights of both pages, by page then run; not every night of page a and none of b");
    }

    private List<PageResult> Run(HistoryStore store, string status, params PageResult[] pages)
    {
        var started = _time.GetUtcNow();
        var runId = store.BeginRun(started, "partners.yaml", null);
        var recorded = new List<PageResult>();
        using (var recorder = new HistoryRecorder(store, runId, started, confirmAfter: 1))
        {
            for (var i = 0; i < pages.Length; i++)
            {
                recorded.Add(recorder.Process(i, pages[i] with { Position = i }).Compact());
            }
        }

        var complete = status == HistoryStore.Complete;
        store.EndRun(runId, RunSummary.Create(started, started.AddMinutes(1), recorded), complete ? HistoryStore.Checked : status);
        if (complete)
        {
            store.CompleteRun(runId);
        }

        return recorded;
    }

    private static PageResult Page(string name, PageVerdict verdict, Outcome logo = Outcome.Fail, Outcome byline = Outcome.Pass) => new()
    {
        Url = "https://partner.example/" + name,
        Partner = "Partner",
        Verdict = verdict,
        Requirements = verdict == PageVerdict.NonCompliant
            ? [new("logo", logo, "logo " + logo, []), new("byline", byline, "byline " + byline, []), new("affiliation", Outcome.Pass, "ok", [])]
            : [new("logo", Outcome.Pass, "ok", []), new("byline", Outcome.Pass, "ok", []), new("affiliation", Outcome.Pass, "ok", [])],
    };

    private static PageResult Error(string name) => new()
    {
        Url = "https://partner.example/" + name,
        Partner = "Partner",
        Verdict = PageVerdict.Error,
        Error = new PageError("timeout", "no answer"),
    };

    private static string?[] Changes(List<PageResult> pages) => pages.Select(p => p.Change).ToArray();

    private static string Json(PageResult page) => System.Text.Json.JsonSerializer.Serialize(page, ResultSpool.Json);
}
