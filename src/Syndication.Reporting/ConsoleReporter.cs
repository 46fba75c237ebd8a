using System.Text;
using Spectre.Console;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// A table for a person: each page with its verdict, and under it one line per requirement that did not pass, with
/// its reason; then the partners and the totals. Colour only when asked (an interactive terminal); page text is
/// escaped for the terminal (<see cref="TerminalText"/>) and for Spectre markup, so it can neither move the cursor
/// nor be read as markup. Rows are written as they come, with fixed column widths, so pages are never held.
/// </summary>
public sealed class ConsoleReporter(bool colour = false, int? width = null) : IReporter
{
    private const int VerdictWidth = 14;
    private const int MaxPageWidth = 70;

    public string Format => "console";

    public string FileName => "report.txt";


    public void Write(RunSummary summary, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width ?? 100_000;
        console.Profile.Capabilities.Unicode = true;
        var pageWidth = width is { } w ? Math.Clamp(w - VerdictWidth - 28, 20, MaxPageWidth) : MaxPageWidth;
        var originalWidth = width is { } total ? Math.Max(10, total - pageWidth - VerdictWidth - 4) : int.MaxValue;

        console.MarkupLine($"[bold]{Markup.Escape(Pad("PAGE", pageWidth))}  {Pad("VERDICT", VerdictWidth)}  ORIGINAL[/]");
        foreach (var page in summary.Pages)
        {
            WritePage(console, page, pageWidth, originalWidth);
        }

        console.WriteLine();
        WriteDiscovery(console, summary);
        if (summary.Partners.Count > 0)
        {
            console.Write(PartnerTable(summary.Partners));
        }

        console.MarkupLine(Totals(summary.Counts));
        if (DiscoveryText.Totals(summary) is { } discovery)
        {
            console.MarkupLine(Markup.Escape(discovery));
        }

        if (!summary.Complete)
        {
            console.MarkupLine("[yellow]The run was stopped before every page was checked.[/]");
        }

        writer.Flush();
    }

    private static void WritePage(IAnsiConsole console, PageResult page, int pageWidth, int originalWidth)
    {
        var url = ReportFormatting.TruncateStart(TerminalText.Safe(page.Url), pageWidth);
        var original = page.Original is null
            ? "-"
            : ReportFormatting.Truncate($"{TerminalText.Safe(page.Original.Title)} ({ReportFormatting.Percent(page.Original.Match)})", originalWidth);
        var verdict = VerdictNames.Of(page.Verdict);
        var change = PageFindings.Change(page);
        console.MarkupLine($"{Markup.Escape(Pad(url, pageWidth))}  [{Colour(page.Verdict)}]{Pad(verdict, VerdictWidth)}[/]  {Markup.Escape(original)}{(change.Length > 0 ? $"  [bold]{Markup.Escape(change)}[/]" : string.Empty)}");
        foreach (var requirement in page.Requirements.Where(r => r.Status != Outcome.Pass))
        {
            var status = VerdictNames.Of(requirement.Status);
            var colour = requirement.Status == Outcome.Fail ? "red" : "yellow";
            console.MarkupLine($"    {Markup.Escape(TerminalText.Safe(requirement.Id))}: [{colour}]{status}[/]{Markup.Escape(PageFindings.Suffix(requirement))}: {Markup.Escape(TerminalText.Safe(requirement.Message))}");
        }

        if (page.Error is { } error)
        {
            console.MarkupLine($"    [magenta]error[/] ({Markup.Escape(TerminalText.Safe(error.Kind))}): {Markup.Escape(TerminalText.Safe(error.Message))}");
        }
        else if (page.Verdict == PageVerdict.NotApplicable && page.Note is { } note)
        {
            console.MarkupLine($"    [grey]{Markup.Escape(TerminalText.Safe(note))}[/]");
        }

        if (page.Found is { } found)
        {
            console.MarkupLine(found.New ? $"    [bold]{Markup.Escape(DiscoveryText.Found(found))}[/]" : $"    [grey]{Markup.Escape(DiscoveryText.Found(found))}[/]");
        }
    }

    /// <summary>What discovery did per site (its newly found republications and source problems), then the unlicensed republications.</summary>
    private static void WriteDiscovery(IAnsiConsole console, RunSummary summary)
    {
        if (summary.Discovery.Count > 0)
        {
            console.MarkupLine("[bold]DISCOVERY[/]");
            foreach (var site in summary.Discovery)
            {
                console.MarkupLine($"  {Markup.Escape(TerminalText.Safe(site.Name))}{(site.Watched ? " (watched)" : string.Empty)}  {Markup.Escape(TerminalText.Safe(site.Site))}: {Markup.Escape(DiscoveryText.Account(site))}");
                if (!site.Watched)
                {
                    foreach (var found in site.NewlyFound)
                    {
                        console.MarkupLine($"    [green]+[/] {Markup.Escape(TerminalText.Safe(found.Url))}  \"{Markup.Escape(TerminalText.Safe(found.OriginalTitle))}\" ({VerdictNames.Of(found.Verdict)}) via {Markup.Escape(TerminalText.Safe(found.Via))}");
                    }
                }

                foreach (var problem in site.Problems)
                {
                    console.MarkupLine($"    [yellow]![/] {Markup.Escape(TerminalText.Safe(problem))}");
                }
            }

            console.WriteLine();
        }

        if (summary.Unlicensed.Count > 0)
        {
            console.MarkupLine("[bold]UNLICENSED REPUBLICATIONS[/] (watched sites: no licence)");
            foreach (var page in summary.Unlicensed)
            {
                var mark = page.New ? "[red bold]NEW[/]  " : "     ";
                console.MarkupLine($"  {mark}{Markup.Escape(TerminalText.Safe(page.Site))}  {Markup.Escape(TerminalText.Safe(page.Url))}: {Markup.Escape(DiscoveryText.Unlicensed(page))}");
            }

            console.WriteLine();
        }
    }

    /// <summary>The partners' counts, one row each; with <paramref name="totals"/>, an "All" row under them (the audit's table on stderr).</summary>
    public static Table PartnerTable(IReadOnlyList<PartnerSummary> partners, VerdictCounts? totals = null)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("PARTNER");
        foreach (var heading in new[] { "PAGES", "COMPLIANT", "NON-COMPLIANT", "NEEDS REVIEW", "NOT APPLICABLE", "ERRORS" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var partner in partners)
        {
            table.AddRow([Markup.Escape(TerminalText.Safe(partner.Name)), .. Counts(partner.Counts)]);
        }

        if (totals is { } t)
        {
            table.AddRow(["[bold]All[/]", .. Counts(t)]);
        }

        return table;
    }

    /// <summary>A row's cells: the pages, then one per verdict.</summary>
    private static IEnumerable<string> Counts(VerdictCounts c) =>
        [Count(c.Pages, null), .. Enum.GetValues<PageVerdict>().Select(v => Count(c.Count(v), CountColour(v)))];

    private static string Totals(VerdictCounts c) =>
        $"[bold]{ReportFormatting.Number(c.Pages)} page(s)[/]: " + ReportFormatting.Totals(c, (verdict, n) => Count(n, CountColour(verdict)));

    private static string Count(int count, string? colour) =>
        colour is null || count == 0 ? ReportFormatting.Number(count) : $"[{colour}]{ReportFormatting.Number(count)}[/]";

    /// <summary>The colour of a count of pages with the verdict (none for not applicable: nothing to do).</summary>
    private static string? CountColour(PageVerdict verdict) => verdict switch
    {
        PageVerdict.Compliant => "green",
        PageVerdict.NonCompliant => "red",
        PageVerdict.NeedsReview => "yellow",
        PageVerdict.NotApplicable => null,
        _ => "magenta",
    };

    private static string Colour(PageVerdict verdict) => verdict switch
    {
        PageVerdict.Compliant => "green",
        PageVerdict.NonCompliant => "red bold",
        PageVerdict.NeedsReview => "yellow",
        PageVerdict.NotApplicable => "grey",
        _ => "magenta",
    };

    private static string Pad(string text, int width) => text.Length >= width ? text : text + new string(' ', width - text.Length);
}
