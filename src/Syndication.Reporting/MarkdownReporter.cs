using System.Text;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// Markdown for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY): the totals, the partners, and a table of the
/// pages that need attention (non-compliant, needs review, could not check, listed by hand but republishing no
/// original) with their reasons, new violations first. GitHub takes at most
/// 1 MiB per step summary, so the table stops after <see cref="MaxRows"/> pages and says how many more there are.
/// With discovery: the republications newly found on partners' sites, the unlicensed ones on watched sites, and each
/// site's search with its source problems, under the same row limit.
/// </summary>
public sealed class MarkdownReporter(int maxRows = 200) : IReporter
{
    /// <summary>The most characters of reasons in one cell, "…" included.</summary>
    private const int MaxCell = 500;

    public int MaxRows { get; } = maxRows;

    public string Format => "markdown";

    public string FileName => "report.md";


    public void Write(RunSummary summary, Stream output)
    {
        using var md = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var c = summary.Counts;
        md.WriteLine("## Syndication report");
        md.WriteLine();
        md.WriteLine($"**{ReportFormatting.Number(c.Pages)} page(s)**: {ReportFormatting.Totals(c)}");
        if (DiscoveryText.Totals(summary) is { } discovery)
        {
            md.WriteLine();
            md.WriteLine(MarkdownText.Escape(discovery));
        }

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
        WriteDiscovery(md, summary);
    }

    private void WriteDiscovery(StreamWriter md, RunSummary summary)
    {
        var found = summary.Discovery.Where(s => !s.Watched).SelectMany(s => s.NewlyFound.Select(f => (s.Name, Found: f))).ToList();
        if (found.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("### Newly found republications");
            md.WriteLine();
            md.WriteLine("| Partner | Page | Original | Verdict | Found via |");
            md.WriteLine("| --- | --- | --- | --- | --- |");
            foreach (var (partner, page) in found.Take(MaxRows))
            {
                md.WriteLine($"| {MarkdownText.Escape(partner)} | {MarkdownText.Link(page.Url, page.Url)} | {MarkdownText.Escape(page.OriginalTitle)} | {VerdictNames.Of(page.Verdict)} | {MarkdownText.Escape(page.Via)} |");
            }

            More(md, found.Count, "newly found republication(s)");
        }

        if (summary.Unlicensed.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("### Unlicensed republications (watched sites)");
            md.WriteLine();
            md.WriteLine("| | Site | Page | Original | Found | Via |");
            md.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var page in summary.Unlicensed.Take(MaxRows))
            {
                md.WriteLine($"| {(page.New ? "**new**" : string.Empty)} | {MarkdownText.Escape(page.Site)} | {MarkdownText.Link(page.Url, page.Url)} | {MarkdownText.Escape(page.Original.Title)} | {ReportFormatting.Day(page.Found.On)} | {MarkdownText.Escape(page.Found.Via)} |");
            }

            More(md, summary.Unlicensed.Count, "unlicensed republication(s)");
        }

        if (summary.Discovery.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("### Discovery");
            md.WriteLine();
            md.WriteLine("| Site | | Sources read | Listed | Candidates | Fetched | Waiting | Newly found |");
            md.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var site in summary.Discovery)
            {
                md.WriteLine($"| {MarkdownText.Link(site.Name, site.Site)} | {(site.Watched ? "watched" : "partner")} | {site.SourcesRead} | {site.Listed} | {site.Candidates} | {site.Fetched} | {site.Waiting} | {site.NewlyFound.Count} |");
            }

            var problems = summary.Discovery.SelectMany(s => s.Problems).ToList();
            if (problems.Count > 0)
            {
                md.WriteLine();
                foreach (var problem in problems.Take(MaxRows))
                {
                    md.WriteLine($"- {MarkdownText.Escape(ReportFormatting.Truncate(problem, MaxCell))}");
                }

                More(md, problems.Count, "source problem(s)");
            }
        }
    }

    private void More(StreamWriter md, int count, string what)
    {
        if (count > MaxRows)
        {
            md.WriteLine();
            md.WriteLine($"…and {count - MaxRows} more {what}: see the HTML or JSON report.");
        }
    }

    /// <summary>The pages that need attention in triage order (new violations first), so the night's news is at the top.</summary>
    private void WriteAttention(StreamWriter md, RunSummary summary)
    {
        var gists = summary.Gists;
        var attention = Triage.Order(summary).Where(i => Triage.NeedsAttention(gists[i])).ToList();
        if (attention.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("### Pages that need attention");
            md.WriteLine();
            md.WriteLine("| Verdict | Change | Page | Partner | Reasons |");
            md.WriteLine("| --- | --- | --- | --- | --- |");
        }

        foreach (var index in attention.Take(MaxRows))
        {
            var page = summary.Pages[index];
            var reasons = ReportFormatting.Truncate(PageFindings.Reasons(page), MaxCell);
            md.WriteLine($"| {VerdictNames.Of(page.Verdict)} | {MarkdownText.Escape(PageFindings.Change(page))} | {MarkdownText.Link(page.Url, page.Url)} | {MarkdownText.Escape(page.Partner)} | {MarkdownText.Escape(reasons)} |");
        }

        md.WriteLine();
        if (attention.Count > MaxRows)
        {
            md.WriteLine($"…and {attention.Count - MaxRows} more page(s) that need attention: see the HTML or JSON report.");
        }
        else if (attention.Count == 0)
        {
            md.WriteLine("Every page is compliant or not applicable.");
        }
    }
}
