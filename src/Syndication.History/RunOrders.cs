using Microsoft.Data.Sqlite;

namespace Syndication.History;

/// <summary>
/// Where each run's pages stand in the list (<see cref="RunOrder"/>), stored apart from the entries: an order per run
/// (<c>runs.order_id</c>) shared with the run before when the list is the same, otherwise stored as the edits from the
/// run before's order (at most <see cref="MostEdits"/> in a chain, then whole again, so reading one costs a few
/// decodes). While a run is being recorded, each committed batch adds its pages' positions (<c>order_parts</c>), so a
/// run killed at any moment still has its order; the recorder folds the parts into one order when it ends, or the
/// next writer does (<see cref="SealAbandoned"/>).
/// </summary>
internal static class RunOrders
{
    /// <summary>The most orders stored as edits after a whole one.</summary>
    public const int MostEdits = 31;

    /// <summary>A stored order: its row, how many edits from a whole one, its digest, and the order itself.</summary>
    public sealed record Stored(long Id, int Depth, byte[] Digest, RunOrder Order);

    /// <summary>The order of the latest run before <paramref name="runId"/> that has one, or null.</summary>
    public static Stored? Before(SqliteConnection connection, SqliteTransaction? transaction, long runId)
    {
        using var command = Command(connection, transaction, """
            SELECT o.id, o.depth, o.digest FROM runs r JOIN orders o ON o.id = r.order_id WHERE r.id < @run ORDER BY r.id DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("@run", runId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var id = reader.GetInt64(0);
        return new Stored(id, reader.GetInt32(1), (byte[])reader[2], Load(connection, transaction, id));
    }

    /// <summary>
    /// Stores <paramref name="order"/> as run <paramref name="runId"/>'s: shared with <paramref name="previous"/> when
    /// equal, as edits from it when that is smaller, else whole. Drops the run's parts. Returns what was stored.
    /// </summary>
    public static Stored Write(SqliteConnection connection, SqliteTransaction transaction, long runId, RunOrder order, Stored? previous)
    {
        var digest = order.Digest();
        long id;
        var depth = 0;
        if (previous is not null && previous.Digest.AsSpan().SequenceEqual(digest))
        {
            id = previous.Id;
            depth = previous.Depth;
        }
        else
        {
            var whole = order.EncodeWhole();
            var edits = previous is not null && previous.Depth < MostEdits ? order.EncodeAgainst(previous.Order) : null;
            var asEdits = edits is not null && edits.Length < whole.Length;
            depth = asEdits ? previous!.Depth + 1 : 0;
            using var insert = Command(connection, transaction, "INSERT INTO orders (base, depth, pages, digest, data) VALUES (@base, @depth, @pages, @digest, @data) RETURNING id");
            insert.Parameters.AddWithValue("@base", asEdits ? previous!.Id : DBNull.Value);
            insert.Parameters.AddWithValue("@depth", depth);
            insert.Parameters.AddWithValue("@pages", order.Count);
            insert.Parameters.AddWithValue("@digest", digest);
            insert.Parameters.AddWithValue("@data", asEdits ? edits! : whole);
            id = (long)insert.ExecuteScalar()!;
        }

        using var point = Command(connection, transaction, "UPDATE runs SET order_id = @order WHERE id = @run; DELETE FROM order_parts WHERE run_id = @run;");
        point.Parameters.AddWithValue("@order", id);
        point.Parameters.AddWithValue("@run", runId);
        point.ExecuteNonQuery();
        return new Stored(id, depth, digest, order);
    }

    /// <summary>A batch of a run's pages with their positions, committed with the batch's entries.</summary>
    public static void AddPart(SqliteConnection connection, SqliteTransaction transaction, long runId, IReadOnlyList<(long Page, int Position)> pages)
    {
        if (pages.Count == 0)
        {
            return;
        }

        var bytes = new RunOrder.VarintWriter();
        foreach (var (page, position) in pages)
        {
            bytes.Write(page);
            bytes.Write(position);
        }

        using var insert = Command(connection, transaction, "INSERT INTO order_parts (run_id, data) VALUES (@run, @data)");
        insert.Parameters.AddWithValue("@run", runId);
        insert.Parameters.AddWithValue("@data", bytes.ToArray());
        insert.ExecuteNonQuery();
    }

    /// <summary>Run <paramref name="runId"/>'s order: stored, or from its parts (a run being recorded, or killed); null when it has neither.</summary>
    public static RunOrder? Of(SqliteConnection connection, SqliteTransaction? transaction, long runId)
    {
        using (var stored = Command(connection, transaction, "SELECT order_id FROM runs WHERE id = @run"))
        {
            stored.Parameters.AddWithValue("@run", runId);
            if (stored.ExecuteScalar() is long id)
            {
                return Load(connection, transaction, id);
            }
        }

        var parts = Parts(connection, transaction, runId);
        return parts.Count == 0 ? null : RunOrder.From(parts);
    }

    /// <summary>Folds the parts of runs that ended without their order (killed while recording) into an order each.</summary>
    public static void SealAbandoned(SqliteConnection connection, SqliteTransaction transaction)
    {
        var runs = new List<long>();
        using (var find = Command(connection, transaction, "SELECT DISTINCT run_id FROM order_parts ORDER BY run_id"))
        using (var reader = find.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add(reader.GetInt64(0));
            }
        }

        foreach (var run in runs)
        {
            Write(connection, transaction, run, RunOrder.From(Parts(connection, transaction, run)), Before(connection, transaction, run));
        }
    }

    /// <summary>
    /// Stores the order of every run that can still be read from a history of schema 5 or 6, whose entries each held
    /// the page's position over their runs: one pass over the entries by first run, keeping the entries that span the
    /// run at hand (an entry joins on its first run and leaves after its last).
    /// </summary>
    public static void FromEntries(SqliteConnection connection, SqliteTransaction transaction)
    {
        var runs = new List<long>();
        using (var find = Command(connection, transaction, "SELECT id FROM runs WHERE compacted = 0 ORDER BY id"))
        using (var reader = find.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add(reader.GetInt64(0));
            }
        }

        var spanning = new Dictionary<long, (long Entry, int Position)>();
        var leaving = new PriorityQueue<(long Page, long Entry), long>();
        Stored? previous = null;
        using var entries = Command(connection, transaction, "SELECT id, page_id, position, first_run, last_run FROM entries ORDER BY first_run, id");
        using var next = entries.ExecuteReader();
        var more = next.Read();
        foreach (var run in runs)
        {
            while (more && next.GetInt64(3) <= run)
            {
                var (entry, page) = (next.GetInt64(0), next.GetInt64(1));
                spanning[page] = (entry, next.GetInt32(2));
                leaving.Enqueue((page, entry), next.GetInt64(4));
                more = next.Read();
            }

            while (leaving.TryPeek(out var gone, out var last) && last < run)
            {
                leaving.Dequeue();
                if (spanning.TryGetValue(gone.Page, out var still) && still.Entry == gone.Entry)
                {
                    spanning.Remove(gone.Page);
                }
            }

            if (spanning.Count > 0)
            {
                previous = Write(connection, transaction, run, RunOrder.From(spanning.Select(s => (s.Key, s.Value.Position))), previous);
            }
        }
    }

    /// <summary>Drops the orders no run that can still be read needs (compacted runs keep only their counts).</summary>
    public static void DropUnused(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, """
            UPDATE runs SET order_id = NULL WHERE compacted = 1 AND order_id IS NOT NULL;
            DELETE FROM orders WHERE id NOT IN (
                WITH RECURSIVE needed(id) AS (
                    SELECT order_id FROM runs WHERE order_id IS NOT NULL
                    UNION SELECT o.base FROM orders o JOIN needed n ON o.id = n.id WHERE o.base IS NOT NULL)
                SELECT id FROM needed);
            """);
        command.ExecuteNonQuery();
    }

    private static RunOrder Load(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        // The chain from the whole order to this one, oldest first.
        using var command = Command(connection, transaction, """
            WITH RECURSIVE chain(id, base, n) AS (
                SELECT id, base, 0 FROM orders WHERE id = @id
                UNION ALL SELECT o.id, o.base, c.n + 1 FROM orders o JOIN chain c ON o.id = c.base)
            SELECT o.data FROM chain c JOIN orders o ON o.id = c.id ORDER BY c.n DESC
            """);
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        RunOrder? order = null;
        while (reader.Read())
        {
            order = RunOrder.Decode((byte[])reader[0], order);
        }

        return order ?? throw new InvalidDataException($"the history names a run order {id} it does not hold");
    }

    private static List<(long Page, int Position)> Parts(SqliteConnection connection, SqliteTransaction? transaction, long runId)
    {
        using var command = Command(connection, transaction, "SELECT data FROM order_parts WHERE run_id = @run ORDER BY rowid");
        command.Parameters.AddWithValue("@run", runId);
        var pages = new List<(long, int)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var data = new RunOrder.VarintReader((byte[])reader[0]);
            while (!data.AtEnd)
            {
                var page = data.Read();
                pages.Add((page, (int)data.Read()));
            }
        }

        return pages;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
