using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>
/// What changed between two runs, page by page. As in the nightly report, a page that could not be checked is
/// neither fixed nor new: a page back after an error is compared with the last run that did check it.
/// </summary>
public static class RunDiff
{
    /// <summary>A violation the later run has and the earlier did not.</summary>
    public const string New = Changes.New;

    /// <summary>A violation of the earlier run that the later run checked and did not find.</summary>
    public const string Fixed = Changes.Fixed;

    /// <summary>Any other change of verdict (or a page added or dropped).</summary>
    public const string Changed = "changed";

    public sealed record Line(string Kind, string Url, string? Partner, string? Before, string? After, string Failed);

    public static List<Line> Compare(HistoryStore store, long before, long after)
    {
        store.Run(before);
        store.Run(after);

        // b: the page in the later run; a: in the earlier run; c: its last verdict up to the earlier run that is not an error.
        using var command = store.Command("""
            SELECT b.url, b.partner, a.verdict, b.verdict,
                   (SELECT group_concat(requirement, ',') FROM run_requirements q WHERE q.run_id = @after AND q.position = b.position AND q.status = @fail),
                   (SELECT c.verdict FROM run_pages c WHERE c.page_key = b.page_key AND c.run_id <= @before AND c.verdict <> @error ORDER BY c.run_id DESC LIMIT 1)
            FROM run_pages b LEFT JOIN run_pages a ON a.run_id = @before AND a.page_key = b.page_key
            WHERE b.run_id = @after AND (a.verdict IS NULL OR a.verdict <> b.verdict)
            UNION ALL
            SELECT a.url, a.partner, a.verdict, NULL, '', NULL
            FROM run_pages a WHERE a.run_id = @before AND NOT EXISTS (SELECT 1 FROM run_pages b WHERE b.run_id = @after AND b.page_key = a.page_key)
            ORDER BY 1
            """);
        command.Parameters.AddWithValue("@before", before);
        command.Parameters.AddWithValue("@after", after);
        command.Parameters.AddWithValue("@fail", HistoryStore.FailName);
        command.Parameters.AddWithValue("@error", HistoryStore.ErrorName);
        var lines = new List<Line>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var was = reader.IsDBNull(2) ? null : reader.GetString(2);
            var now = reader.IsDBNull(3) ? null : reader.GetString(3);
            var wasBad = (reader.IsDBNull(5) ? was : reader.GetString(5)) == HistoryStore.NonCompliantName;
            var kind = now == HistoryStore.NonCompliantName ? (wasBad ? Changed : New)
                : wasBad && now is not null && now != HistoryStore.ErrorName ? Fixed
                : Changed;
            lines.Add(new Line(kind, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), was, now, reader.IsDBNull(4) ? string.Empty : reader.GetString(4)));
        }

        return lines;
    }
}
