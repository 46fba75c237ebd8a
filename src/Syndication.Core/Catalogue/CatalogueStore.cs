using System.Globalization;
using Microsoft.Data.Sqlite;
using Syndication.Matching;
using Syndication.Files;
using Syndication.Originals;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Catalogue;

/// <summary>
/// The catalogue of originals: every original the tool has read for a licensor, kept between runs in one SQLite
/// file (WAL; several licensors may share it, each row names its licensor's profile id). It only grows: an original
/// read again is updated when the licensor has edited it (the earlier revision is kept in <c>edits</c>), and never
/// removed. Each row keeps its fingerprints (<see cref="Fingerprints"/>), so the matching index of 50,000 originals
/// loads in a second without reading their text; the text is read when a page nearly matches an original.
/// Thread-safe: matching reads it from several threads.
/// </summary>
public sealed partial class CatalogueStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    private CatalogueStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (or creates) a catalogue file. Throws <see cref="CatalogueException"/> when it cannot be one.</summary>
    public static CatalogueStore Open(string path, bool create = true)
    {
        if (!create && !File.Exists(path))
        {
            throw new CatalogueException($"no catalogue at {path} (run 'syndication originals sync' or an audit to fill one)");
        }

        if (Directory.Exists(path))
        {
            throw new CatalogueException($"catalogue {path} is a folder, not a file");
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        SqliteConnection? connection = null;
        try
        {
            connection = SqliteSchema.Open(path);
            CatalogueMigrations.Apply(connection, path);
            var store = new CatalogueStore(connection, path);
            store.EnsureFingerprints();
            return store;
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw new CatalogueException($"cannot use {path} as a catalogue of originals: {SqliteProblems.Describe(e)}", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>How many originals the catalogue holds for a licensor.</summary>
    public int Count(string licensor)
    {
        lock (_lock)
        {
            using var command = Command("SELECT count(*) FROM originals WHERE licensor = @licensor");
            command.Parameters.AddWithValue("@licensor", licensor);
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Adds originals read from a source, or records that they were seen again. An original already kept is replaced
    /// (its earlier revision kept as an edit) when its text, title or reporters differ and the new copy is the
    /// licensor's edit: it says it was modified later, or it comes from the same source as the kept one. Another
    /// source's different rendering of the same article (a page read against a feed's full text) is not an edit.
    /// </summary>
    public UpsertResult Upsert(IEnumerable<Original> originals, string licensor, DateTimeOffset readAt)
    {
        var result = new UpsertResult();
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var original in originals)
            {
                if (!string.IsNullOrWhiteSpace(original.Title))
                {
                    Upsert(original, licensor, readAt, result, transaction);
                }
            }

            transaction.Commit();
        }

        return result;
    }

    /// <summary>The two reads that load the matching index: both answered from the covering index of fingerprints (schema 2), not the rows.</summary>
    internal const string IndexTotals = "SELECT count(*), total(fingerprint_count) FROM originals WHERE licensor = @licensor";

    internal const string IndexRows = "SELECT id, fingerprint_count, fingerprints FROM originals WHERE licensor = @licensor ORDER BY id";

    /// <summary>The matching index over every original of the licensor, its text read on demand.</summary>
    public OriginalCatalogue Index(LicenceProfile profile)
    {
        lock (_lock)
        {
            long count, postings;
            using (var totals = Command(IndexTotals))
            {
                totals.Parameters.AddWithValue("@licensor", profile.Id);
                using var reader = totals.ExecuteReader();
                reader.Read();
                count = reader.GetInt64(0);
                postings = (long)reader.GetDouble(1);
            }

            if (count > FingerprintIndex.MaxOriginals)
            {
                throw new CatalogueException($"{Path} holds {count:N0} originals for {profile.Id}; matching handles at most {FingerprintIndex.MaxOriginals:N0}");
            }

            var builder = new FingerprintIndex.Builder((int)Math.Min(postings, int.MaxValue));
            var rowIds = new long[count];
            var counts = new int[count];
            var buffer = new ulong[256];
            using var command = Command(IndexRows);
            command.Parameters.AddWithValue("@licensor", profile.Id);
            using (var reader = command.ExecuteReader())
            {
                var dense = 0;
                while (reader.Read() && dense < count)
                {
                    var n = reader.GetInt32(1);
                    if (buffer.Length < n)
                    {
                        buffer = new ulong[Math.Max(n, buffer.Length * 2)];
                    }

                    OriginalBody.UnpackFingerprints(reader.GetFieldValue<byte[]>(2), buffer.AsSpan(0, n));
                    builder.Add(dense, buffer.AsSpan(0, n));
                    rowIds[dense] = reader.GetInt64(0);
                    counts[dense] = n;
                    dense++;
                }
            }

            return new OriginalCatalogue(builder.Build(), counts, new StoredOriginals(this, profile, rowIds));
        }
    }

    /// <summary>One original as kept, by its row id.</summary>
    internal Original Read(long rowId)
    {
        lock (_lock)
        {
            using var command = Command("SELECT title, url, reporters, body, published, modified, licensor_id, source, read_at, markup FROM originals WHERE id = @id");
            command.Parameters.AddWithValue("@id", rowId);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new CatalogueException($"{Path}: original {rowId} is gone (was the catalogue replaced while the run used it?)");
            }

            return OriginalBody.WithMarkup(
                new Original
                {
                    Title = reader.GetString(0),
                    Url = reader.IsDBNull(1) ? null : reader.GetString(1),
                    Reporters = OriginalBody.Reporters(reader.GetString(2)),
                    Paragraphs = OriginalBody.Unpack(reader.GetFieldValue<byte[]>(3)),
                    Published = ParseTime(reader, 4),
                    Modified = ParseTime(reader, 5),
                    LicensorId = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Source = reader.GetString(7),
                    ReadAt = ParseTime(reader, 8),
                },
                reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9));
        }
    }

    /// <summary>Every original's title, publication date and first reading, in index order (by row id).</summary>
    internal List<OriginalHeadline> Headlines(string licensor)
    {
        lock (_lock)
        {
            using var command = Command("SELECT title, published, first_read_at FROM originals WHERE licensor = @licensor ORDER BY id");
            command.Parameters.AddWithValue("@licensor", licensor);
            var headlines = new List<OriginalHeadline>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                headlines.Add(new OriginalHeadline(reader.GetString(0), ParseTime(reader, 1), ParseTime(reader, 2)));
            }

            return headlines;
        }
    }

    /// <summary>The row of the original with this URL or title (the first kept, when titles repeat), or null.</summary>
    internal long? FindRowId(string licensor, string urlOrTitle)
    {
        var text = urlOrTitle.Trim();
        lock (_lock)
        {
            // By URL first, then by title, then by the licensor's id: each an indexed look-up.
            using var command = Command(
                """
                SELECT id FROM (
                    SELECT id, 0 AS rank FROM originals WHERE licensor = @licensor AND key = @key
                    UNION ALL SELECT id, 1 FROM originals WHERE licensor = @licensor AND title_key = @title
                    UNION ALL SELECT id, 2 FROM originals WHERE licensor = @licensor AND licensor_id = @id)
                ORDER BY rank, id LIMIT 1
                """);
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@key", OriginalKey.Of(text, text));
            command.Parameters.AddWithValue("@title", OriginalKey.TitleKey(text));
            command.Parameters.AddWithValue("@id", (object?)OriginalKey.LicensorId(text) ?? DBNull.Value);
            return command.ExecuteScalar() is long id ? id : null;
        }
    }

    /// <summary>A value the next sync resumes from (a watermark), or null.</summary>
    public string? State(string licensor, string name)
    {
        lock (_lock)
        {
            using var command = Command("SELECT value FROM sync_state WHERE licensor = @licensor AND name = @name");
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@name", name);
            return command.ExecuteScalar() as string;
        }
    }

    public void SetState(string licensor, string name, string value)
    {
        lock (_lock)
        {
            using var command = Command("INSERT INTO sync_state (licensor, name, value) VALUES (@licensor, @name, @value) ON CONFLICT (licensor, name) DO UPDATE SET value = excluded.value");
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@name", name);
            command.Parameters.AddWithValue("@value", value);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>What the kept copy of an original is, by key or licensor id, for a sync to decide whether a page needs fetching.</summary>
    public (DateTimeOffset? Modified, DateTimeOffset SeenAt)? Known(string licensor, string? url, string? licensorId)
    {
        lock (_lock)
        {
            using var command = Command(
                "SELECT modified, seen_at FROM originals WHERE licensor = @licensor AND key = @key UNION ALL SELECT modified, seen_at FROM originals WHERE licensor = @licensor AND licensor_id = @id LIMIT 1");
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@key", url is null ? DBNull.Value : OriginalKey.Of(url, string.Empty));
            command.Parameters.AddWithValue("@id", (object?)OriginalKey.LicensorId(licensorId) ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            return reader.Read() ? (ParseTime(reader, 0), ParseTime(reader, 1)!.Value) : null;
        }
    }

    internal static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseTime(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private void Upsert(Original original, string licensor, DateTimeOffset readAt, UpsertResult result, SqliteTransaction transaction)
    {
        var key = OriginalKey.Of(original.Url, original.Title);
        var licensorId = OriginalKey.LicensorId(original.LicensorId);
        var kept = Find(licensor, key, licensorId, transaction);
        var name = original.Url ?? original.Title;
        if (kept is null)
        {
            Insert(original, licensor, key, licensorId, OriginalBody.Hash(original.Title, original.Reporters, original.Paragraphs), readAt, transaction);
            result.Added++;
            result.Changed.Add(name);
            return;
        }

        // A source that knows fewer of the reporters (the REST API names one author, the feed each co-author) does not
        // drop the others; one that names more completes the kept copy.
        var keptReporters = OriginalBody.Reporters(kept.Reporters);
        if (IsProperSubset(original.Reporters, keptReporters))
        {
            original = original with { Reporters = keptReporters };
        }

        var hash = OriginalBody.Hash(original.Title, original.Reporters, original.Paragraphs);
        var moved = kept.Key != key && !KeyTaken(licensor, key, kept.Id, transaction);
        var newer = original.Modified is { } modified && (kept.Modified is null || modified > kept.Modified);
        var older = original.Modified is { } stale && kept.Modified is { } keptModified && stale < keptModified;
        var edited = (kept.Hash != hash || moved) && !older && (newer || kept.Source == original.Source);
        if (!edited && !older && IsProperSubset(keptReporters, original.Reporters))
        {
            // Only the reporters are taken: another source's rendering of the text is no edit.
            var (title, paragraphs) = Content(kept.Id, transaction);
            original = original with { Title = title, Paragraphs = paragraphs, Url = kept.Url, Published = null, Modified = null };
            (key, moved, edited) = (kept.Key, false, true);
            hash = OriginalBody.Hash(original.Title, original.Reporters, original.Paragraphs);
        }

        if (!edited)
        {
            using var seen = Command(
                """
                UPDATE originals SET seen_at = @read, seen_source = @source,
                    read_at = CASE WHEN content_hash = @hash THEN @read ELSE read_at END, source = CASE WHEN content_hash = @hash THEN @source ELSE source END,
                    published = COALESCE(published, @published), licensor_id = COALESCE(licensor_id, @licensorId), markup = COALESCE(@markup, markup),
                    modified = CASE WHEN @modified IS NOT NULL AND (modified IS NULL OR @modified > modified) THEN @modified ELSE modified END
                WHERE id = @id
                """,
                transaction);
            seen.Parameters.AddWithValue("@read", Time(readAt));
            seen.Parameters.AddWithValue("@source", original.Source);
            seen.Parameters.AddWithValue("@published", Nullable(original.Published));
            seen.Parameters.AddWithValue("@licensorId", (object?)licensorId ?? DBNull.Value);
            seen.Parameters.AddWithValue("@modified", Nullable(original.Modified));
            seen.Parameters.AddWithValue("@hash", hash);
            seen.Parameters.AddWithValue("@markup", (object?)OriginalBody.PackMarkup(original) ?? DBNull.Value);
            seen.Parameters.AddWithValue("@id", kept.Id);
            seen.ExecuteNonQuery();
            result.Unchanged++;
            return;
        }

        var changes = Changes(kept, original, moved);
        using (var edit = Command(
            """
            INSERT INTO edits (original_id, revision, seen_at, modified, source, changes, previous_title, previous_url, previous_reporters, previous_body)
            SELECT id, revision + 1, @seen, @modified, @source, @changes, title, url, reporters, body FROM originals WHERE id = @id
            """,
            transaction))
        {
            edit.Parameters.AddWithValue("@seen", Time(readAt));
            edit.Parameters.AddWithValue("@modified", Nullable(original.Modified));
            edit.Parameters.AddWithValue("@source", original.Source);
            edit.Parameters.AddWithValue("@changes", changes);
            edit.Parameters.AddWithValue("@id", kept.Id);
            edit.ExecuteNonQuery();
        }

        using var update = Command(
            """
            UPDATE originals SET key = @key, url = @url, title = @title, title_key = @titleKey, reporters = @reporters, body = @body, markup = COALESCE(@markup, markup),
                paragraphs = @paragraphs, words = @words, published = COALESCE(@published, published), modified = COALESCE(@modified, modified),
                licensor_id = COALESCE(@licensorId, licensor_id), content_hash = @hash, fingerprints = @fingerprints,
                fingerprint_count = @fingerprintCount, read_at = @read, source = @source, seen_at = @read, seen_source = @source, changed_at = @read, revision = revision + 1
            WHERE id = @id
            """,
            transaction);
        Bind(update, original, moved ? key : kept.Key, licensorId, hash, readAt);
        update.Parameters.AddWithValue("@id", kept.Id);
        update.ExecuteNonQuery();
        result.Updated++;
        result.Edits.Add((original.Title, changes));
        result.Changed.Add(name);
    }

    private void Insert(Original original, string licensor, string key, string? licensorId, string hash, DateTimeOffset readAt, SqliteTransaction transaction)
    {
        using var insert = Command(
            """
            INSERT INTO originals (licensor, key, licensor_id, url, title, title_key, reporters, body, markup, paragraphs, words, published, modified,
                content_hash, fingerprints, fingerprint_count, first_read_at, first_source, read_at, source, seen_at, seen_source, changed_at)
            VALUES (@licensor, @key, @licensorId, @url, @title, @titleKey, @reporters, @body, @markup, @paragraphs, @words, @published, @modified,
                @hash, @fingerprints, @fingerprintCount, @read, @source, @read, @source, @read, @source, @read)
            """,
            transaction);
        insert.Parameters.AddWithValue("@licensor", licensor);
        Bind(insert, original, key, licensorId, hash, readAt);
        insert.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, Original original, string key, string? licensorId, string hash, DateTimeOffset readAt)
    {
        var fingerprints = Fingerprints.Of(original.Paragraphs);
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@licensorId", (object?)licensorId ?? DBNull.Value);
        command.Parameters.AddWithValue("@url", (object?)original.Url ?? DBNull.Value);
        command.Parameters.AddWithValue("@title", original.Title);
        command.Parameters.AddWithValue("@titleKey", OriginalKey.TitleKey(original.Title));
        command.Parameters.AddWithValue("@reporters", OriginalBody.Reporters(original.Reporters));
        command.Parameters.AddWithValue("@body", OriginalBody.Pack(original.Paragraphs));
        command.Parameters.AddWithValue("@markup", (object?)OriginalBody.PackMarkup(original) ?? DBNull.Value);
        command.Parameters.AddWithValue("@paragraphs", original.Paragraphs.Count);
        command.Parameters.AddWithValue("@words", original.Paragraphs.Sum(p => Tokenizer.Words(p).Length));
        command.Parameters.AddWithValue("@published", Nullable(original.Published));
        command.Parameters.AddWithValue("@modified", Nullable(original.Modified));
        command.Parameters.AddWithValue("@hash", hash);
        command.Parameters.AddWithValue("@fingerprints", OriginalBody.PackFingerprints(fingerprints));
        command.Parameters.AddWithValue("@fingerprintCount", fingerprints.Length);
        command.Parameters.AddWithValue("@read", Time(readAt));
        command.Parameters.AddWithValue("@source", original.Source);
    }

    private static string Changes(KeptOriginal kept, Original original, bool moved)
    {
        var changes = new List<string>();
        if (moved)
        {
            changes.Add("url");
        }

        if (kept.Title != original.Title)
        {
            changes.Add("title");
        }

        if (kept.Reporters != OriginalBody.Reporters(original.Reporters))
        {
            changes.Add("reporters");
        }

        if (kept.Hash != OriginalBody.Hash(kept.Title, OriginalBody.Reporters(kept.Reporters), original.Paragraphs))
        {
            changes.Add("text");
        }

        return string.Join(", ", changes);
    }

    private sealed record KeptOriginal(long Id, string Key, string? Url, string Title, string Reporters, string Hash, DateTimeOffset? Modified, string Source);

    /// <summary>True when every name of <paramref name="fewer"/> is in <paramref name="more"/>, which has more (case-insensitive).</summary>
    private static bool IsProperSubset(IReadOnlyList<string> fewer, IReadOnlyList<string> more) =>
        fewer.Count < more.Count && fewer.All(name => more.Contains(name, StringComparer.OrdinalIgnoreCase));

    private (string Title, List<string> Paragraphs) Content(long id, SqliteTransaction transaction)
    {
        using var command = Command("SELECT title, body FROM originals WHERE id = @id", transaction);
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), OriginalBody.Unpack(reader.GetFieldValue<byte[]>(1)));
    }

    private KeptOriginal? Find(string licensor, string key, string? licensorId, SqliteTransaction transaction)
    {
        // The licensor's id first: a post whose slug was edited keeps its id. (Two indexed look-ups: an OR of the two
        // columns would scan the table for every original added.)
        return (licensorId is null ? null : FindBy("licensor_id", licensorId)) ?? FindBy("key", key);

        KeptOriginal? FindBy(string column, string value)
        {
            using var command = Command($"SELECT id, key, url, title, reporters, content_hash, modified, source FROM originals WHERE licensor = @licensor AND {column} = @value ORDER BY id LIMIT 1", transaction);
            command.Parameters.AddWithValue("@licensor", licensor);
            command.Parameters.AddWithValue("@value", value);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new KeptOriginal(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), ParseTime(reader, 6), reader.GetString(7))
                : null;
        }
    }

    private bool KeyTaken(string licensor, string key, long except, SqliteTransaction transaction)
    {
        using var command = Command("SELECT 1 FROM originals WHERE licensor = @licensor AND key = @key AND id <> @id", transaction);
        command.Parameters.AddWithValue("@licensor", licensor);
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@id", except);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Fingerprints made by an earlier scheme are remade from the kept text, once, when the catalogue is opened.</summary>
    private void EnsureFingerprints()
    {
        using var get = Command("SELECT value FROM meta WHERE name = 'fingerprints'");
        if (get.ExecuteScalar() as string == Fingerprints.Version)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        var rows = new List<(long Id, byte[] Body)>();
        using (var read = Command("SELECT id, body FROM originals", transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
            }
        }

        foreach (var (id, body) in rows)
        {
            var fingerprints = Fingerprints.Of(OriginalBody.Unpack(body));
            using var update = Command("UPDATE originals SET fingerprints = @fingerprints, fingerprint_count = @count WHERE id = @id", transaction);
            update.Parameters.AddWithValue("@fingerprints", OriginalBody.PackFingerprints(fingerprints));
            update.Parameters.AddWithValue("@count", fingerprints.Length);
            update.Parameters.AddWithValue("@id", id);
            update.ExecuteNonQuery();
        }

        using var set = Command("INSERT INTO meta (name, value) VALUES ('fingerprints', @version) ON CONFLICT (name) DO UPDATE SET value = excluded.value", transaction);
        set.Parameters.AddWithValue("@version", Fingerprints.Version);
        set.ExecuteNonQuery();
        transaction.Commit();
    }

    private static object Nullable(DateTimeOffset? value) => value is { } v ? Time(v) : DBNull.Value;

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
