using Syndication.Text;

namespace Syndication.Sitemaps;

/// <summary>
/// What one sitemap got wrong entry by entry, counted, so that 50,000 bad entries make one line each kind (with the
/// first example), not 50,000 lines.
/// </summary>
internal sealed class SitemapNotes
{
    private readonly Dictionary<Note, (int Count, string First)> _notes = [];

    public enum Note
    {
        NoLocation,
        TooLong,
        NotWeb,
        Relative,
        RelativeUnresolved,
        OffSite,
        BadDate,
        OverProtocol,
        OffSiteSitemap,
        NotWebSitemap,
    }

    public void Add(Note note, string example)
    {
        _notes[note] = _notes.TryGetValue(note, out var seen) ? (seen.Count + 1, seen.First) : (1, OneLine(example));
    }

    public IEnumerable<string> Messages()
    {
        foreach (var (note, (count, first)) in _notes.OrderBy(n => n.Key))
        {
            var entries = count == 1 ? "1 entry" : $"{count:N0} entries";
            yield return note switch
            {
                Note.NoLocation => $"{entries} without a <loc> skipped",
                Note.TooLong => $"{entries} with a URL over the length limit skipped (first: {first})",
                Note.NotWeb => $"{entries} not an http(s) URL skipped (first: \"{first}\")",
                Note.Relative => $"{entries} with a relative URL, resolved against the sitemap (first: \"{first}\")",
                Note.RelativeUnresolved => $"{entries} with a relative URL that has nothing to resolve against skipped (first: \"{first}\")",
                Note.OffSite => $"{entries} on another site skipped (first: {first})",
                Note.BadDate => $"{entries} with an unreadable or unbelievable date, read without it (first: {first})",
                Note.OverProtocol => $"lists {first} URLs, more than the protocol's {SitemapLimits.ProtocolMaxUrls:N0} (all were read)",
                Note.OffSiteSitemap => $"{(count == 1 ? "1 sitemap" : $"{count:N0} sitemaps")} on another site not read (first: {first})",
                Note.NotWebSitemap => $"{(count == 1 ? "1 sitemap" : $"{count:N0} sitemaps")} that are not http(s) URLs not read (first: \"{first}\")",
                _ => $"{entries}: {note}",
            };
        }
    }

    /// <summary>An example as one short line: control characters and line breaks cannot break a log line or a report.</summary>
    private static string OneLine(string text)
    {
        var collapsed = TextFolding.CollapseWhiteSpace(text);
        var clean = string.Create(collapsed.Length, collapsed, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '\uFFFD' : source[i];
            }
        });
        return TextShortening.End(clean, 160);
    }
}
