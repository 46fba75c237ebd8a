using System.Collections;
using System.IO.Compression;
using System.Text.Json;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>
/// A past run's gists (<see cref="PageGist"/>: what its counts, triage order and index need) in list order, read on
/// first use from the entries' columns — verdict, change, each requirement's outcome and waiver — and the page's
/// partner, without building the results: of the stored result only the fetch's time and whether discovery found
/// the page are read, by a reader that skips the rest. <c>report --run</c> orders and indexes a run of 100,000 pages
/// from these and reads each result once, for its own section.
/// </summary>
internal sealed class StoredGists(HistoryStore store, long runId, int count) : IReadOnlyList<PageGist>
{
    private static readonly byte[] FetchName = "Fetch"u8.ToArray();
    private static readonly byte[] ElapsedName = "ElapsedMs"u8.ToArray();
    private static readonly byte[] FoundName = "Found"u8.ToArray();
    private PageGist[]? _gists;

    public int Count => count;

    public PageGist this[int index] => Gists()[index];

    public IEnumerator<PageGist> GetEnumerator() => ((IEnumerable<PageGist>)Gists()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private PageGist[] Gists() => _gists ??= store.Use(Read);

    private PageGist[] Read()
    {
        // The run's order, then each page's entry in the run (the latest that began by it, if it lasted to it), as
        // the run's pages are read (HistoryStore.StoredPages).
        var order = store.OrderOf(runId);
        using var command = store.Command("""
            SELECT e.verdict, p.partner, e.change, e.requirements, r.result
            FROM entries e JOIN results r ON r.id = e.result_id JOIN pages p ON p.id = e.page_id
            WHERE e.page_id = @page AND e.first_run <= @run AND e.last_run >= @run
            ORDER BY e.first_run DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("@run", runId);
        var page = command.Parameters.AddWithValue("@page", 0L);
        var gists = new List<PageGist>(count);
        var ids = new List<string>();
        var outcomes = new List<Outcome>();
        for (var i = 0; i < order.Count; i++)
        {
            page.Value = order.Pages[i];
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                continue;
            }

            var verdict = VerdictNames.ParseVerdict(reader.GetString(0));
            ids.Clear();
            outcomes.Clear();
            var waived = verdict == PageVerdict.NonCompliant;
            foreach (var item in reader.GetString(3).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                // id|status|change|since|streak|waived, as PageEntry writes them.
                var f = item.Split('|');
                var outcome = VerdictNames.ParseOutcome(f[1]);
                ids.Add(f[0]);
                outcomes.Add(outcome);
                waived &= outcome != Outcome.Fail || f[5] == "1";
            }

            var (elapsed, found) = Facts((byte[])reader[4]);
            gists.Add(new PageGist(verdict, reader.IsDBNull(1) ? null : reader.GetString(1), waived, reader.IsDBNull(2) ? null : reader.GetString(2), elapsed, found)
            {
                RequirementIds = PageGist.Ids(ids),
                Outcomes = PageGist.Shared(outcomes),
            });
        }

        return [.. gists];
    }

    /// <summary>The fetch's time and whether the result has a discovery note, read from the stored JSON without building it.</summary>
    private static (double ElapsedMs, bool Found) Facts(byte[] packed)
    {
        using var gzip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        var reader = new Utf8JsonReader(json.GetBuffer().AsSpan(0, (int)json.Length));
        reader.Read();
        double elapsed = 0;
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(FetchName))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isElapsed = reader.ValueTextEquals(ElapsedName);
                    reader.Read();
                    if (isElapsed)
                    {
                        elapsed = reader.GetDouble();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                var isFound = reader.ValueTextEquals(FoundName);
                reader.Read();
                found |= isFound && reader.TokenType != JsonTokenType.Null;
                reader.Skip();
            }
        }

        return (elapsed, found);
    }
}
