using Microsoft.Data.Sqlite;

namespace Syndication.History;

/// <summary>
/// Brings a history of schema 4 (a row and a full result per page and night) to schema 5 in place, in the migration's
/// transaction: every stored night is recorded again as entries (an unchanged night costs nothing), the state the next
/// run compares with becomes a pointer to its entry, and each page's archived fetches one row per page and bytes.
/// Then the old tables go, and the file is vacuumed (it shrinks to what the entries hold).
/// </summary>
internal static class HistoryConversion
{
    /// <returns>How many stored page results were converted.</returns>
    public static int FromVersionFour(SqliteConnection connection, SqliteTransaction transaction)
    {
        var previous = new Dictionary<long, long>();
        using (var runs = Command(connection, transaction, "SELECT id FROM runs ORDER BY id"))
        using (var reader = runs.ExecuteReader())
        {
            long last = 0;
            while (reader.Read())
            {
                previous[reader.GetInt64(0)] = last;
                last = reader.GetInt64(0);
            }
        }

        var converted = 0;
        using (var writer = new EntryWriter(connection) { Transaction = transaction })
        using (var pages = Command(connection, transaction, "SELECT run_id, position, page_key, result FROM run_pages ORDER BY run_id, position"))
        using (var reader = pages.ExecuteReader())
        {
            // Each run's order as its rows had it, stored when the next run's rows begin.
            RunOrders.Stored? order = null;
            var inList = new List<(long Page, int Position)>();
            long recording = 0;
            while (reader.Read())
            {
                var run = reader.GetInt64(0);
                if (run != recording && inList.Count > 0)
                {
                    order = RunOrders.Write(connection, transaction, recording, RunOrder.From(inList), order);
                    inList.Clear();
                }

                recording = run;
                var key = reader.GetString(2);
                var position = reader.GetInt32(1);
                inList.Add((writer.Write(writer.Find(key), run, previous.GetValueOrDefault(run), position, key, HistoryStore.Unpack((byte[])reader[3])), position));
                converted++;
            }

            if (inList.Count > 0)
            {
                RunOrders.Write(connection, transaction, recording, RunOrder.From(inList), order);
            }
        }

        using var rest = Command(connection, transaction, """
            UPDATE pages SET state_entry_id = (SELECT e.id FROM entries e WHERE e.page_id = pages.id AND e.first_run <= s.run_id AND e.last_run >= s.run_id),
                             state_run = s.run_id
            FROM page_state s WHERE s.page_key = pages.page_key;
            INSERT INTO page_evidence (page_id, sha256, first_run, last_run, first_fetched, last_fetched, final_url, headers)
            SELECT p.id, e.sha256, MIN(e.run_id), MAX(e.run_id), MIN(e.fetched_at), MAX(e.fetched_at), MAX(e.final_url), MAX(e.headers)
            FROM run_evidence e JOIN pages p ON p.page_key = e.page_key GROUP BY p.id, e.sha256;
            DROP TABLE run_pages;
            DROP TABLE run_requirements;
            DROP TABLE page_state;
            DROP TABLE requirement_state;
            DROP TABLE run_evidence;
            """);
        rest.ExecuteNonQuery();
        return converted;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
