using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>
/// The result stage that gives each page its change and since (against the state of the last complete run) and
/// records it as entries (<see cref="EntryWriter"/>: a page unchanged since the run before costs no new row, its full
/// result is stored only when its judgement changed), and for a non-compliant page the fetched bytes as evidence. Writes are committed in small batches (100 pages or one second, whichever comes first), so a killed run
/// loses at most the last batch and never the file, and readers (runs, history) see a long run's pages as it goes.
/// </summary>
public sealed class HistoryRecorder : IResultStage, IDisposable
{
    private const int BatchSize = 100;
    private const int ArchiveQuality = 2;
    private const int ArchiveWindow = 22;
    private static readonly TimeSpan BatchTime = TimeSpan.FromSeconds(1);
    private readonly HistoryStore _store;
    private readonly DateTimeOffset _runTime;
    private readonly int _confirmAfter;
    private readonly bool _trackChanges;
    private readonly TimeProvider _time;

    // Prepared once for the run: each page only changes their parameter values (and their transaction per batch).
    private readonly List<SqliteCommand> _commands = [];
    private readonly EntryWriter _entries;
    private readonly long _runId;
    private readonly long _previousRun;
    private readonly SqliteCommand _knownBody;
    private readonly SqliteCommand _insertBody;
    private readonly SqliteCommand _linkEvidence;
    private readonly SqliteCommand _linkScreenshot;
    private readonly Dictionary<string, ChangeRules.State> _requirementStates = new(StringComparer.Ordinal);

    // Where each recorded page stands in the list: all of the run's (stored as its order when it ends) and the batch's
    // (committed with the batch's entries, so a killed run still has the order of what it recorded).
    private readonly List<(long Page, int Position)> _order = [];
    private readonly List<(long Page, int Position)> _batchOrder = [];
    private SqliteTransaction? _batch;
    private int _inBatch;
    private long _batchStarted;
    private bool _disposed;
    private bool _failed;

    /// <param name="trackChanges">False for a shard: it records raw results; the merge tracks changes against the main history.</param>
    /// <param name="time">The clock that bounds a batch's age (default the system's).</param>
    public HistoryRecorder(HistoryStore store, long runId, DateTimeOffset runTime, int confirmAfter, bool trackChanges = true, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _store = store;
        _runTime = runTime;
        _confirmAfter = Math.Max(1, confirmAfter);
        _trackChanges = trackChanges;

        _runId = runId;
        _entries = new EntryWriter(store.Connection);
        using (var previous = store.Command("SELECT COALESCE(MAX(id), 0) FROM runs WHERE id < @run"))
        {
            previous.Parameters.AddWithValue("@run", runId);
            _previousRun = (long)previous.ExecuteScalar()!;
        }

        _knownBody = Prepare("SELECT 1 FROM evidence WHERE sha256 = @sha", "@sha");
        _insertBody = Prepare("INSERT OR IGNORE INTO evidence (sha256, body, bytes, stored_at) VALUES (@sha, @body, @bytes, @at)", "@sha", "@body", "@bytes", "@at");
        _linkEvidence = Prepare("""
            INSERT INTO page_evidence (page_id, sha256, first_run, last_run, first_fetched, last_fetched, final_url, headers)
            VALUES ((SELECT id FROM pages WHERE page_key = @key), @sha, @run, @run, @fetched, @fetched, @final, @headers)
            ON CONFLICT (page_id, sha256) DO UPDATE SET last_run = excluded.last_run, last_fetched = excluded.last_fetched
            """, "@run", "@key", "@sha", "@fetched", "@final", "@headers");
        _linkScreenshot = Prepare("""
            INSERT OR REPLACE INTO run_screenshots (run_id, position, page_key, name, sha256, width, height, outlined, taken_at)
            VALUES (@run, @position, @key, @name, @sha, @width, @height, @outlined, @taken)
            """, "@run", "@position", "@key", "@name", "@sha", "@width", "@height", "@outlined", "@taken");
        foreach (var command in new[] { _linkEvidence, _linkScreenshot })
        {
            command.Parameters["@run"].Value = runId;
        }

        _insertBody.Parameters["@at"].Value = HistoryStore.Time(_runTime);
    }

    public static string KeyOf(PageResult page) => (page.Partner ?? string.Empty) + "\u001f" + page.Url;

    public PageResult Process(int position, PageResult result) => Process(position, result, archived: null);

    /// <summary>Records a page of a shard's run with the fetch the shard archived for it, copied as it is stored.</summary>
    public PageResult Process(int position, PageResult result, ArchivedFetch? archived)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return Record(position, result, archived);
        }
        catch (Exception e) when (HistoryErrors.IsHistoryFailure(e))
        {
            throw Failed(e);
        }
    }

    /// <summary>Commits what has been recorded so far.</summary>
    public void Flush()
    {
        try
        {
            if (_batch is not null)
            {
                RunOrders.AddPart(_store.Connection, _batch, _runId, _batchOrder);
                _batchOrder.Clear();
            }

            _batch?.Commit();
            _batch?.Dispose();
            _batch = null;
            _inBatch = 0;
        }
        catch (Exception e) when (HistoryErrors.IsHistoryFailure(e))
        {
            throw Failed(e);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_failed)
            {
                Flush();
                StoreOrder();
            }
        }
        finally
        {
            _commands.ForEach(command => command.Dispose());
            _entries.Dispose();
        }
    }

    /// <summary>
    /// A write that failed (a full disk, a damaged page): the batch is given up as SQLite left it (it may already have
    /// rolled it back itself), nothing more is written, and the failure is named with the file.
    /// </summary>
    private HistoryException Failed(Exception e)
    {
        _failed = true;
        try
        {
            _batch?.Dispose();
        }
        catch (Exception ignored) when (ignored is InvalidOperationException || HistoryErrors.IsHistoryFailure(ignored))
        {
            // Already rolled back by SQLite.
        }

        _batch = null;
        return _store.Named(e);
    }

    private PageResult Record(int position, PageResult result, ArchivedFetch? archived)
    {
        ObjectDisposedException.ThrowIf(_failed, this);
        if (_batch is null)
        {
            _batch = _store.BeginTransaction();
            _batchStarted = _time.GetTimestamp();
            foreach (var command in _commands)
            {
                command.Transaction = _batch;
            }

            _entries.Transaction = _batch;
        }

        var key = KeyOf(result);
        var checkable = result.Verdict != PageVerdict.Error;
        var current = _entries.Find(key);
        if (_trackChanges)
        {
            result = WithChanges(result, current, checkable);
        }

        var pageId = _entries.Write(current, _runId, _previousRun, position, key, result);
        _order.Add((pageId, position));
        _batchOrder.Add((pageId, position));

        if (result.Verdict == PageVerdict.NonCompliant && archived is not null)
        {
            StoreBody(archived.Sha256, () => archived.Packed, archived.Bytes);
            LinkEvidence(position, key, result, archived.Sha256, archived.Headers);
        }
        else if (result.Verdict == PageVerdict.NonCompliant && result.Body is { } body)
        {
            var sha = result.Fetch?.ContentHash ?? Convert.ToHexStringLower(SHA256.HashData(body));
            StoreBody(sha, () => Compress(body), body.Length);
            LinkEvidence(position, key, result, sha, JsonSerializer.Serialize(result.Headers ?? new Dictionary<string, string>()));
        }

        foreach (var shot in result.Rendered?.Screenshots ?? [])
        {
            if (shot.Png is { } png)
            {
                StoreBody(shot.Sha256, () => Compress(png), png.Length);
                LinkScreenshot(position, key, result, shot);
            }
        }

        if (++_inBatch >= BatchSize || _time.GetElapsedTime(_batchStarted) >= BatchTime)
        {
            Flush();
        }

        return result;
    }

    /// <summary>The run's order as one stored order (shared with the run before when the list is the same), in place of its batches' parts.</summary>
    private void StoreOrder()
    {
        if (_order.Count == 0)
        {
            return;
        }

        try
        {
            using var transaction = _store.BeginTransaction();
            var connection = _store.Connection;
            RunOrders.Write(connection, transaction, _runId, RunOrder.From(_order), RunOrders.Before(connection, transaction, _runId));
            transaction.Commit();
        }
        catch (Exception e) when (HistoryErrors.IsHistoryFailure(e))
        {
            // The parts are committed: the run's order is still read from them, and the next writer stores it.
            throw Failed(e);
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _store.Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        _commands.Add(command);
        return command;
    }

    private PageResult WithChanges(PageResult result, EntryWriter.Current? current, bool checkable)
    {
        var pageState = ReadStates(current);
        var page = ChangeRules.Decide(pageState, result.Verdict == PageVerdict.NonCompliant, VerdictNames.Of(result.Verdict), checkable, _runTime, _confirmAfter);
        var requirements = result.Requirements.Select(r =>
        {
            var decided = ChangeRules.Decide(_requirementStates.GetValueOrDefault(r.Id), r.Status == Outcome.Fail, VerdictNames.Of(r.Status), checkable, _runTime, _confirmAfter);
            return r with { Change = decided.Change, Since = decided.Since, Streak = r.Status == Outcome.Fail ? decided.Streak : null };
        }).ToList();
        return result with
        {
            Change = page.Change,
            Since = page.Since,
            Confirmed = result.Verdict == PageVerdict.NonCompliant ? page.Confirmed : null,
            Requirements = requirements,
            Streak = result.Verdict == PageVerdict.NonCompliant ? page.Streak : null,
        };
    }

    /// <summary>The page's state after the last complete run (returned) and its requirements' (into <see cref="_requirementStates"/>).</summary>
    private ChangeRules.State? ReadStates(EntryWriter.Current? current)
    {
        _requirementStates.Clear();
        if (current?.State is not { Since: { } since } state)
        {
            return null;
        }

        var shift = current.StateRun - current.StateFirst;
        foreach (var requirement in state.EachRequirement())
        {
            if (requirement.Since is { } began)
            {
                _requirementStates[requirement.Id] = new ChangeRules.State(requirement.Status, HistoryStore.ParseTime(began)!.Value, PageEntry.Forward(requirement.Streak, shift));
            }
        }

        return new ChangeRules.State(state.Verdict, HistoryStore.ParseTime(since)!.Value, PageEntry.Forward(state.Streak, shift));
    }

    /// <summary>Stores the bytes once: a page unchanged since an earlier night is not compressed again only to be ignored.</summary>
    private void StoreBody(string sha, Func<byte[]> packed, long bytes)
    {
        _knownBody.Parameters["@sha"].Value = sha;
        if (_knownBody.ExecuteScalar() is not null)
        {
            return;
        }

        var p = _insertBody.Parameters;
        p["@sha"].Value = sha;
        p["@body"].Value = packed();
        p["@bytes"].Value = bytes;
        _insertBody.ExecuteNonQuery();
    }

    private void LinkEvidence(int position, string key, PageResult result, string sha, string? headers)
    {
        var p = _linkEvidence.Parameters;
        p["@key"].Value = key;
        p["@sha"].Value = sha;
        p["@fetched"].Value = HistoryStore.Time(result.Fetch?.FetchedAt ?? _runTime);
        p["@final"].Value = (object?)result.Fetch?.FinalUrl ?? DBNull.Value;
        p["@headers"].Value = (object?)headers ?? DBNull.Value;
        _linkEvidence.ExecuteNonQuery();
    }

    private void LinkScreenshot(int position, string key, PageResult result, Syndication.Rendering.Screenshot shot)
    {
        var p = _linkScreenshot.Parameters;
        p["@position"].Value = position;
        p["@key"].Value = key;
        p["@name"].Value = shot.Name;
        p["@sha"].Value = shot.Sha256;
        p["@width"].Value = shot.Width;
        p["@height"].Value = shot.Height;
        p["@outlined"].Value = string.Join("\n", shot.Outlined);
        p["@taken"].Value = HistoryStore.Time(result.Fetch?.FetchedAt ?? _runTime);
        _linkScreenshot.ExecuteNonQuery();
    }

    /// <summary>
    /// Brotli at quality 2: on the sample pages it takes half the time of the default quality 4 for 9% more bytes,
    /// and a nightly audit compresses every new non-compliant page while the next pages wait.
    /// </summary>
    internal static byte[] Compress(byte[] body)
    {
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        if (!BrotliEncoder.TryCompress(body, packed, out var written, ArchiveQuality, ArchiveWindow))
        {
            throw new InvalidOperationException("Brotli could not compress the page body");
        }

        return packed.AsSpan(0, written).ToArray();
    }
}
