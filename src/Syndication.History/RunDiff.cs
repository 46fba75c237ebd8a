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
        store.CheckNotCompacted(before);
        store.CheckNotCompacted(after);

        // b: the page in the later run; a: in the earlier run; c: its last verdict up to the earlier run that is not an error.
        // Each side's entry of a page is found through the page (entries_by_page), never by scanning a run's entries
        // once per page, and as the latest entry that began by that run (one step back in the index, however many
        // entries the page has had): the entries of a page never overlap, so it holds the run if it lasted to it. The
        // query costs the same on the first night of a year as on the last.
        using var command = store.Command("""
            SELECT p.url, p.partner, a.verdict, b.verdict, b.failing,
                   (SELECT c.verdict FROM entries c WHERE c.page_id = b.page_id AND c.first_run <= @before AND c.verdict <> @error ORDER BY c.first_run DESC LIMIT 1)
            FROM entries b
            LEFT JOIN entries a ON a.id = (SELECT x.id FROM entries x WHERE x.page_id = b.page_id AND x.first_run <= @before ORDER BY x.first_run DESC LIMIT 1)
                AND a.last_run >= @before
            CROSS JOIN pages p ON p.id = b.page_id
            WHERE b.last_run >= @after AND b.first_run <= @after AND (a.verdict IS NULL OR a.verdict <> b.verdict)
            UNION ALL
            SELECT p.url, p.partner, a.verdict, NULL, '', NULL
            FROM entries a CROSS JOIN pages p ON p.id = a.page_id
            WHERE a.last_run >= @before AND a.first_run <= @before
              AND NOT EXISTS (SELECT 1 FROM entries b
                  WHERE b.id = (SELECT x.id FROM entries x WHERE x.page_id = a.page_id AND x.first_run <= @after ORDER BY x.first_run DESC LIMIT 1)
                    AND b.last_run >= @after)
            ORDER BY 1
            """);
        command.Parameters.AddWithValue("@before", before);
        command.Parameters.AddWithValue("@after", after);
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
