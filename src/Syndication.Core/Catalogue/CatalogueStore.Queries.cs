using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Syndication.Catalogue;

/// <summary>What the <c>originals</c> commands ask the catalogue, and the record of its syncs.</summary>
public sealed partial class CatalogueStore
{
    private const string RowColumns = "id, title, url, reporters, published, modified, paragraphs, words, first_read_at, first_source, read_at, source, changed_at, revision, licensor_id, seen_at, seen_source";

    /// <summary>Originals newest first (publication date, else when first read), filtered as the query says.</summary>
    public List<CatalogueRow> List(string licensor, CatalogueQuery query)
    {
        lock (_lock)
        {
            using var command = Command(
                $"""
                SELECT {RowColumns} FROM originals o
                WHERE licensor = @licensor
                  AND (@reporter IS NULL OR EXISTS (SELECT 1 FROM json_each(o.reporters) r WHERE lower(r.value) = lower(@reporter)))
                  AND (@search IS NULL OR title_key LIKE '%' || @search || '%' ESCAPE '\' OR url LIKE '%' || @search || '%' ESCAPE '\')
                  AND (@since IS NULL OR COALESCE(published, first_read_at) >= @since)
                ORDER BY COALESCE(published, first_read_at) DESC, id DESC
                LIMIT @limit
                """);
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@reporter", (object?)query.Reporter?.Trim() ?? DBNull.Value);
            command.Parameters.AddWithValue("@search", query.Search is { } search ? Like(OriginalKey.TitleKey(search)) : DBNull.Value);
            command.Parameters.AddWithValue("@since", query.Since is { } since ? Time(since) : DBNull.Value);
            command.Parameters.AddWithValue("@limit", query.Limit <= 0 ? -1 : query.Limit);
            return ReadRows(command);
        }
    }

    /// <summary>One original by its row id, URL or title, with its text and its earlier revisions; null when none is.</summary>
    public (CatalogueRow Row, IReadOnlyList<string> Paragraphs, IReadOnlyList<CatalogueEdit> Edits)? Show(string licensor, string idUrlOrTitle)
    {
        var rowId = long.TryParse(idUrlOrTitle.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : FindRowId(licensor, idUrlOrTitle);
        if (rowId is null)
        {
            return null;
        }

        lock (_lock)
        {
            using var command = Command($"SELECT {RowColumns} FROM originals WHERE licensor = @licensor AND id = @id");
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@id", rowId);
            var rows = ReadRows(command);
            if (rows.Count == 0)
            {
                return null;
            }

            using var body = Command("SELECT body FROM originals WHERE id = @id");
            body.Parameters.AddWithValue("@id", rowId);
            var paragraphs = OriginalBody.Unpack((byte[])body.ExecuteScalar()!);

            using var edits = Command("SELECT revision, seen_at, modified, source, changes, previous_title FROM edits WHERE original_id = @id ORDER BY revision");
            edits.Parameters.AddWithValue("@id", rowId);
            var list = new List<CatalogueEdit>();
            using var reader = edits.ExecuteReader();
            while (reader.Read())
            {
                list.Add(new CatalogueEdit(reader.GetInt32(0), ParseTime(reader, 1)!.Value, ParseTime(reader, 2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return (rows[0], paragraphs, list);
        }
    }

    public CatalogueStats Stats(string licensor, int topReporters = 20)
    {
        lock (_lock)
        {
            int count, undated, withoutReporters, edited;
            DateTimeOffset? earliest, latest;
            using (var totals = Command(
                """
                SELECT count(*), min(published), max(published), sum(published IS NULL), sum(reporters = '[]'), sum(revision > 1)
                FROM originals WHERE licensor = @licensor
                """))
            {
                totals.Parameters.AddWithValue("@licensor", licensor);
                using var reader = totals.ExecuteReader();
                reader.Read();
                count = reader.GetInt32(0);
                earliest = ParseTime(reader, 1);
                latest = ParseTime(reader, 2);
                undated = reader.IsDBNull(3) ? 0 : reader.GetInt32(3);
                withoutReporters = reader.IsDBNull(4) ? 0 : reader.GetInt32(4);
                edited = reader.IsDBNull(5) ? 0 : reader.GetInt32(5);
            }

            using var reporters = Command(
                """
                SELECT r.value, count(*) AS n FROM originals o, json_each(o.reporters) r
                WHERE o.licensor = @licensor GROUP BY lower(r.value) ORDER BY n DESC, r.value LIMIT @top
                """);
            reporters.Parameters.AddWithValue("@licensor", licensor);
            reporters.Parameters.AddWithValue("@top", topReporters);
            var byReporter = Pairs(reporters);

            using var sources = Command("SELECT first_source, count(*) AS n FROM originals WHERE licensor = @licensor GROUP BY first_source ORDER BY n DESC, first_source LIMIT 20");
            sources.Parameters.AddWithValue("@licensor", licensor);
            var bySource = Pairs(sources);

            return new CatalogueStats(licensor, count, earliest, latest, undated, withoutReporters, edited, byReporter, bySource, LastSync(licensor));
        }
    }

    /// <summary>The licensors the catalogue holds originals of, with their counts.</summary>
    public List<(string Licensor, int Count)> Licensors()
    {
        lock (_lock)
        {
            using var command = Command("SELECT licensor, count(*) FROM originals GROUP BY licensor ORDER BY licensor");
            return Pairs(command);
        }
    }

    public long BeginSync(string licensor, DateTimeOffset startedAt)
    {
        lock (_lock)
        {
            using var command = Command("INSERT INTO syncs (licensor, started_at, status) VALUES (@licensor, @at, 'running') RETURNING id");
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@at", Time(startedAt));
            return (long)command.ExecuteScalar()!;
        }
    }

    public void FinishSync(long id, string status, DateTimeOffset finishedAt, UpsertResult result, int requests, IReadOnlyList<string> problems, string summary)
    {
        lock (_lock)
        {
            using var command = Command(
                """
                UPDATE syncs SET finished_at = @at, status = @status, added = @added, updated = @updated, unchanged = @unchanged,
                    requests = @requests, problems = @problems, summary = @summary WHERE id = @id
                """);
            command.Parameters.AddWithValue("@at", Time(finishedAt));
            command.Parameters.AddWithValue("@status", status);
            command.Parameters.AddWithValue("@added", result.Added);
            command.Parameters.AddWithValue("@updated", result.Updated);
            command.Parameters.AddWithValue("@unchanged", result.Unchanged);
            command.Parameters.AddWithValue("@requests", requests);
            command.Parameters.AddWithValue("@problems", JsonSerializer.Serialize(problems));
            command.Parameters.AddWithValue("@summary", summary);
            command.Parameters.AddWithValue("@id", id);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The last sync that finished (complete or not), or null.</summary>
    public SyncRecord? LastSync(string licensor)
    {
        lock (_lock)
        {
            using var command = Command(
                "SELECT id, started_at, finished_at, status, added, updated, unchanged, requests, problems, summary FROM syncs WHERE licensor = @licensor ORDER BY id DESC LIMIT 1");
            command.Parameters.AddWithValue("@licensor", licensor);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new SyncRecord(
                    reader.GetInt64(0), ParseTime(reader, 1)!.Value, ParseTime(reader, 2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6),
                    reader.GetInt32(7), JsonSerializer.Deserialize<List<string>>(reader.GetString(8)) ?? [], reader.IsDBNull(9) ? null : reader.GetString(9))
                : null;
        }
    }

    private static List<CatalogueRow> ReadRows(SqliteCommand command)
    {
        var rows = new List<CatalogueRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new CatalogueRow(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), OriginalBody.Reporters(reader.GetString(3)),
                ParseTime(reader, 4), ParseTime(reader, 5), reader.GetInt32(6), reader.GetInt32(7), ParseTime(reader, 8)!.Value, reader.GetString(9),
                ParseTime(reader, 10)!.Value, reader.GetString(11), ParseTime(reader, 12)!.Value, reader.GetInt32(13), reader.IsDBNull(14) ? null : reader.GetString(14),
                ParseTime(reader, 15)!.Value, reader.GetString(16)));
        }

        return rows;
    }

    private static List<(string, int)> Pairs(SqliteCommand command)
    {
        var pairs = new List<(string, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            pairs.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return pairs;
    }

    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
