using System.Collections;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>Reading the history back: runs, a run's pages, a page's timeline, evidence; and pruning old evidence.</summary>
public sealed partial class HistoryStore
{
    private const string RunColumns = "id, started_at, finished_at, status, source, shard, pages, compliant, non_compliant, needs_review, not_applicable, errors";

    public IReadOnlyList<RunRecord> Runs(int limit = 50) => Use(() =>
    {
        using var command = Command($"SELECT {RunColumns} FROM runs ORDER BY id DESC LIMIT @limit");
        command.Parameters.AddWithValue("@limit", limit);
        return ReadRuns(command);
    });

    public RunRecord Run(long id) => Use(() =>
    {
        using var command = Command($"SELECT {RunColumns} FROM runs WHERE id = @id");
        command.Parameters.AddWithValue("@id", id);
        return ReadRuns(command).FirstOrDefault() ?? throw new HistoryException($"no run {id} in {Path}; see 'syndication runs'");
    });

    /// <summary>The most recent complete runs, newest first.</summary>
    /// <summary>The most rows <see cref="Timeline"/> gives unless asked for another number.</summary>
    public const int TimelineLimit = 500;

    /// <summary>The newest complete runs, newest first; with <paramref name="before"/>, only runs older than that one.</summary>
    /// <param name="whole">Only runs of the whole list (not an audit of part of it, <see cref="HistoryScope"/>).</param>
    public IReadOnlyList<RunRecord> CompleteRuns(int limit, long? before = null, bool whole = false) => Use(() =>
    {
        using var command = Command($"SELECT {RunColumns} FROM runs WHERE status = @complete AND (@before IS NULL OR id < @before) AND (NOT @whole OR shard IS NULL OR shard NOT LIKE 'part %') ORDER BY id DESC LIMIT @limit");
        command.Parameters.AddWithValue("@whole", whole);
        command.Parameters.AddWithValue("@complete", Complete);
        command.Parameters.AddWithValue("@before", (object?)before ?? DBNull.Value);
        command.Parameters.AddWithValue("@limit", limit);
        return ReadRuns(command);
    });

    /// <summary>A run's pages in list order, read from the file as they are enumerated (memory stays flat).</summary>
    public IReadOnlyList<PageResult> Pages(long runId) => new StoredPages(this, runId, CountPages(runId));

    /// <summary>
    /// A run's results as a summary reporters can render again, without fetching anything. The counts come from the
    /// verdict and partner columns (no result is unpacked for them); partners are in the order they first appear; the
    /// gists (triage order, the HTML report's index) from the entries' columns (<see cref="StoredGists"/>).
    /// </summary>
    public RunSummary Summary(long runId) => Use(() =>
    {
        var run = Run(runId);
        CheckNotCompacted(runId);
        var (counts, partners) = Counts(runId);
        var account = Account(runId);
        return new RunSummary
        {
            Discovery = account?.Sites ?? [],
            Unlicensed = account?.Unlicensed ?? [],
            StartedAt = run.StartedAt,
            FinishedAt = run.FinishedAt ?? run.StartedAt,
            Pages = new StoredPages(this, runId, counts.Pages),
            Gists = new StoredGists(this, runId, counts.Pages),
            Counts = counts,
            Partners = partners,
            Complete = CheckedEveryPage(run.Status),
            RunId = runId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    });

    /// <summary>What a run's discovery did per site, and its unlicensed republications (empty when it searched no site).</summary>
    public (IReadOnlyList<SiteDiscovery> Sites, IReadOnlyList<UnlicensedPage> Unlicensed) DiscoveryOf(long runId) =>
        Account(runId) is { } account ? (account.Sites, account.Unlicensed) : ([], []);

    private DiscoveryAccount? Account(long runId)
    {
        using var command = Command("SELECT account FROM run_discovery WHERE run_id = @id");
        command.Parameters.AddWithValue("@id", runId);
        return command.ExecuteScalar() is byte[] packed ? UnpackAccount(packed) : null;
    }

    /// <summary>
    /// A partner's or page's verdict run by run, by page then run. Past <paramref name="limit"/> rows the oldest runs
    /// are the ones left out: the latest nights are what a person asks the history for.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Timeline(string partnerOrUrl, int limit = TimelineLimit) => Use(() =>
    {
        using var command = Command("""
            SELECT * FROM (
                SELECT r.id AS run_id, r.started_at, r.status, p.url AS url, p.partner, e.verdict, e.change, e.since, e.error_kind, e.failing
                FROM pages p CROSS JOIN entries e ON e.page_id = p.id CROSS JOIN runs r ON r.id BETWEEN e.first_run AND e.last_run
                WHERE p.partner = @arg COLLATE NOCASE OR instr(p.url, @arg) > 0
                ORDER BY r.id DESC LIMIT @limit)
            ORDER BY url, run_id
            """);
        command.Parameters.AddWithValue("@arg", partnerOrUrl);
        command.Parameters.AddWithValue("@limit", limit);
        var entries = new List<TimelineEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new TimelineEntry(
                reader.GetInt64(0), ParseTime(reader.GetString(1))!.Value, reader.GetString(2), reader.GetString(3), Text(reader, 4), reader.GetString(5), Text(reader, 6),
                ParseTime(Text(reader, 7)), Text(reader, 8), Text(reader, 9)?.Split(',') ?? []));
        }

        return entries;
    });

    /// <summary>The pages with archived fetches whose address is or contains the text (to tell an ambiguous request).</summary>
    public IReadOnlyList<string> EvidencePages(string url) => Use(() =>
    {
        using var command = Command("""
            SELECT DISTINCT p.url FROM page_evidence e JOIN pages p ON p.id = e.page_id
            WHERE p.url = @url OR instr(p.url, @url) > 0 ORDER BY p.url LIMIT 20
            """);
        command.Parameters.AddWithValue("@url", url);
        var pages = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            pages.Add(reader.GetString(0));
        }

        return pages;
    });

    /// <summary>The archived fetch of a page (its latest in the run, or in any run when none is given). An exact address wins over a partial one.</summary>
    public EvidenceRecord? Evidence(string url, long? runId = null) => Use(() =>
    {
        using var command = Command("""
            SELECT COALESCE(@run, e.last_run), p.url, p.partner, e.sha256, e.first_fetched, e.final_url, e.headers, v.body, e.last_fetched, e.first_run, e.last_run
            FROM page_evidence e JOIN pages p ON p.id = e.page_id JOIN evidence v ON v.sha256 = e.sha256
            WHERE (p.url = @url OR instr(p.url, @url) > 0) AND (@run IS NULL OR @run BETWEEN e.first_run AND e.last_run)
            ORDER BY p.url = @url DESC, e.last_run DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("@url", url);
        command.Parameters.AddWithValue("@run", (object?)runId ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [];
        return new EvidenceRecord(reader.GetInt64(0), reader.GetString(1), Text(reader, 2), reader.GetString(3), ParseTime(reader.GetString(4))!.Value, Text(reader, 5), headers, Decompress((byte[])reader[7]))
        {
            LastFetchedAt = ParseTime(reader.GetString(8))!.Value,
            FirstRun = reader.GetInt64(9),
            LastRun = reader.GetInt64(10),
        };
    });

    /// <summary>
    /// The screenshots of a page (an exact address wins over a partial one) from the latest run that took any, or from
    /// the given run, each with its PNG bytes.
    /// </summary>
    public IReadOnlyList<ScreenshotRecord> Screenshots(string url, long? runId = null)
    {
        using var command = Command("""
            SELECT s.run_id, p.url, p.partner, s.name, s.sha256, s.width, s.height, s.outlined, s.taken_at, v.body
            FROM run_screenshots s JOIN pages p ON p.page_key = s.page_key JOIN evidence v ON v.sha256 = s.sha256
            WHERE s.run_id = (
                SELECT s2.run_id FROM run_screenshots s2 JOIN pages p2 ON p2.page_key = s2.page_key
                WHERE (p2.url = @url OR instr(p2.url, @url) > 0) AND (@run IS NULL OR s2.run_id = @run)
                ORDER BY p2.url = @url DESC, s2.run_id DESC LIMIT 1)
              AND (p.url = @url OR instr(p.url, @url) > 0)
            ORDER BY p.url = @url DESC, p.url, s.name = 'article' DESC
            """);
        command.Parameters.AddWithValue("@url", url);
        command.Parameters.AddWithValue("@run", (object?)runId ?? DBNull.Value);
        var shots = new List<ScreenshotRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (shots.Count > 0 && shots[0].Url != reader.GetString(1))
            {
                break;
            }

            shots.Add(new ScreenshotRecord(
                reader.GetInt64(0), reader.GetString(1), Text(reader, 2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetInt32(6),
                Text(reader, 7)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [], ParseTime(reader.GetString(8))!.Value, Decompress((byte[])reader[9])));
        }

        return shots;
    }

    /// <summary>A screenshot's PNG by its SHA-256, for reports of past runs; null when it is not kept.</summary>
    public byte[]? ScreenshotBytes(string sha256)
    {
        using var command = Command("SELECT v.body FROM evidence v WHERE v.sha256 = @sha AND EXISTS (SELECT 1 FROM run_screenshots s WHERE s.sha256 = @sha)");
        command.Parameters.AddWithValue("@sha", sha256);
        return command.ExecuteScalar() is byte[] packed ? Decompress(packed) : null;
    }

    /// <summary>The archived fetch of one page of a run, as stored (to carry a shard's evidence into the merged run).</summary>
    public ArchivedFetch? ArchivedAt(long runId, int position) => Use(() =>
    {
        var order = OrderOf(runId);
        var index = order.IndexOf(position);
        if (index < 0)
        {
            return null;
        }

        using var command = Command("""
            SELECT e.sha256, v.body, v.bytes, e.headers FROM page_evidence e JOIN evidence v ON v.sha256 = e.sha256
            WHERE e.page_id = @page AND @run BETWEEN e.first_run AND e.last_run
            ORDER BY e.last_run DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("@run", runId);
        command.Parameters.AddWithValue("@page", order.Pages[index]);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ArchivedFetch(reader.GetString(0), (byte[])reader[1], reader.GetInt64(2), Text(reader, 3)) : null;
    });

    /// <summary>
    /// Drops archived fetches older than the retention, except those of findings still open (pages non-compliant in
    /// the last complete run), and the bytes no fetch refers to any more. Returns how many fetches were dropped.
    /// </summary>
    public int PruneEvidence(DateTimeOffset cutoff) => Use(() =>
    {
        using var transaction = BeginTransaction();
        using var drop = Command("""
            DELETE FROM page_evidence WHERE last_fetched < @cutoff
              AND page_id NOT IN (SELECT p.id FROM pages p JOIN entries e ON e.id = p.state_entry_id WHERE e.verdict = @nonCompliant)
            """, transaction);
        drop.Parameters.AddWithValue("@cutoff", Time(cutoff));
        drop.Parameters.AddWithValue("@nonCompliant", NonCompliantName);
        var dropped = drop.ExecuteNonQuery();
        using var shots = Command("""
            DELETE FROM run_screenshots WHERE taken_at < @cutoff
              AND page_key NOT IN (SELECT p.page_key FROM pages p JOIN entries e ON e.id = p.state_entry_id WHERE e.verdict = @nonCompliant)
            """, transaction);
        shots.Parameters.AddWithValue("@cutoff", Time(cutoff));
        shots.Parameters.AddWithValue("@nonCompliant", NonCompliantName);
        shots.ExecuteNonQuery();
        using var orphans = Command("DELETE FROM evidence WHERE sha256 NOT IN (SELECT sha256 FROM page_evidence) AND sha256 NOT IN (SELECT sha256 FROM run_screenshots)", transaction);
        orphans.ExecuteNonQuery();
        transaction.Commit();
        return dropped;
    });

    /// <summary>
    /// Compacts the runs that started before <paramref name="cutoff"/>: their pages' entries go, except the latest of
    /// each page seen since (and the one its next run compares with), with the results no entry keeps; a page not seen
    /// since the cutoff is forgotten. The runs keep their row and counts (<c>runs</c>) and are marked compacted: they
    /// can no longer be rendered or compared. Returns how many runs were compacted.
    /// </summary>
    public int CompactRuns(DateTimeOffset cutoff) => Use(() =>
    {
        using var transaction = BeginTransaction();
        using var last = Command("SELECT MAX(id) FROM runs WHERE started_at < @cutoff AND compacted = 0", transaction);
        last.Parameters.AddWithValue("@cutoff", Time(cutoff));
        if (last.ExecuteScalar() is not long upTo)
        {
            return 0;
        }

        using var compact = Command("""
            CREATE TEMP TABLE kept_entries AS
                SELECT p.entry_id AS id FROM pages p JOIN entries c ON c.id = p.entry_id WHERE c.last_run > @last
                UNION SELECT p.state_entry_id FROM pages p JOIN entries c ON c.id = p.entry_id WHERE c.last_run > @last AND p.state_entry_id IS NOT NULL;
            DELETE FROM entries WHERE last_run <= @last AND id NOT IN (SELECT id FROM kept_entries);
            DROP TABLE kept_entries;
            DELETE FROM results WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.result_id = results.id);
            DELETE FROM page_evidence WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.page_id = page_evidence.page_id);
            DELETE FROM pages WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.page_id = pages.id);
            DELETE FROM evidence WHERE sha256 NOT IN (SELECT sha256 FROM page_evidence) AND sha256 NOT IN (SELECT sha256 FROM run_screenshots);
            """, transaction);
        compact.Parameters.AddWithValue("@last", upTo);
        compact.ExecuteNonQuery();
        using var mark = Command("UPDATE runs SET compacted = 1 WHERE id <= @last AND compacted = 0", transaction);
        mark.Parameters.AddWithValue("@last", upTo);
        var runs = mark.ExecuteNonQuery();
        RunOrders.DropUnused(_connection, transaction);
        transaction.Commit();
        return runs;
    });

    /// <summary>Refuses a run whose pages were compacted away: only its counts are kept.</summary>
    internal void CheckNotCompacted(long runId)
    {
        using var command = Command("SELECT compacted FROM runs WHERE id = @id");
        command.Parameters.AddWithValue("@id", runId);
        if (command.ExecuteScalar() is long and 1)
        {
            throw new HistoryException($"run {runId} in {Path} is older than the history's retention: its pages were compacted and only its counts are kept (see 'syndication runs')");
        }
    }

    private (long Run, long Order, RunOrder Pages)? _lastOrder;

    /// <summary>
    /// A run's pages in list order (none when it recorded none). A stored order is kept for the next call (merge asks
    /// for one page's evidence at a time); a run's order still in parts is read afresh.
    /// </summary>
    internal RunOrder OrderOf(long runId)
    {
        using var command = Command("SELECT order_id FROM runs WHERE id = @id");
        command.Parameters.AddWithValue("@id", runId);
        var stored = command.ExecuteScalar() as long?;
        if (stored is { } id && _lastOrder is { } last && last.Run == runId && last.Order == id)
        {
            return last.Pages;
        }

        var order = RunOrders.Of(_connection, null, runId) ?? new RunOrder([], []);
        if (stored is { } kept)
        {
            _lastOrder = (runId, kept, order);
        }

        return order;
    }

    internal int CountPages(long runId)
    {
        using var command = Command("SELECT COUNT(*) FROM entries WHERE last_run >= @id AND first_run <= @id");
        command.Parameters.AddWithValue("@id", runId);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A run's counts over all pages and per partner, the partners in the order their first page comes.</summary>
    private (VerdictCounts All, List<PartnerSummary> Partners) Counts(long runId)
    {
        using var command = Command("""
            SELECT e.page_id, p.partner, e.verdict FROM entries e JOIN pages p ON p.id = e.page_id
            WHERE e.last_run >= @id AND e.first_run <= @id
            """);
        command.Parameters.AddWithValue("@id", runId);
        var all = new int[Enum.GetValues<PageVerdict>().Length];
        var byPartner = new Dictionary<string, (string Name, int[] Counts)>(StringComparer.Ordinal);
        var partnerOf = new Dictionary<long, string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var verdict = (int)VerdictNames.ParseVerdict(reader.GetString(2));
                all[verdict]++;
                if (Text(reader, 1) is { } partner)
                {
                    if (!byPartner.TryGetValue(partner, out var known))
                    {
                        // One string per partner, however many pages it has.
                        byPartner[partner] = known = (partner, new int[all.Length]);
                    }

                    known.Counts[verdict]++;
                    partnerOf[reader.GetInt64(0)] = known.Name;
                }
            }
        }

        // The partners in the order of their first page in the list.
        var partners = new List<PartnerSummary>(byPartner.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in OrderOf(runId).Pages)
        {
            if (partnerOf.TryGetValue(page, out var partner) && seen.Add(partner))
            {
                partners.Add(new PartnerSummary(partner, CountsOf(byPartner[partner].Counts)));
                if (seen.Count == byPartner.Count)
                {
                    break;
                }
            }
        }

        return (CountsOf(all), partners);
    }

    private static VerdictCounts CountsOf(int[] c) => new(
        c.Sum(), c[(int)PageVerdict.Compliant], c[(int)PageVerdict.NonCompliant], c[(int)PageVerdict.NeedsReview], c[(int)PageVerdict.NotApplicable], c[(int)PageVerdict.Error]);

    private static List<RunRecord> ReadRuns(SqliteCommand command)
    {
        var runs = new List<RunRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new RunRecord(
                reader.GetInt64(0), ParseTime(reader.GetString(1))!.Value, ParseTime(Text(reader, 2)), reader.GetString(3), Text(reader, 4), Text(reader, 5),
                new VerdictCounts(reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11))));
        }

        return runs;
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static byte[] Decompress(byte[] packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        brotli.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>A run's pages, read one at a time in list order, or one by its index (the HTML report's triage order).</summary>
    private sealed class StoredPages(HistoryStore store, long runId, int count) : IReadOnlyList<PageResult>
    {
        // The page's entry in the run: the latest that began by the run (entries_by_page), if it lasted to it.
        private static readonly string EntryOfPage = $"""
            SELECT r.result, e.first_run, {EntryWriter.Columns("e")}
            FROM entries e JOIN results r ON r.id = e.result_id
            WHERE e.page_id = @page AND e.first_run <= @run AND e.last_run >= @run
            ORDER BY e.first_run DESC LIMIT 1
            """;

        private RunOrder? _order;

        public int Count => count;

        public PageResult this[int index]
        {
            get
            {
                // The run's order is read once; then each page is one look-up by its id.
                _order ??= store.Use(() => store.OrderOf(runId));
                using var command = store.Command(EntryOfPage);
                command.Parameters.AddWithValue("@run", runId);
                command.Parameters.AddWithValue("@page", _order.Pages[index]);
                return store.Use(() => Read(command, _order.Positions[index])) ?? throw store.Named(new InvalidDataException($"run {runId} lists page {_order.Pages[index]} without its entry"));
            }
        }

        private PageResult? Read(SqliteCommand command, int position)
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? EntryWriter.Read(reader, 2).Apply(Unpack((byte[])reader[0]), runId - reader.GetInt64(1), position) : null;
        }

        public IEnumerator<PageResult> GetEnumerator()
        {
            // Read as they are enumerated (by a reporter, long after the store was asked for them): a page that cannot
            // be read is named with the file there too.
            var order = _order ??= store.Use(() => store.OrderOf(runId));
            using var command = store.Command(EntryOfPage);
            command.Parameters.AddWithValue("@run", runId);
            var page = command.Parameters.AddWithValue("@page", 0L);
            for (var i = 0; i < order.Count; i++)
            {
                page.Value = order.Pages[i];
                var result = store.Use(() => Read(command, order.Positions[i]));
                if (result is not null)
                {
                    yield return result;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
