using Syndication.Pipeline;

namespace Syndication.Reporting;

/// <summary>One-line wordings of discovery for the formats that summarise (console, Markdown, JUnit, annotations), made safe as page text is.</summary>
public static class DiscoveryText
{
    /// <summary>"found tonight via URL" or "found on 2026-11-25 via URL".</summary>
    public static string Found(FoundNote found) =>
        (found.New ? "found tonight" : $"found on {ReportFormatting.Day(found.On)}") + $" via {TerminalText.Safe(found.Via)}";

    /// <summary>What the search of one site came to: "4 source(s) read (1 unchanged), 9936 page(s) listed, 281 candidate(s): 281 fetched, 0 waiting; 36 newly found".</summary>
    public static string Account(SiteDiscovery site) =>
        $"{ReportFormatting.Number(site.SourcesRead)} source(s) read"
        + (site.SourcesUnchanged > 0 ? $" ({ReportFormatting.Number(site.SourcesUnchanged)} unchanged, not fetched)" : string.Empty)
        + $", {ReportFormatting.Number(site.Listed)} page(s) listed, {ReportFormatting.Number(site.Candidates)} candidate(s): {ReportFormatting.Number(site.Fetched)} fetched, {ReportFormatting.Number(site.Waiting)} waiting"
        + $"; {ReportFormatting.Number(site.NewlyFound.Count)} newly found" + (site.Watched ? " (unlicensed)" : string.Empty)
        + (site.KnownRepublications > 0 ? $", {ReportFormatting.Number(site.KnownRepublications)} found before" : string.Empty);

    /// <summary>"republishes "TITLE" with no licence; found on DATE via URL".</summary>
    public static string Unlicensed(UnlicensedPage page) =>
        $"republishes \"{TerminalText.Safe(page.Original.Title)}\" ({ReportFormatting.Percent(page.Original.Match)}) with no licence; {Found(page.Found)}";

    /// <summary>The run's discovery totals in a sentence, or null when the run searched no site.</summary>
    public static string? Totals(RunSummary summary)
    {
        if (summary.Discovery.Count == 0 && summary.Unlicensed.Count == 0)
        {
            return null;
        }

        var found = summary.Discovery.Where(s => !s.Watched).Sum(s => s.NewlyFound.Count);
        var fresh = summary.Unlicensed.Count(u => u.New);
        var problems = summary.Discovery.Sum(s => s.Problems.Count);
        return $"Discovery: {ReportFormatting.Number(found)} republication(s) newly found on partners' sites; "
            + $"{ReportFormatting.Number(summary.Unlicensed.Count)} unlicensed republication(s) on watched sites ({ReportFormatting.Number(fresh)} new)"
            + (problems > 0 ? $"; {ReportFormatting.Number(problems)} source problem(s)" : string.Empty);
    }
}
