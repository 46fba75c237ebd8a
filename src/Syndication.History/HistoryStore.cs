using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Syndication.Files;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>
/// The history of every run in one SQLite file (WAL, so a reader never blocks the nightly writer and a killed run
/// leaves the file consistent): runs, each page's verdict and each requirement's outcome with change and since, the
/// full results for re-rendering, the state the next run compares with, and the evidence archive.
/// </summary>
public sealed partial class HistoryStore : IDisposable
{
    /// <summary>Pages are being checked.</summary>
    public const string Running = "running";

    /// <summary>Every page is checked and recorded; the reports are being written.</summary>
    public const string Checked = "checked";

    /// <summary>Every page checked and every report written: the run the next one compares with.</summary>
    public const string Complete = "complete";

    /// <summary>Every page was checked but not every report was written (one failed, or the process was killed while writing them).</summary>
    public const string Unreported = "unreported";

    /// <summary>Not every page was checked: killed, failed, or out of budget.</summary>
    public const string Incomplete = "incomplete";

    /// <summary>Stopped by Ctrl+C or SIGTERM.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>
    /// How many days of runs a history keeps whole by default (--keep-history-days): a year and a month, so a night can
    /// be compared with the same night a year before. Older runs keep their counts.
    /// </summary>
    public const int DefaultKeepDays = 400;

    // The verdict and status words the history stores and compares: the reports' own (VerdictNames).
    internal static readonly string NonCompliantName = VerdictNames.Of(PageVerdict.NonCompliant);
    internal static readonly string ErrorName = VerdictNames.Of(PageVerdict.Error);
    internal static readonly string FailName = VerdictNames.Of(Outcome.Fail);

    private readonly SqliteConnection _connection;
    private readonly FileStream? _writerLock;

    private HistoryStore(SqliteConnection connection, string path, FileStream? writerLock)
    {
        _connection = connection;
        Path = path;
        _writerLock = writerLock;
    }

    public string Path { get; }

    /// <param name="exclusive">For a run that writes (audit, merge): one writer at a time, held by a lock file that the
    /// system releases even when the process is killed, taken on the file's real path (a symlink to it is the same
    /// history). Before anything is written the file is checked: writable, sound (PRAGMA quick_check), and not locked
    /// by another program. Readers (runs, history, report) never wait for the lock, and read a history in a folder
    /// they cannot write. Every problem is a <see cref="HistoryException"/> naming the file and the cause.</param>
    public static HistoryStore Open(string path, bool createIfMissing = true, bool exclusive = false)
    {
        if (!createIfMissing && !File.Exists(path))
        {
            throw new HistoryException($"no history at {path}");
        }

        var resolved = RealPath.Of(path);
        var folder = System.IO.Path.GetDirectoryName(resolved);
        FileStream? writerLock = null;
        try
        {
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            writerLock = exclusive ? Lock(path, resolved) : null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException && e is not HistoryException)
        {
            throw new HistoryException($"history {path}: {Syndication.Files.FileProblems.Describe(e)} (cannot create {resolved}.lock beside it)", e);
        }

        try
        {
            var connection = exclusive
                ? SqliteSchema.OpenToWrite(resolved, Migrations.Apply)
                : SqliteSchema.OpenToRead(resolved, Migrations.Apply, Migrations.CheckCurrent);
            return new HistoryStore(connection, path, writerLock);
        }
        catch (Exception e)
        {
            writerLock?.Dispose();
            throw HistoryErrors.IsHistoryFailure(e) ? HistoryErrors.Named(path, e) : e;
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _writerLock?.Dispose();
    }

    /// <summary>The one-line error for a failure while using this history.</summary>
    public HistoryException Named(Exception e) => HistoryErrors.Named(Path, e);

    /// <summary>Runs <paramref name="work"/> on the history; a SQLite failure or a damaged value becomes a <see cref="HistoryException"/> naming the file.</summary>
    public T Use<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (HistoryErrors.IsHistoryFailure(e))
        {
            throw Named(e);
        }
    }

    /// <summary>As <see cref="Use{T}(Func{T})"/>, for work that returns nothing.</summary>
    public void Use(Action work) => Use(() =>
    {
        work();
        return 0;
    });

    // The lock is held: EWOULDBLOCK from flock on Unix, ERROR_SHARING_VIOLATION on Windows.
    private const int WouldBlock = 11;
    private const int SharingViolation = 32;

    private static FileStream Lock(string path, string resolved)
    {
        try
        {
            return new FileStream(resolved + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e) when (e.GetType() == typeof(IOException) && (e.HResult == WouldBlock || (e.HResult & 0xFFFF) == SharingViolation))
        {
            throw new HistoryException($"{path} is being written by another audit or merge; only one may write a history at a time", e);
        }
    }

    /// <summary>
    /// Runs whose process died: one still "running" is marked incomplete, one "checked" (its pages all recorded, its
    /// reports never finished) unreported. Neither is ever compared with. Call it holding the writer lock.
    /// </summary>
    public AbandonedRuns MarkAbandonedRuns(TimeProvider time) => Use(() =>
    {
        using var transaction = BeginTransaction();
        var unreported = new List<long>();
        using (var find = Command("SELECT id FROM runs WHERE status = @checked ORDER BY id", transaction))
        {
            find.Parameters.AddWithValue("@checked", Checked);
            using var reader = find.ExecuteReader();
            while (reader.Read())
            {
                unreported.Add(reader.GetInt64(0));
            }
        }

        using var command = Command("""
            UPDATE runs SET status = CASE status WHEN @checked THEN @unreported ELSE @incomplete END, finished_at = COALESCE(finished_at, @now)
            WHERE status IN (@running, @checked)
            """, transaction);
        command.Parameters.AddWithValue("@incomplete", Incomplete);
        command.Parameters.AddWithValue("@unreported", Unreported);
        command.Parameters.AddWithValue("@running", Running);
        command.Parameters.AddWithValue("@checked", Checked);
        command.Parameters.AddWithValue("@now", Time(time.GetUtcNow()));
        var all = command.ExecuteNonQuery();

        // A run killed while recording left its order in parts: folded into one.
        RunOrders.SealAbandoned(_connection, transaction);
        transaction.Commit();
        return new AbandonedRuns(all - unreported.Count, unreported);
    });

    public long BeginRun(DateTimeOffset startedAt, string? source, string? shard) => Use(() =>
    {
        using var command = Command("INSERT INTO runs (started_at, status, source, tool_version, shard) VALUES (@at, @status, @source, @version, @shard) RETURNING id");
        command.Parameters.AddWithValue("@at", Time(startedAt));
        command.Parameters.AddWithValue("@status", Running);
        command.Parameters.AddWithValue("@source", (object?)source ?? DBNull.Value);
        command.Parameters.AddWithValue("@version", ToolInfo.Version);
        command.Parameters.AddWithValue("@shard", (object?)shard ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>
    /// Records how a run's checking ended: its counts and status (<see cref="Checked"/> when every page was checked,
    /// else incomplete or interrupted). The state the next run compares with is not touched: that waits for
    /// <see cref="CompleteRun"/>, once the reports are written.
    /// </summary>
    public void EndRun(long runId, RunSummary summary, string status) => Use(() =>
    {
        var c = summary.Counts;
        using var command = Command("""
            UPDATE runs SET finished_at = @at, status = @status, pages = @pages, compliant = @compliant, non_compliant = @nonCompliant,
                needs_review = @review, not_applicable = @na, errors = @errors WHERE id = @id
            """);
        command.Parameters.AddWithValue("@at", Time(summary.FinishedAt));
        command.Parameters.AddWithValue("@status", status);
        command.Parameters.AddWithValue("@pages", c.Pages);
        command.Parameters.AddWithValue("@compliant", c.Compliant);
        command.Parameters.AddWithValue("@nonCompliant", c.NonCompliant);
        command.Parameters.AddWithValue("@review", c.NeedsReview);
        command.Parameters.AddWithValue("@na", c.NotApplicable);
        command.Parameters.AddWithValue("@errors", c.Errors);
        command.Parameters.AddWithValue("@id", runId);
        command.ExecuteNonQuery();
        if (summary.Discovery.Count > 0 || summary.Unlicensed.Count > 0)
        {
            using var account = Command("INSERT OR REPLACE INTO run_discovery (run_id, account) VALUES (@id, @account)");
            account.Parameters.AddWithValue("@id", runId);
            account.Parameters.AddWithValue("@account", PackAccount(new DiscoveryAccount(summary.Discovery, summary.Unlicensed)));
            account.ExecuteNonQuery();
        }
    });

    /// <summary>
    /// Marks a checked run whose reports are all written complete, and makes its pages the state the next run
    /// compares with, in one transaction: a run killed before this point is never compared with, so what was new in
    /// it is new again (and fails the job) in the next run.
    /// </summary>
    public void CompleteRun(long runId) => Use(() =>
    {
        using var transaction = _connection.BeginTransaction();
        using (var command = Command("UPDATE runs SET status = @complete WHERE id = @id AND status = @checked", transaction))
        {
            command.Parameters.AddWithValue("@complete", Complete);
            command.Parameters.AddWithValue("@checked", Checked);
            command.Parameters.AddWithValue("@id", runId);
            if (command.ExecuteNonQuery() != 1)
            {
                throw new InvalidOperationException($"run {runId} is not a checked run");
            }
        }

        // The state is the entry each page had in this run: a pointer per page, whatever the page's requirements.
        using var pages = Command("""
            UPDATE pages SET state_entry_id = entry_id, state_run = @id
            WHERE entry_id IN (SELECT id FROM entries WHERE last_run = @id AND verdict <> @error AND since IS NOT NULL)
            """, transaction);
        pages.Parameters.AddWithValue("@id", runId);
        pages.Parameters.AddWithValue("@error", ErrorName);
        pages.ExecuteNonQuery();
        transaction.Commit();
    });

    /// <summary>A checked run whose reports could not all be written: it stays in the history but is never compared with.</summary>
    public void MarkUnreported(long runId) => Use(() =>
    {
        using var command = Command("UPDATE runs SET status = @unreported WHERE id = @id AND status = @checked");
        command.Parameters.AddWithValue("@unreported", Unreported);
        command.Parameters.AddWithValue("@checked", Checked);
        command.Parameters.AddWithValue("@id", runId);
        command.ExecuteNonQuery();
    });

    /// <summary>Whether a run with this status checked every page (complete, or checked but not reported).</summary>
    public static bool CheckedEveryPage(string status) => status is Complete or Checked or Unreported;

    internal SqliteTransaction BeginTransaction() => _connection.BeginTransaction();

    internal SqliteConnection Connection => _connection;

    internal SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    internal static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseTime(object? value) =>
        value is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal) : null;

    internal static byte[] Pack(PageResult result) => Pack(JsonSerializer.SerializeToUtf8Bytes(result.Compact(), ResultSpool.Json));

    /// <summary>A result's JSON as stored: gzipped (the same bytes <see cref="Pack(PageResult)"/> stores).</summary>
    internal static byte[] Pack(byte[] json)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return memory.ToArray();
    }

    /// <summary>A run's discovery account as stored: what each site's search did, and the unlicensed republications.</summary>
    internal sealed record DiscoveryAccount(IReadOnlyList<SiteDiscovery> Sites, IReadOnlyList<UnlicensedPage> Unlicensed);

    private static byte[] PackAccount(DiscoveryAccount account)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, account, ResultSpool.Json);
        }

        return memory.ToArray();
    }

    internal static DiscoveryAccount UnpackAccount(byte[] packed)
    {
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<DiscoveryAccount>(gzip, ResultSpool.Json) ?? new DiscoveryAccount([], []);
    }

    internal static PageResult Unpack(byte[] packed)
    {
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<PageResult>(gzip, ResultSpool.Json) ?? throw new HistoryException("an empty result in the history");
    }

    /// <summary>Checks the file the way `PRAGMA integrity_check` does; "ok" when sound.</summary>
    public string IntegrityCheck()
    {
        using var command = Command("PRAGMA integrity_check");
        return (string)command.ExecuteScalar()!;
    }
}
