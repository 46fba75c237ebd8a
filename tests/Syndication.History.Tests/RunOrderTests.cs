using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Syndication.Files;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History.Tests;

/// <summary>
/// Where pages stand in the list is the run's order, not part of their entries: a page dropped from the middle of the
/// list costs a few bytes, not an entry per later page; every run still reads back in its own list order and positions.
/// </summary>
public sealed class RunOrderTests
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
    public void A_page_dropped_from_the_middle_of_the_list_costs_a_few_bytes_and_every_run_keeps_its_order()
    {
        using var store = HistoryStore.Open(DbPath, exclusive: true);
        var list = Enumerable.Range(0, 400).Select(i => $"p{i:000}").ToList();
        var nights = new List<List<string>>();
        void Night(List<string> pages)
        {
            nights.Add([.. pages]);
            Run(store, [.. pages.Select(name => Page(name, name == "p300" ? PageVerdict.NonCompliant : PageVerdict.Compliant))]);
            _time.Advance(TimeSpan.FromDays(1));
        }

        Night(list);
        Night(list);
        var entries = Count(store, "entries");
        var (orders, orderBytes) = Orders(store);
        Night(list);
        Assert.That((Count(store, "entries"), Orders(store)), Is.EqualTo((entries, (orders, orderBytes))), "the same list the next night: no new entry, the order shared");

        list.RemoveAt(200);
        Night(list);
        var (ordersAfter, bytesAfter) = Orders(store);
        Assert.That(Count(store, "entries"), Is.EqualTo(entries), "199 pages moved one place up: no entry for any of them");
        Assert.That(ordersAfter, Is.EqualTo(orders + 1));
        Assert.That(bytesAfter - orderBytes, Is.LessThan(24), "the night's order is stored as its edits: one page removed, one run of positions moved");

        list.Insert(50, "new");
        list.RemoveAt(list.Count - 1);
        Night(list);
        Assert.That(Count(store, "entries"), Is.EqualTo(entries + 1), "only the new page has a new entry");

        // Every night, old or new, reads back in its own list order with its own positions.
        for (var run = 1; run <= nights.Count; run++)
        {
            var pages = store.Summary(run).Pages.ToList();
            Assert.That(pages.Select(p => p.Url), Is.EqualTo(nights[run - 1].Select(Url)), $"run {run}");
            Assert.That(pages.Select(p => p.Position), Is.EqualTo(Enumerable.Range(0, nights[run - 1].Count).Select(i => (int?)i)), $"run {run}");
            Assert.That(store.Summary(run).Pages[nights[run - 1].IndexOf("p300")].Url, Is.EqualTo(Url("p300")), "by index too");
            Assert.That(store.ArchivedAt(run, nights[run - 1].IndexOf("p300")), Is.Not.Null, $"the violation's evidence by the run's position, run {run}");
            Assert.That(store.ArchivedAt(run, nights[run - 1].IndexOf("p299")), Is.Null, "a compliant page has none");
        }
    }

    [Test]
    public void Partners_are_summarised_in_the_order_their_first_page_comes_in_that_run()
    {
        using var store = HistoryStore.Open(DbPath, exclusive: true);
        Run(store, Page("a", PageVerdict.Compliant, "Zeta"), Page("b", PageVerdict.Compliant, "Alpha"), Page("c", PageVerdict.NonCompliant, "Zeta"));
        _time.Advance(TimeSpan.FromDays(1));
        Run(store, Page("b", PageVerdict.Compliant, "Alpha"), Page("a", PageVerdict.Compliant, "Zeta"), Page("c", PageVerdict.NonCompliant, "Zeta"));
        Assert.That(store.Summary(1).Partners.Select(p => (p.Name, p.Counts.Pages)), Is.EqualTo(new[] { ("Zeta", 2), ("Alpha", 1) }));
        Assert.That(store.Summary(2).Partners.Select(p => (p.Name, p.Counts.Pages)), Is.EqualTo(new[] { ("Alpha", 1), ("Zeta", 2) }));
        Assert.That(store.Summary(2).Pages.Select(p => p.Url), Is.EqualTo(new[] { Url("b"), Url("a"), Url("c") }), "reordered pages: the later run in its own order");
        Assert.That(store.Summary(1).Pages.Select(p => p.Url), Is.EqualTo(new[] { Url("a"), Url("b"), Url("c") }));
    }

    [Test]
    public void A_run_killed_while_recording_keeps_the_order_of_what_it_committed_and_the_next_writer_stores_it()
    {
        using (var store = HistoryStore.Open(DbPath, exclusive: true))
        {
            Run(store, Page("a", PageVerdict.Compliant), Page("b", PageVerdict.Compliant), Page("c", PageVerdict.Compliant));
            _time.Advance(TimeSpan.FromDays(1));
            var run = store.BeginRun(_time.GetUtcNow(), "partners.yaml", null);
            var recorder = new HistoryRecorder(store, run, _time.GetUtcNow(), confirmAfter: 1);
            recorder.Process(5, Page("c", PageVerdict.Compliant) with { Position = 5 });
            recorder.Process(1, Page("a", PageVerdict.Compliant) with { Position = 1 });
            recorder.Flush();

            // Killed here: the recorder never ends. Its committed pages read back in list order.
            Assert.That(store.Summary(run).Pages.Select(p => (p.Url, p.Position)), Is.EqualTo(new[] { (Url("a"), (int?)1), (Url("c"), (int?)5) }));
            Assert.That(Count(store, "order_parts"), Is.EqualTo(1));
        }

        using (var store = HistoryStore.Open(DbPath, exclusive: true))
        {
            store.MarkAbandonedRuns(_time);
            Assert.That(Count(store, "order_parts"), Is.Zero, "folded into the run's order");
            Assert.That(store.Summary(2).Pages.Select(p => (p.Url, p.Position)), Is.EqualTo(new[] { (Url("a"), (int?)1), (Url("c"), (int?)5) }));
            Assert.That(store.Summary(1).Pages.Select(p => p.Url), Is.EqualTo(new[] { Url("a"), Url("b"), Url("c") }));
        }
    }

    [Test]
    public void Compacted_runs_give_up_their_orders_and_the_runs_kept_still_read_back()
    {
        using var store = HistoryStore.Open(DbPath, exclusive: true);
        var list = Enumerable.Range(0, 50).Select(i => $"p{i}").ToList();
        for (var night = 0; night < 40; night++)
        {
            list.RemoveAt(night % list.Count);
            list.Add($"n{night}");
            Run(store, [.. list.Select(name => Page(name, PageVerdict.Compliant))]);
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.That(Scalar(store, "SELECT MAX(depth) FROM orders"), Is.EqualTo(RunOrders.MostEdits), "a chain of edits, then whole again");
        store.CompactRuns(_time.GetUtcNow().AddDays(-3));
        Assert.That(Scalar(store, "SELECT COUNT(*) FROM runs WHERE order_id IS NOT NULL"), Is.EqualTo(3));
        Assert.That(Count(store, "orders"), Is.LessThan(10), "only the orders the kept runs' chains need");
        Assert.That(store.Summary(40).Pages.Select(p => p.Url), Is.EqualTo(list.Select(Url)));
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public void A_history_of_schema_six_gets_each_runs_order_from_its_entries()
    {
        // Two nights as version 6 left them: b dropped on the second night moved c one place up, a new entry for it.
        var night1 = _time.GetUtcNow();
        using (var connection = SqliteSchema.Open(DbPath))
        {
            SqliteSchema.Migrate(connection, Migrations.Steps[..6]);
            Execute(connection, $"""
                INSERT INTO runs (id, started_at, finished_at, status, pages) VALUES (1, '{HistoryStore.Time(night1)}', '{HistoryStore.Time(night1)}', 'complete', 3);
                INSERT INTO runs (id, started_at, finished_at, status, pages) VALUES (2, '{HistoryStore.Time(night1.AddDays(1))}', '{HistoryStore.Time(night1.AddDays(1))}', 'complete', 2);
                """);
            foreach (var (id, name) in new[] { (1, "a"), (2, "b"), (3, "c") })
            {
                var page = Page(name, PageVerdict.Compliant) with { Requirements = [] };
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO pages (id, page_key, url, partner) VALUES (@id, @key, @url, 'Partner');
                    INSERT INTO results (id, page_id, digest, result, first_run) VALUES (@id, @id, @digest, @result, 1);
                    """;
                insert.Parameters.AddWithValue("@id", id);
                insert.Parameters.AddWithValue("@key", HistoryRecorder.KeyOf(page));
                insert.Parameters.AddWithValue("@url", page.Url);
                insert.Parameters.AddWithValue("@digest", PageEntry.Digest(PageEntry.Judged(page)));
                insert.Parameters.AddWithValue("@result", HistoryStore.Pack(PageEntry.Judged(page)));
                insert.ExecuteNonQuery();
            }

            Execute(connection, $"""
                INSERT INTO entries (id, page_id, result_id, first_run, last_run, verdict, change, since, position, requirements, content_hash, bytes) VALUES
                    (1, 1, 1, 1, 2, 'compliant', 'same', '{HistoryStore.Time(night1)}', 0, '', 'v1', 0),
                    (2, 2, 2, 1, 1, 'compliant', 'same', '{HistoryStore.Time(night1)}', 1, '', 'v1', 0),
                    (3, 3, 3, 1, 1, 'compliant', 'same', '{HistoryStore.Time(night1)}', 2, '', 'v1', 0),
                    (4, 3, 3, 2, 2, 'compliant', 'same', '{HistoryStore.Time(night1)}', 1, '', 'v1', 0);
                UPDATE pages SET entry_id = CASE id WHEN 2 THEN 2 WHEN 1 THEN 1 ELSE 4 END, state_entry_id = CASE id WHEN 2 THEN 2 WHEN 1 THEN 1 ELSE 4 END,
                    state_run = CASE id WHEN 2 THEN 1 ELSE 2 END;
                """);
        }

        using var store = HistoryStore.Open(DbPath, exclusive: true);
        Assert.That(Scalar(store, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'entries_by_position'"), Is.Zero, "the index by position is gone");
        Assert.That(store.Summary(1).Pages.Select(p => (p.Url, p.Position)), Is.EqualTo(new[] { (Url("a"), (int?)0), (Url("b"), (int?)1), (Url("c"), (int?)2) }));
        Assert.That(store.Summary(2).Pages.Select(p => (p.Url, p.Position)), Is.EqualTo(new[] { (Url("a"), (int?)0), (Url("c"), (int?)1) }));
        Assert.That(Count(store, "orders"), Is.EqualTo(2));

        // The next night, as the second: no new entry.
        _time.Advance(TimeSpan.FromDays(2));
        Run(store, Page("a", PageVerdict.Compliant) with { Requirements = [] }, Page("c", PageVerdict.Compliant) with { Requirements = [] });
        Assert.That(Count(store, "entries"), Is.EqualTo(4));
        Assert.That(Count(store, "orders"), Is.EqualTo(2), "the same list: the second night's order shared");
        Assert.That(store.IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public void Orders_survive_edits_of_every_kind_in_a_long_chain()
    {
        var random = new Random(7);
        var pages = Enumerable.Range(1, 300).Select(i => (long)i).ToList();
        var next = 301L;
        var positions = Positions(pages.Count, random);
        var order = new RunOrder([.. pages], positions);
        var stored = order;
        for (var night = 0; night < 60; night++)
        {
            for (var k = random.Next(5); k > 0; k--)
            {
                pages.RemoveAt(random.Next(pages.Count));
            }

            for (var k = random.Next(5); k > 0; k--)
            {
                pages.Insert(random.Next(pages.Count + 1), next++);
            }

            var now = new RunOrder([.. pages], Positions(pages.Count, random));
            var edits = now.EncodeAgainst(stored);
            Assert.That(edits, Is.Not.Null);
            var read = RunOrder.Decode(edits!, stored);
            Assert.That((read.Pages, read.Positions), Is.EqualTo((now.Pages, now.Positions)), $"night {night}");
            Assert.That(RunOrder.Decode(now.EncodeWhole(), null).Pages, Is.EqualTo(now.Pages));
            stored = read;
        }

        var swapped = new RunOrder([stored.Pages[1], stored.Pages[0], .. stored.Pages[2..]], stored.Positions);
        Assert.That(swapped.EncodeAgainst(stored), Is.Null, "two pages that changed places: stored whole");
    }

    /// <summary>Positions as a partner list gives them: blocks far apart, consecutive inside a block.</summary>
    private static int[] Positions(int count, Random random)
    {
        var positions = new int[count];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            at += random.Next(20) == 0 ? 1_000_000 : 1;
            positions[i] = at;
        }

        return positions;
    }

    private void Run(HistoryStore store, params PageResult[] pages)
    {
        var started = _time.GetUtcNow();
        var runId = store.BeginRun(started, "partners.yaml", null);
        var recorded = new List<PageResult>();
        using (var recorder = new HistoryRecorder(store, runId, started, confirmAfter: 1))
        {
            // Recorded as the pages finish, not in list order.
            foreach (var i in Enumerable.Range(0, pages.Length).OrderBy(i => (i * 7919) % pages.Length))
            {
                recorded.Add(recorder.Process(i, pages[i] with { Position = i }).Compact());
            }
        }

        store.EndRun(runId, RunSummary.Create(started, started.AddMinutes(1), recorded), HistoryStore.Checked);
        store.CompleteRun(runId);
    }

    private static string Url(string name) => "https://partner.example/" + name;

    private static PageResult Page(string name, PageVerdict verdict, string partner = "Partner") => new()
    {
        Url = Url(name),
        Partner = partner,
        Verdict = verdict,
        Fetch = new FetchFacts { ContentHash = "v1", ElapsedMs = 12.5 },
        Body = verdict == PageVerdict.NonCompliant ? "<p>v1</p>"u8.ToArray() : null,
        Requirements = verdict == PageVerdict.NonCompliant ? [new("logo", Outcome.Fail, "no logo", [])] : [new("logo", Outcome.Pass, "ok", [])],
    };

    private static (long Count, long Bytes) Orders(HistoryStore store) =>
        (Count(store, "orders"), Scalar(store, "SELECT COALESCE(SUM(length(data)), 0) FROM orders"));

    private static long Count(HistoryStore store, string table) => Scalar(store, $"SELECT COUNT(*) FROM {table}");

    private static long Scalar(HistoryStore store, string sql)
    {
        using var command = store.Command(sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
