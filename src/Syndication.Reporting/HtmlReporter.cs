using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using Syndication.Pipeline;

namespace Syndication.Reporting;

/// <summary>
/// One self-contained HTML file (no external assets, works offline): counts, partners, filters and a search box,
/// and each page with its evidence, in triage order (<see cref="Triage"/>: new violations first). Built with
/// AngleSharp's DOM and serialiser, so every page-supplied string is encoded for its context; links only for http(s).
/// Pages are written one fragment at a time, never one whole DOM. The first pages in triage order (the findings,
/// unless there are thousands) are written out; the rest are folded into compressed chunks the script unfolds as they
/// are needed (<see cref="FoldedPages"/>), so a run of 100,000 pages opens as fast as one of a few hundred.
/// </summary>
public sealed class HtmlReporter : IReporter
{
    public string Format => "html";

    public string FileName => "report.html";


    /// <summary>At most this many pages are written out (the first screenfuls); the rest are folded.</summary>
    public int StaticPages { get; init; } = 100;

    /// <summary>Nor more than this many characters of them (screenshots make a page large).</summary>
    public long StaticChars { get; init; } = 2L * 1024 * 1024;

    /// <summary>Pages in a folded chunk: what the script unfolds at once.</summary>
    public int ChunkPages { get; init; } = 200;

    /// <summary>A view (the filters' choice) of up to this many pages is shown whole, and prints whole.</summary>
    public int EagerPages { get; init; } = 1000;

    /// <summary>A longer view is shown this many pages at a time, more as the reader scrolls.</summary>
    public int StepPages { get; init; } = 100;

    /// <summary>
    /// Writes the skeleton, the first pages in triage order, the index and the script — all the browser needs to show
    /// the report and run its filters — and then the folded pages and the footer, so the report works while the rest
    /// of a large file is still being read.
    /// </summary>
    public void Write(RunSummary summary, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var skeleton = HtmlSkeleton.Build(summary);
        writer.Write(skeleton.Before);
        var builder = new HtmlBuilder(skeleton.Document);
        var sections = new HtmlPageSection(builder, summary.Screenshots);
        var order = Triage.Order(summary);
        var written = 0;
        var chars = 0L;
        IElement? next = null;
        for (; written < order.Length; written++)
        {
            // A page keeps its number in the list (page-N), whatever the order it is shown in.
            var section = sections.Build(summary.Pages[order[written]], order[written] + 1);
            var html = section.ToHtml(HtmlMarkupFormatter.Instance);
            if (written >= StaticPages || (written > 0 && chars + html.Length > StaticChars))
            {
                next = section;
                break;
            }

            writer.Write(html);
            writer.Write('\n');
            chars += html.Length;
        }

        writer.Write(HtmlSkeleton.MainEnd);
        writer.Write('\n');
        if (written < order.Length)
        {
            var note = builder.Element(
                "p",
                "folded",
                $"{ReportFormatting.Number(order.Length - written)} more pages, in the same order, are folded into this file: they are shown as you scroll, and the filters and the search reach them. Without scripts, read them in the JSON report.");
            note.Id = "folded";
            writer.Write(note.ToHtml(HtmlMarkupFormatter.Instance));
            writer.Write('\n');
        }

        PageIndex.Write(writer, summary.Gists, order, this, written);
        writer.Write(skeleton.Script);
        writer.Write('\n');
        if (next is not null)
        {
            var folded = new FoldedPages(writer, ChunkPages);
            folded.Add(next);
            for (var i = written + 1; i < order.Length; i++)
            {
                folded.Add(sections.Build(summary.Pages[order[i]], order[i] + 1));
            }

            folded.Flush();
        }

        writer.Write(skeleton.Footer);
        writer.Write(skeleton.End);
        writer.Write('\n');
    }
}
