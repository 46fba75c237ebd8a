namespace Syndication.History;

/// <summary>What changed between two runs, page by page.</summary>
public static class RunDiff
{
    public sealed record Line(string Kind, string Url, string? Partner, string? Before, string? After, string Failed);

    public static List<Line> Compare(HistoryStore store, long before, long after)
    {
        store.Run(before);
        store.Run(after);
        using var command = store.Command("""
            SELECT COALESCE(b.url, a.url), COALESCE(b.partner, a.partner), a.verdict, b.verdict,
                   (SELECT group_concat(requirement, ',') FROM run_requirements q WHERE q.run_id = @after AND q.position = b.position AND q.status = 'fail')
            FROM run_pages b LEFT JOIN run_pages a ON a.run_id = @before AND a.page_key = b.page_key
            WHERE b.run_id = @after AND (a.verdict IS NULL OR a.verdict <> b.verdict)
            UNION ALL
            SELECT a.url, a.partner, a.verdict, NULL, ''
            FROM run_pages a WHERE a.run_id = @before AND NOT EXISTS (SELECT 1 FROM run_pages b WHERE b.run_id = @after AND b.page_key = a.page_key)
            ORDER BY 1
            """);
        command.Parameters.AddWithValue("@before", before);
        command.Parameters.AddWithValue("@after", after);
        var lines = new List<Line>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var was = reader.IsDBNull(2) ? null : reader.GetString(2);
            var now = reader.IsDBNull(3) ? null : reader.GetString(3);
            var kind = now == "non-compliant" ? "new"
                : was == "non-compliant" && now is not null and not "error" ? "fixed"
                : "changed";
            lines.Add(new Line(kind, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), was, now, reader.IsDBNull(4) ? string.Empty : reader.GetString(4)));
        }

        return lines;
    }
}
