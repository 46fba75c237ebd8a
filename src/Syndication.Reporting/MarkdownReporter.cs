using System.Text;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// Markdown for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY): the totals, the partners, and a table of the
/// pages that need attention (non-compliant, needs review, could not check) with their reasons. GitHub takes at most
/// 1 MiB per step summary, so the table stops after <see cref="MaxRows"/> pages and says how many more there are.
/// </summary>
public sealed class MarkdownReporter(int maxRows = 200) : IReporter
{
    /// <summary>The most characters of reasons in one cell, "…" included.</summary>
    private const int MaxCell = 500;

    public int MaxRows { get; } = maxRows;

    public string Format => "markdown";

    public string FileName => "report.md";

    public bool ToStandardOutput => true;

    public void Write(RunSummary summary, Stream output)
    {
        using var md = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var c = summary.Counts;
        md.WriteLine("## Syndication report");
        md.WriteLine();
        md.WriteLine($"**{ReportFormatting.Number(c.Pages)} page(s)**: {ReportFormatting.Totals(c)}");
        md.WriteLine();
        md.WriteLine($"{ToolInfo.Name} {MarkdownText.Escape(summary.ToolVersion)}, {MarkdownText.Escape(ReportFormatting.Date(summary.StartedAt))} to {MarkdownText.Escape(ReportFormatting.Date(summary.FinishedAt))}");
        if (!summary.Complete)
        {
            md.WriteLine();
            md.WriteLine("> **Incomplete:** the run was stopped before every page was checked.");
        }

        if (summary.Partners.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("### Partners");
            md.WriteLine();
            md.WriteLine("| Partner | Pages | Compliant | Non-compliant | Needs review | Not applicable | Errors |");
            md.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var partner in summary.Partners)
            {
                var p = partner.Counts;
                md.WriteLine($"| {MarkdownText.Escape(partner.Name)} | {p.Pages} | {p.Compliant} | {p.NonCompliant} | {p.NeedsReview} | {p.NotApplicable} | {p.Errors} |");
            }
        }

        WriteAttention(md, summary);
    }

    private void WriteAttention(StreamWriter md, RunSummary summary)
    {
        var rows = 0;
        var more = 0;
        foreach (var page in summary.Pages)
        {
            if (page.Verdict is PageVerdict.Compliant or PageVerdict.NotApplicable)
            {
                continue;
            }

            if (rows == MaxRows)
            {
                more++;
                continue;
            }

            if (rows == 0)
            {
                md.WriteLine();
                md.WriteLine("### Pages that need attention");
                md.WriteLine();
                md.WriteLine("| Verdict | Change | Page | Partner | Reasons |");
                md.WriteLine("| --- | --- | --- | --- | --- |");
            }

            rows++;
            var reasons = ReportFormatting.Truncate(PageFindings.Reasons(page), MaxCell);
            md.WriteLine($"| {VerdictNames.Of(page.Verdict)} | {MarkdownText.Escape(PageFindings.Change(page))} | {MarkdownText.Link(page.Url, page.Url)} | {MarkdownText.Escape(page.Partner)} | {MarkdownText.Escape(reasons)} |");
        }

        md.WriteLine();
        if (more > 0)
        {
            md.WriteLine($"…and {more} more page(s) that need attention: see the HTML or JSON report.");
        }
        else if (rows == 0)
        {
            md.WriteLine("Every page is compliant or not applicable.");
        }
    }
}
