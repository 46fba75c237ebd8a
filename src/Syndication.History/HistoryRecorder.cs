using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>
/// The result stage that gives each page its change and since (against the state of the last complete run) and
/// records it: the page, its requirements, its full result, and for a non-compliant page the fetched bytes as
/// evidence. Writes are committed in small batches (100 pages or one second, whichever comes first), so a killed run
/// loses at most the last batch and never the file, and readers (runs, history) see a long run's pages as it goes.
/// </summary>
public sealed class HistoryRecorder : IResultStage, IDisposable
{
    private const int BatchSize = 100;
    private static readonly TimeSpan BatchTime = TimeSpan.FromSeconds(1);
    private readonly HistoryStore _store;
    private readonly long _runId;
    private readonly DateTimeOffset _runTime;
    private readonly int _confirmAfter;
    private readonly bool _trackChanges;
    private readonly TimeProvider _time;
    private SqliteTransaction? _batch;
    private int _inBatch;
    private long _batchStarted;

    /// <param name="trackChanges">False for a shard: it records raw results; the merge tracks changes against the main history.</param>
    /// <param name="time">The clock that bounds a batch's age (default the system's).</param>
    public HistoryRecorder(HistoryStore store, long runId, DateTimeOffset runTime, int confirmAfter, bool trackChanges = true, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _store = store;
        _runId = runId;
        _runTime = runTime;
        _confirmAfter = Math.Max(1, confirmAfter);
        _trackChanges = trackChanges;
    }

    public static string KeyOf(PageResult page) => (page.Partner ?? string.Empty) + "\u001f" + page.Url;

    public PageResult Process(int position, PageResult result)
    {
        if (_batch is null)
        {
            _batch = _store.BeginTransaction();
            _batchStarted = _time.GetTimestamp();
        }

        var key = KeyOf(result);
        var checkable = result.Verdict != PageVerdict.Error;
        if (_trackChanges)
        {
            result = WithChanges(result, key, checkable);
        }

        InsertPage(position, key, result);
        foreach (var requirement in result.Requirements)
        {
            InsertRequirement(position, key, requirement);
        }

        if (result.Verdict == PageVerdict.NonCompliant && result.Body is { } body)
        {
            Archive(position, key, result, body);
        }

        if (++_inBatch >= BatchSize || _time.GetElapsedTime(_batchStarted) >= BatchTime)
        {
            Flush();
        }

        return result;
    }

    /// <summary>Commits what has been recorded so far.</summary>
    public void Flush()
    {
        _batch?.Commit();
        _batch?.Dispose();
        _batch = null;
        _inBatch = 0;
    }

    public void Dispose() => Flush();

    private PageResult WithChanges(PageResult result, string key, bool checkable)
    {
        var page = ChangeRules.Decide(PageState(key), result.Verdict == PageVerdict.NonCompliant, HistoryStore.VerdictName(result.Verdict), checkable, _runTime, _confirmAfter);
        var requirements = result.Requirements.Select(r =>
        {
            var decided = ChangeRules.Decide(RequirementState(key, r.Id), r.Status == Outcome.Fail, VerdictNames.Of(r.Status), checkable, _runTime, _confirmAfter);
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

    private ChangeRules.State? PageState(string key)
    {
        using var command = _store.Command("SELECT verdict, since, streak FROM page_state WHERE page_key = @key", _batch);
        command.Parameters.AddWithValue("@key", key);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ChangeRules.State(reader.GetString(0) == "non-compliant", reader.GetString(0), HistoryStore.ParseTime(reader.GetString(1))!.Value, reader.GetInt32(2))
            : null;
    }

    private ChangeRules.State? RequirementState(string key, string requirement)
    {
        using var command = _store.Command("SELECT status, since, streak FROM requirement_state WHERE page_key = @key AND requirement = @requirement", _batch);
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@requirement", requirement);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ChangeRules.State(reader.GetString(0) == "fail", reader.GetString(0), HistoryStore.ParseTime(reader.GetString(1))!.Value, reader.GetInt32(2))
            : null;
    }

    private void InsertPage(int position, string key, PageResult result)
    {
        using var command = _store.Command("""
            INSERT OR REPLACE INTO run_pages (run_id, position, page_key, url, partner, verdict, change, since, streak, error_kind, fetch_status, final_url, content_hash, elapsed_ms, fetched_at, result)
            VALUES (@run, @position, @key, @url, @partner, @verdict, @change, @since, @streak, @error, @status, @final, @hash, @elapsed, @fetched, @result)
            """, _batch);
        var p = command.Parameters;
        p.AddWithValue("@run", _runId);
        p.AddWithValue("@position", position);
        p.AddWithValue("@key", key);
        p.AddWithValue("@url", result.Url);
        p.AddWithValue("@partner", (object?)result.Partner ?? DBNull.Value);
        p.AddWithValue("@verdict", HistoryStore.VerdictName(result.Verdict));
        p.AddWithValue("@change", (object?)result.Change ?? DBNull.Value);
        p.AddWithValue("@since", result.Since is { } since ? HistoryStore.Time(since) : DBNull.Value);
        p.AddWithValue("@streak", result.Streak ?? 0);
        p.AddWithValue("@error", (object?)result.Error?.Kind ?? DBNull.Value);
        p.AddWithValue("@status", (object?)result.Fetch?.Status ?? DBNull.Value);
        p.AddWithValue("@final", (object?)result.Fetch?.FinalUrl ?? DBNull.Value);
        p.AddWithValue("@hash", (object?)result.Fetch?.ContentHash ?? DBNull.Value);
        p.AddWithValue("@elapsed", (object?)result.Fetch?.ElapsedMs ?? DBNull.Value);
        p.AddWithValue("@fetched", result.Fetch?.FetchedAt is { } at ? HistoryStore.Time(at) : DBNull.Value);
        p.AddWithValue("@result", HistoryStore.Pack(result));
        command.ExecuteNonQuery();
    }

    private void InsertRequirement(int position, string key, RequirementOutcome requirement)
    {
        using var command = _store.Command("""
            INSERT OR REPLACE INTO run_requirements (run_id, position, page_key, requirement, status, change, since, streak, waived)
            VALUES (@run, @position, @key, @requirement, @status, @change, @since, @streak, @waived)
            """, _batch);
        var p = command.Parameters;
        p.AddWithValue("@run", _runId);
        p.AddWithValue("@position", position);
        p.AddWithValue("@key", key);
        p.AddWithValue("@requirement", requirement.Id);
        p.AddWithValue("@status", VerdictNames.Of(requirement.Status));
        p.AddWithValue("@change", (object?)requirement.Change ?? DBNull.Value);
        p.AddWithValue("@since", requirement.Since is { } since ? HistoryStore.Time(since) : DBNull.Value);
        p.AddWithValue("@streak", requirement.Streak ?? 0);
        p.AddWithValue("@waived", requirement.IsWaived ? 1 : 0);
        command.ExecuteNonQuery();
    }

    private void Archive(int position, string key, PageResult result, byte[] body)
    {
        var sha = result.Fetch?.ContentHash ?? Convert.ToHexStringLower(SHA256.HashData(body));
        using (var known = _store.Command("SELECT 1 FROM evidence WHERE sha256 = @sha", _batch))
        {
            // A page unchanged since an earlier night is stored once: it is not compressed again only to be ignored.
            known.Parameters.AddWithValue("@sha", sha);
            if (known.ExecuteScalar() is null)
            {
                StoreBody(sha, body);
            }
        }

        using var link = _store.Command("""
            INSERT OR REPLACE INTO run_evidence (run_id, position, page_key, sha256, fetched_at, final_url, headers)
            VALUES (@run, @position, @key, @sha, @fetched, @final, @headers)
            """, _batch);
        link.Parameters.AddWithValue("@run", _runId);
        link.Parameters.AddWithValue("@position", position);
        link.Parameters.AddWithValue("@key", key);
        link.Parameters.AddWithValue("@sha", sha);
        link.Parameters.AddWithValue("@fetched", HistoryStore.Time(result.Fetch?.FetchedAt ?? _runTime));
        link.Parameters.AddWithValue("@final", (object?)result.Fetch?.FinalUrl ?? DBNull.Value);
        link.Parameters.AddWithValue("@headers", JsonSerializer.Serialize(result.Headers ?? new Dictionary<string, string>()));
        link.ExecuteNonQuery();
    }

    private void StoreBody(string sha, byte[] body)
    {
        using var insert = _store.Command("INSERT OR IGNORE INTO evidence (sha256, body, bytes, stored_at) VALUES (@sha, @body, @bytes, @at)", _batch);
        insert.Parameters.AddWithValue("@sha", sha);
        insert.Parameters.AddWithValue("@body", Compress(body));
        insert.Parameters.AddWithValue("@bytes", body.Length);
        insert.Parameters.AddWithValue("@at", HistoryStore.Time(_runTime));
        insert.ExecuteNonQuery();
    }

    private static byte[] Compress(byte[] body)
    {
        using var memory = new MemoryStream();
        using (var brotli = new BrotliStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(body);
        }

        return memory.ToArray();
    }
}
