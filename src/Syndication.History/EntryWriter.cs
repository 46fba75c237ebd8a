using Microsoft.Data.Sqlite;
using Syndication.Pipeline;

namespace Syndication.History;

/// <summary>
/// Writes a page's result for a run as entries (<see cref="PageEntry"/>): when the page is as it was in the run before
/// (the same judged result, the same change, since and streaks, wherever it stands in the list: the run's order is
/// kept apart, <see cref="RunOrders"/>), its entry's last run moves on and nothing else is written; otherwise a new
/// entry, and the full result only when the judgement itself changed. Used by the recorder (each night) and by the
/// migration of an older history.
/// </summary>
internal sealed class EntryWriter : IDisposable
{
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insertPage;
    private readonly SqliteCommand _extend;
    private readonly SqliteCommand _insertResult;
    private readonly SqliteCommand _insertEntry;
    private readonly SqliteCommand _point;
    private readonly SqliteCommand _drop;
    private readonly SqliteCommand _redigest;
    private readonly SqliteCommand _latest;

    public EntryWriter(SqliteConnection connection)
    {
        _find = Prepare(connection, $"""
            SELECT p.id, p.state_run, e.id, e.first_run, e.last_run, e.result_id, r.digest, {Columns("e")}, {Columns("s")}, s.first_run
            FROM pages p LEFT JOIN entries e ON e.id = p.entry_id LEFT JOIN results r ON r.id = e.result_id
            LEFT JOIN entries s ON s.id = p.state_entry_id
            WHERE p.page_key = @key
            """, "@key");
        _insertPage = Prepare(connection, "INSERT INTO pages (page_key, url, partner) VALUES (@key, @url, @partner) RETURNING id", "@key", "@url", "@partner");
        _extend = Prepare(connection, "UPDATE entries SET last_run = @run WHERE id = @id", "@run", "@id");
        _insertResult = Prepare(connection, "INSERT INTO results (page_id, digest, result, first_run) VALUES (@page, @digest, @result, @run) RETURNING id", "@page", "@digest", "@result", "@run");
        _insertEntry = Prepare(connection, """
            INSERT INTO entries (page_id, result_id, first_run, last_run, verdict, error_kind, change, since, streak, confirmed, position, requirements, failing, content_hash, bytes)
            VALUES (@page, @result, @run, @run, @verdict, @error, @change, @since, @streak, @confirmed, @position, @requirements, @failing, @hash, @bytes) RETURNING id
            """, "@page", "@result", "@run", "@verdict", "@error", "@change", "@since", "@streak", "@confirmed", "@position", "@requirements", "@failing", "@hash", "@bytes");
        _point = Prepare(connection, "UPDATE pages SET entry_id = @entry WHERE id = @page", "@entry", "@page");
        _drop = Prepare(connection, "DELETE FROM entries WHERE id = @id", "@id");
        _redigest = Prepare(connection, "UPDATE results SET digest = @digest WHERE id = @id", "@digest", "@id");
        _latest = Prepare(connection, "UPDATE pages SET entry_id = (SELECT id FROM entries WHERE page_id = @page ORDER BY first_run DESC LIMIT 1) WHERE id = @page", "@page");
    }

    /// <summary>What the history holds for a page: its latest entry and the entry of the last complete run that checked it.</summary>
    public sealed record Current(long PageId, long? EntryId, long First, long Last, long ResultId, byte[]? Digest, PageEntry? Entry, PageEntry? State, long StateRun, long StateFirst);

    public SqliteTransaction? Transaction
    {
        set => _commands.ForEach(command => command.Transaction = value);
    }

    public Current? Find(string key)
    {
        _find.Parameters["@key"].Value = key;
        using var reader = _find.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        const int entryAt = 7;
        const int stateAt = entryAt + EntryColumnCount;
        var hasEntry = !reader.IsDBNull(2);
        var hasState = !reader.IsDBNull(stateAt);
        return new Current(
            reader.GetInt64(0),
            hasEntry ? reader.GetInt64(2) : null,
            hasEntry ? reader.GetInt64(3) : 0,
            hasEntry ? reader.GetInt64(4) : 0,
            hasEntry ? reader.GetInt64(5) : 0,
            hasEntry ? (byte[])reader[6] : null,
            hasEntry ? Read(reader, entryAt) : null,
            hasState ? Read(reader, stateAt) : null,
            reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
            hasState ? reader.GetInt64(stateAt + EntryColumnCount) : 0);
    }

    /// <summary>Records the page's result (change, since and streaks already decided) as run <paramref name="run"/> saw it.</summary>
    /// <param name="previousRun">The run before this one in the file (0: none): an entry goes on only from it.</param>
    /// <returns>The page's id.</returns>
    public long Write(Current? current, long run, long previousRun, int position, string key, PageResult result)
    {
        // Serialised once (the spool writes the same bytes); the judged result and its digests are cut from them.
        var json = ResultJson.Bytes(result);
        var digest = JudgedJson.Digest(json, keepBytes: false);
        var pageId = current?.PageId ?? InsertPage(key, result);
        if (current is { EntryId: { } recorded } && current.Last == run)
        {
            // Recorded again in the same run (a page given twice): the run's earlier word is replaced.
            if (current.First == run)
            {
                Run(_drop, ("@id", recorded));
                Run(_latest, ("@page", pageId));
                return Write(Find(key), run, previousRun, position, key, result);
            }

            Run(_extend, ("@run", previousRun), ("@id", recorded));
            current = current with { Last = previousRun };
        }

        if (current is { Digest: { } stored } && !stored.AsSpan().SequenceEqual(digest) && stored.AsSpan().SequenceEqual(JudgedJson.Digest(json, keepBytes: true)))
        {
            // A result stored before schema 6, whose digest still counted the bytes: the same judgement, kept.
            Run(_redigest, ("@digest", digest), ("@id", current.ResultId));
            current = current with { Digest = digest };
        }

        long resultId;
        if (current is { EntryId: { } id, Digest: { } known } && known.AsSpan().SequenceEqual(digest))
        {
            // Where the page stands is not the entry's: compared at the entry's own position.
            if (current.Last == previousRun && previousRun > 0 && PageEntry.Of(result, current.Entry!.Position, run - current.First) == current.Entry)
            {
                Run(_extend, ("@run", run), ("@id", id));
                return pageId;
            }

            resultId = current.ResultId;
        }
        else
        {
            resultId = Scalar(_insertResult, ("@page", pageId), ("@digest", digest), ("@result", HistoryStore.Pack(JudgedJson.Judged(json))), ("@run", run));
        }

        var entry = PageEntry.Of(result, position, 0);
        var entryId = Scalar(
            _insertEntry,
            ("@page", pageId), ("@result", resultId), ("@run", run), ("@verdict", entry.Verdict), ("@error", entry.ErrorKind), ("@change", entry.Change),
            ("@since", entry.Since), ("@streak", entry.Streak), ("@confirmed", entry.Confirmed is { } c ? (c ? 1 : 0) : null), ("@position", position),
            ("@requirements", entry.Requirements), ("@failing", entry.Failing), ("@hash", entry.ContentHash), ("@bytes", entry.Bytes));
        Run(_point, ("@entry", entryId), ("@page", pageId));
        return pageId;
    }

    /// <summary>An entry's columns from <paramref name="at"/> on: verdict, error kind, change, since, streak, confirmed, position, requirements, failing, content hash, bytes.</summary>
    internal static PageEntry Read(SqliteDataReader reader, int at) => new(
        reader.GetString(at),
        reader.IsDBNull(at + 1) ? null : reader.GetString(at + 1),
        reader.IsDBNull(at + 2) ? null : reader.GetString(at + 2),
        reader.IsDBNull(at + 3) ? null : reader.GetString(at + 3),
        reader.GetInt32(at + 4),
        reader.IsDBNull(at + 5) ? null : reader.GetInt64(at + 5) == 1,
        reader.GetInt32(at + 6),
        reader.GetString(at + 7),
        reader.IsDBNull(at + 8) ? null : reader.GetString(at + 8),
        reader.IsDBNull(at + 9) ? null : reader.GetString(at + 9),
        reader.IsDBNull(at + 10) ? null : reader.GetInt64(at + 10));

    /// <summary>The columns <see cref="Read"/> reads, for an entry named <paramref name="alias"/>.</summary>
    internal static string Columns(string alias) => string.Join(", ", EntryColumns.Select(c => $"{alias}.{c}"));

    private static readonly string[] EntryColumns = ["verdict", "error_kind", "change", "since", "streak", "confirmed", "position", "requirements", "failing", "content_hash", "bytes"];

    private const int EntryColumnCount = 11;

    public void Dispose() => _commands.ForEach(command => command.Dispose());

    private long InsertPage(string key, PageResult result) =>
        Scalar(_insertPage, ("@key", key), ("@url", result.Url), ("@partner", result.Partner));

    private SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        _commands.Add(command);
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        Set(command, values);
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        Set(command, values);
        return (long)command.ExecuteScalar()!;
    }

    private static void Set(SqliteCommand command, (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }
}
