using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Syndication.Files;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History.Tests;

/// <summary>A history that grows with change, not with pages: entries, results kept once, compaction, the migration of schema 4.</summary>
public sealed class HistoryGrowthTests
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
    public void Unchanged_nights_add_no_row_and_each_night_reads_back_with_its_own_streak()
    {
        using var store = HistoryStore.Open(DbPath);
        var first = _time.GetUtcNow();
        for (var night = 0; night < 5; night++)
        {
            Run(store, Page("bad", PageVerdict.NonCompliant, "v1"), Page("good", PageVerdict.Compliant, "v1"));
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.That(Count(store, "entries"), Is.EqualTo(2 + 1), "the violation: its first night (new) and the nights after (persisting); the good page: one for all");
        Assert.That(Count(store, "results"), Is.EqualTo(2), "each judgement stored once");

        var third = store.Summary(3).Pages.ToList();
        Assert.That((third[0].Change, third[0].Streak, third[0].Since), Is.EqualTo(("persisting", (int?)3, (DateTimeOffset?)first)));
        Assert.That(third[0].Requirements[0].Streak, Is.EqualTo(3));
        Assert.That((third[1].Change, third[1].Streak, third[1].Position), Is.EqualTo(("same", (int?)null, (int?)1)));
        Assert.That(store.Summary(1).Pages.ToList()[0].Change, Is.EqualTo("new"));
        Assert.That(store.Summary(5).Pages.ToList()[0].Streak, Is.EqualTo(5));
        Assert.That(store.Timeline("bad").Select(t => t.RunId), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(store.Runs().Select(r => r.Counts.NonCompliant), Is.All.EqualTo(1));
    }

    [Test]
    public void A_page_whose_bytes_change_every_night_with_the_same_judgement_keeps_one_result()
    {
        using var store = HistoryStore.Open(DbPath);
        Run(store, Page("a", PageVerdict.Compliant, "v1"), Page("b", PageVerdict.Compliant, "v1"), Page("c", PageVerdict.Compliant, "v1"));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, Page("a", PageVerdict.Compliant, "v2"), Page("b", PageVerdict.Compliant, "v1") with { Fetch = new FetchFacts { ContentHash = "v1", ElapsedMs = 999, FromCache = true } }, Page("c", PageVerdict.NonCompliant, "v2"));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, Page("a", PageVerdict.Compliant, "v3"), Page("b", PageVerdict.Compliant, "v1"), Page("c", PageVerdict.NonCompliant, "v2"));
        Assert.That(Count(store, "results"), Is.EqualTo(4), "a's bytes changed twice with the same judgement: one result; b's fetch took longer and came from the cache: no change; c's judgement changed: a new result");
        Assert.That(Count(store, "entries"), Is.EqualTo(7), "a: one entry a night (its bytes); b: one; c: one a night (compliant, new, then persisting)");
        Assert.That(store.Summary(1).Pages.Select(p => p.Fetch!.ContentHash), Is.EqualTo(new[] { "v1", "v1", "v1" }));
        Assert.That(store.Summary(2).Pages.Select(p => p.Fetch!.ContentHash), Is.EqualTo(new[] { "v2", "v1", "v2" }), "each night names the bytes it fetched");
        Assert.That(store.Summary(3).Pages.Select(p => p.Fetch!.ContentHash), Is.EqualTo(new[] { "v3", "v1", "v2" }));
    }

    [Test]
    public void A_page_missing_from_a_night_is_not_in_that_night()
    {
        using var store = HistoryStore.Open(DbPath);
        Run(store, Page("a", PageVerdict.Compliant, "v1"), Page("b", PageVerdict.Compliant, "v1"));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, Page("a", PageVerdict.Compliant, "v1"));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, Page("a", PageVerdict.Compliant, "v1"), Page("b", PageVerdict.Compliant, "v1"));
        Assert.That(store.Summary(2).Counts.Pages, Is.EqualTo(1));
        Assert.That(store.Summary(3).Pages.Select(p => p.Url), Is.EqualTo(new[] { "https://partner.example/a", "https://partner.example/b" }));
        Assert.That(store.Timeline("/b").Select(t => t.RunId), Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(RunDiff.Compare(store, 1, 2).Single().Kind, Is.EqualTo(RunDiff.Changed), "b dropped");
    }

    [Test]
    public void Runs_older_than_the_retention_keep_their_counts_and_each_page_its_latest_state()
    {
        using var store = HistoryStore.Open(DbPath);
        Run(store, Page("a", PageVerdict.NonCompliant, "v1"), Page("gone", PageVerdict.Compliant, "v1"));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, Page("a", PageVerdict.NonCompliant, "v2"));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, Page("a", PageVerdict.NonCompliant, "v2"));

        Assert.That(store.CompactRuns(_time.GetUtcNow().AddHours(-1)), Is.EqualTo(2));
        Assert.That(store.Runs().Select(r => r.Counts.Pages), Is.EqualTo(new[] { 1, 1, 2 }), "counts stay");
        var refused = Assert.Throws<HistoryException>(() => store.Summary(1))!;
        Assert.That(refused.Message, Does.Contain("older than the history's retention"));
        Assert.Throws<HistoryException>(() => RunDiff.Compare(store, 2, 3));
        Assert.That(store.Timeline("gone"), Is.Empty, "a page not seen since is forgotten");
        Assert.That(Count(store, "results"), Is.EqualTo(1), "only a's latest judgement is kept");

        _time.Advance(TimeSpan.FromDays(1));
        var next = Run(store, Page("a", PageVerdict.NonCompliant, "v2"));
        Assert.That((next[0].Change, next[0].Streak), Is.EqualTo(("persisting", (int?)4)), "the next run still compares with the state kept");
        Assert.That(store.Evidence("/a")!.Body, Is.Not.Empty, "the open finding's evidence stays");
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public void A_history_of_schema_four_is_converted_in_place()
    {
        // Two nights as version 4 recorded them: a row and a full result per page and night, the state tables, evidence.
        var night1 = _time.GetUtcNow();
        var night2 = night1.AddDays(1);
        var bad1 = Page("bad", PageVerdict.NonCompliant, "v1") with { Change = "new", Since = night1, Streak = 1, Confirmed = true, Position = 0 };
        var bad2 = bad1 with { Change = "persisting", Streak = 2 };
        var good = Page("good", PageVerdict.Compliant, "v1") with { Change = "same", Since = night1, Position = 1 };
        using (var connection = SqliteSchema.Open(DbPath))
        {
            SqliteSchema.Migrate(connection, Migrations.Steps[..4]);
            var run = 0;
            foreach (var (at, pages) in new[] { (night1, new[] { bad1, good }), (night2, new[] { bad2, good }) })
            {
                run++;
                Execute(connection, $"INSERT INTO runs (id, started_at, finished_at, status, pages) VALUES ({run}, '{HistoryStore.Time(at)}', '{HistoryStore.Time(at)}', 'complete', 2)");
                foreach (var page in pages)
                {
                    using var insert = connection.CreateCommand();
                    insert.CommandText = """
                        INSERT INTO run_pages (run_id, position, page_key, url, partner, verdict, change, since, streak, result)
                        VALUES (@run, @position, @key, @url, 'Partner', @verdict, @change, @since, @streak, @result)
                        """;
                    insert.Parameters.AddWithValue("@run", run);
                    insert.Parameters.AddWithValue("@position", page.Position);
                    insert.Parameters.AddWithValue("@key", HistoryRecorder.KeyOf(page));
                    insert.Parameters.AddWithValue("@url", page.Url);
                    insert.Parameters.AddWithValue("@verdict", VerdictNames.Of(page.Verdict));
                    insert.Parameters.AddWithValue("@change", page.Change);
                    insert.Parameters.AddWithValue("@since", HistoryStore.Time(page.Since!.Value));
                    insert.Parameters.AddWithValue("@streak", page.Streak ?? 0);
                    insert.Parameters.AddWithValue("@result", HistoryStore.Pack(page));
                    insert.ExecuteNonQuery();
                }
            }

            Execute(connection, $"""
                INSERT INTO page_state VALUES ('Partner' || char(31) || 'https://partner.example/bad', 'non-compliant', '{HistoryStore.Time(night1)}', 2, 2);
                INSERT INTO page_state VALUES ('Partner' || char(31) || 'https://partner.example/good', 'compliant', '{HistoryStore.Time(night1)}', 0, 2);
                INSERT INTO evidence VALUES ('abc', x'{Convert.ToHexString(HistoryRecorder.Compress("<p>as fetched</p>"u8.ToArray()))}', 17, '{HistoryStore.Time(night1)}');
                INSERT INTO run_evidence VALUES (1, 0, 'Partner' || char(31) || 'https://partner.example/bad', 'abc', '{HistoryStore.Time(night1)}', NULL, '{"{}"}');
                INSERT INTO run_evidence VALUES (2, 0, 'Partner' || char(31) || 'https://partner.example/bad', 'abc', '{HistoryStore.Time(night2)}', NULL, '{"{}"}');
                """);
        }

        using var store = HistoryStore.Open(DbPath, exclusive: true);
        Assert.That(store.Summary(1).Pages.Select(Json), Is.EqualTo(new[] { bad1, good }.Select(Json)));
        Assert.That(store.Summary(2).Pages.Select(Json), Is.EqualTo(new[] { bad2, good }.Select(Json)));
        Assert.That(Count(store, "results"), Is.EqualTo(2));
        var evidence = store.Evidence("/bad")!;
        Assert.That((evidence.FirstRun, evidence.LastRun, evidence.FetchedAt, evidence.LastFetchedAt), Is.EqualTo((1L, 2L, night1, night2)));
        Assert.That(System.Text.Encoding.UTF8.GetString(evidence.Body), Is.EqualTo("<p>as fetched</p>"));

        _time.Advance(TimeSpan.FromDays(2));
        var third = Run(store, Page("bad", PageVerdict.NonCompliant, "v1"), Page("good", PageVerdict.Compliant, "v1"));
        Assert.That((third[0].Change, third[0].Streak, third[0].Since), Is.EqualTo(("persisting", (int?)3, (DateTimeOffset?)night1)), "the converted state is what the next run compares with");
        Assert.That(third[1].Since, Is.EqualTo(night1));
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public void A_history_of_schema_five_gets_its_runs_orders_and_reads_them_in_list_order()
    {
        using (var store = HistoryStore.Open(DbPath, exclusive: true))
        {
            Run(store, Page("b", PageVerdict.Compliant, "v1"), Page("a", PageVerdict.NonCompliant, "v1"), Page("c", PageVerdict.Compliant, "v1"));
        }

        // As version 5 left it: no run orders (each entry's position is its page's in each of its runs), no bytes per
        // entry, and each result's digest counting its bytes.
        using (var connection = SqliteSchema.Open(DbPath))
        {
            Execute(connection, """
                DROP TABLE orders; DROP TABLE order_parts; ALTER TABLE runs DROP COLUMN order_id;
                ALTER TABLE entries DROP COLUMN content_hash; ALTER TABLE entries DROP COLUMN bytes; PRAGMA user_version = 5;
                """);
            foreach (var name in new[] { "a", "b", "c" })
            {
                var page = Page(name, name == "a" ? PageVerdict.NonCompliant : PageVerdict.Compliant, "v1");
                var old = Convert.ToHexString(PageEntry.DigestBeforeSchemaSix(PageEntry.Judged(page)));
                Execute(connection, $"UPDATE results SET digest = x'{old}' WHERE page_id = (SELECT id FROM pages WHERE url = '{page.Url}')");
            }
        }

        using (var store = HistoryStore.Open(DbPath, exclusive: true))
        {
            Assert.That(Count(store, "orders"), Is.EqualTo(1), "the run's order, from its entries");
            Assert.That(store.Summary(1).Pages.Select(p => p.Url), Is.EqualTo(new[] { "https://partner.example/b", "https://partner.example/a", "https://partner.example/c" }));
            Assert.That(store.Summary(1).Pages[1].Url, Is.EqualTo("https://partner.example/a"));

            // The next night's same judgements are recognised under their old digests: no result is stored again.
            _time.Advance(TimeSpan.FromDays(1));
            Run(store, Page("b", PageVerdict.Compliant, "v1"), Page("a", PageVerdict.NonCompliant, "v1"), Page("c", PageVerdict.Compliant, "v1"));
            Assert.That(Count(store, "results"), Is.EqualTo(3));
            Assert.That(store.Summary(2).Pages.Select(p => p.Fetch!.ContentHash), Is.EqualTo(new[] { "v1", "v1", "v1" }));
        }
    }

    private List<PageResult> Run(HistoryStore store, params PageResult[] pages)
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

        store.EndRun(runId, RunSummary.Create(started, started.AddMinutes(1), recorded), HistoryStore.Checked);
        store.CompleteRun(runId);
        return recorded;
    }

    private static PageResult Page(string name, PageVerdict verdict, string content) => new()
    {
        Url = "https://partner.example/" + name,
        Partner = "Partner",
        Verdict = verdict,
        Fetch = new FetchFacts { ContentHash = content, ElapsedMs = 12.5 },
        Body = verdict == PageVerdict.NonCompliant ? System.Text.Encoding.UTF8.GetBytes("<p>" + content + "</p>") : null,
        Requirements = verdict == PageVerdict.NonCompliant
            ? [new("logo", Outcome.Fail, "no logo", []), new("byline", Outcome.Pass, "ok", []), new("affiliation", Outcome.Pass, "ok", [])]
            : [new("logo", Outcome.Pass, "ok", []), new("byline", Outcome.Pass, "ok", []), new("affiliation", Outcome.Pass, "ok", [])],
    };

    private static long Count(HistoryStore store, string table)
    {
        using var command = store.Command($"SELECT COUNT(*) FROM {table}");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Json(PageResult page) => System.Text.Json.JsonSerializer.Serialize(page, ResultSpool.Json);
}
