using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// The pages of the HTML report past the first screenfuls, kept in the file but not in its DOM: each page's section
/// as a tree of elements, attributes and texts (the same section a page written out has, never markup to parse), in
/// chunks of a few hundred pages, each chunk gzipped and base64-encoded in an inert
/// <c>&lt;script type="application/gzip"&gt;</c> data block that the browser's parser skips over; and after it, in a block
/// of its own, the text of each page the search box matches (<see cref="HtmlPageSection.Searchable"/>), so a search
/// unfolds texts, not sections. The report's script unfolds a chunk (the browser's DecompressionStream) when a page of
/// it comes into view, and builds its sections with createElement, setAttribute and text nodes. Base64 has no '&lt;', so
/// a block cannot end its element early.
/// </summary>
internal sealed class FoldedPages(TextWriter writer, int chunkPages)
{
    private readonly List<IElement> _chunk = new(chunkPages);

    /// <summary>How many chunks were written.</summary>
    public int Chunks { get; private set; }

    public void Add(IElement section)
    {
        _chunk.Add(section);
        if (_chunk.Count == chunkPages)
        {
            Flush();
        }
    }

    /// <summary>Writes the chunk in hand, if any: its sections' trees, then their searchable texts.</summary>
    public void Flush()
    {
        if (_chunk.Count == 0)
        {
            return;
        }

        Block("page-chunk", json =>
        {
            foreach (var section in _chunk)
            {
                Tree(json, section);
            }
        });
        Block("page-text", json =>
        {
            foreach (var section in _chunk)
            {
                json.WriteStringValue(HtmlPageSection.SearchText(section));
            }
        });
        Chunks++;
        _chunk.Clear();
    }

    /// <summary>A JSON array, gzipped, as base64 in an inert data block.</summary>
    private void Block(string kind, Action<Utf8JsonWriter> items)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        using (var json = new Utf8JsonWriter(gzip))
        {
            json.WriteStartArray();
            items(json);
            json.WriteEndArray();
        }

        writer.Write($"<script type=\"application/gzip\" class=\"{kind}\" data-chunk=\"{Chunks}\">");
        writer.Write(Convert.ToBase64String(packed.GetBuffer(), 0, (int)packed.Length));
        writer.Write("</script>\n");
    }

    /// <summary>An element as [name, {attribute: value}, child...], a text as a string; nothing else is in a section.</summary>
    private static void Tree(Utf8JsonWriter json, INode node)
    {
        if (node is not IElement element)
        {
            json.WriteStringValue(node.TextContent);
            return;
        }

        json.WriteStartArray();
        json.WriteStringValue(element.LocalName);
        json.WriteStartObject();
        foreach (var attribute in element.Attributes)
        {
            json.WriteString(attribute.Name, attribute.Value);
        }

        json.WriteEndObject();
        foreach (var child in element.ChildNodes)
        {
            Tree(json, child);
        }

        json.WriteEndArray();
    }
}

/// <summary>
/// What the report's script needs to know of every page, in the order the file holds them (triage order), read from
/// the pages' gists, not the pages: its number in the list, verdict, partner, outcomes, change and triage rank, as
/// indexes into small tables. About 25 bytes a page: the filters, sorts and counts of a run of 100,000 pages read
/// 2.5 MB, not the pages.
/// </summary>
internal static class PageIndex
{
    private static readonly PageVerdict[] Verdicts = Enum.GetValues<PageVerdict>();

    /// <summary>
    /// The index as one inert JSON data block. The encoder escapes '&lt;', '&gt;' and '&amp;', so no name from a partner
    /// list can close the element; names are kept as they are (the filters compare them with the partner choices).
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<PageGist> gists, int[] order, HtmlReporter layout, int staticPages)
    {
        var partners = new Names();
        var outcomes = new Names();
        var changes = new Names();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("static", staticPages);
            json.WriteNumber("chunk", layout.ChunkPages);
            json.WriteNumber("eager", layout.EagerPages);
            json.WriteNumber("step", layout.StepPages);
            json.WriteString("searchable", HtmlPageSection.Searchable);
            json.WriteStartArray("pages");
            foreach (var position in order)
            {
                var page = gists[position];
                json.WriteStartArray();
                json.WriteNumberValue(position + 1);
                json.WriteNumberValue(Array.IndexOf(Verdicts, page.Verdict));
                json.WriteNumberValue(page.Partner is { } partner ? partners.Id(partner) : -1);
                json.WriteNumberValue(outcomes.Id(HtmlPageSection.Outcomes(page)));
                json.WriteNumberValue(changes.Id(HtmlPageSection.Change(page.Change)));
                json.WriteNumberValue(Triage.Rank(page));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            Table(json, "verdicts", Verdicts.Select(VerdictNames.Of));
            Table(json, "partners", partners.All);
            Table(json, "outcomes", outcomes.All);
            Table(json, "changes", changes.All);
            Table(json, "triage", Triage.Ranks);
            json.WriteEndObject();
        }

        writer.Write("<script type=\"application/json\" id=\"page-index\">");
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write("</script>\n");
    }

    private static void Table(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>A table of distinct values, each numbered in the order it first appears.</summary>
    private sealed class Names
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public List<string> All { get; } = [];

        public int Id(string value)
        {
            if (!_ids.TryGetValue(value, out var id))
            {
                id = All.Count;
                _ids[value] = id;
                All.Add(value);
            }

            return id;
        }
    }
}
