using System.Text;
using AngleSharp.Html;
using Syndication.Pipeline;

namespace Syndication.Reporting;

/// <summary>
/// One self-contained HTML file (no external assets, works offline): counts, partners, filters and a search box,
/// and each page with its evidence, in triage order (<see cref="Triage"/>: new violations first). Built with
/// AngleSharp's DOM and serialiser, so every page-supplied string is encoded for its context; links only for http(s).
/// Pages are written one fragment at a time, never one whole DOM.
/// </summary>
public sealed class HtmlReporter : IReporter
{
    public string Format => "html";

    public string FileName => "report.html";

    public bool ToStandardOutput => false;

    public void Write(RunSummary summary, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var (document, before, after) = HtmlSkeleton.Build(summary);
        writer.Write(before);
        var sections = new HtmlPageSection(new HtmlBuilder(document), summary.Screenshots);
        foreach (var index in Triage.Order(summary))
        {
            // A page keeps its number in the list (page-N), whatever the order it is shown in.
            sections.Build(summary.Pages[index], index + 1).ToHtml(writer, HtmlMarkupFormatter.Instance);
            writer.Write('\n');
        }

        writer.Write(after);
        writer.Write('\n');
    }
}
