using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
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
        var (pageWidth, originalWidth) = Columns(width);
        console.MarkupLine($"[bold]{Markup.Escape(Pad("PAGE", pageWidth))}  {(originalWidth > 0 ? Pad("VERDICT", VerdictWidth) + "  ORIGINAL" : "VERDICT")}[/]");
        // Without colour or a terminal's width, a page's lines are the markup's text: written as Spectre would write
        // them, without laying each out (measuring every character's cells was a third of the report's time).
        Action<string> line = colour || width is not null ? text => console.MarkupLine(text) : text => writer.Write(Markup.Remove(text) + "\n");
        foreach (var page in summary.Pages)
        {
            WritePage(line, page, pageWidth, originalWidth);
        }

        console.WriteLine();
        WriteDiscovery(console, summary);
        if (summary.Partners.Count > 0)
        {
            console.Write(PartnerTable(summary.Partners, width: width));
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

    /// <summary>
    /// The page and original columns within a terminal's width (null: no limit): room is kept for the verdict and the
    /// change ("persisting"), so a page's line never wraps; too narrow for the original, the line leaves it out (0).
    /// </summary>
    internal static (int Page, int Original) Columns(int? width)
    {
        if (width is not { } w)
        {
            return (MaxPageWidth, int.MaxValue);
        }

        // Two spaces after the page, the verdict, two spaces and the longest change word; one column spare at the end.
        var rest = w - 2 - VerdictWidth - ChangeWidth - 1;
        if (rest >= MinPageWidth + 2 + MinOriginalWidth)
        {
            var page = Math.Clamp(rest * 3 / 5, MinPageWidth, MaxPageWidth);
            return (page, rest - page - 2);
        }

        return (Math.Max(8, rest + 1), 0);
    }

    private const int MinPageWidth = 20;

    private const int MinOriginalWidth = 16;

    /// <summary>"  persisting", "  unconfirmed": the longest change word a page line ends with (<see cref="PageFindings.ChangeWord"/>).</summary>
    private const int ChangeWidth = 12;

    private static void WritePage(Action<string> line, PageResult page, int pageWidth, int originalWidth)
    {
        var url = ReportFormatting.TruncateStart(TerminalText.Safe(page.Url), pageWidth);
        var original = originalWidth == 0 ? null
            : page.Original is null ? "-"
            : ReportFormatting.Truncate($"{TerminalText.Safe(page.Original.Title)} ({ReportFormatting.Percent(page.Original.Match)})", originalWidth);
        var verdict = VerdictNames.Of(page.Verdict);
        // Within a terminal's width the change is one word (its since and runs are on the requirement lines below).
        var change = originalWidth == int.MaxValue ? PageFindings.Change(page) : PageFindings.ChangeWord(page);
        var ending = (original is null ? string.Empty : "  " + Markup.Escape(original)) + (change.Length > 0 ? $"  [bold]{Markup.Escape(change)}[/]" : string.Empty);
        line($"{Markup.Escape(Pad(url, pageWidth))}  [{Colour(page.Verdict)}]{(original is null ? verdict : Pad(verdict, VerdictWidth))}[/]{ending}");
        foreach (var requirement in page.Requirements.Where(r => r.Status != Outcome.Pass))
        {
            var status = VerdictNames.Of(requirement.Status);
            var colour = requirement.Status == Outcome.Fail ? "red" : "yellow";
            line($"    {Markup.Escape(TerminalText.Safe(requirement.Id))}: [{colour}]{status}[/]{Markup.Escape(PageFindings.Suffix(requirement))}: {Markup.Escape(TerminalText.Safe(requirement.Message))}");
        }

        if (page.Error is { } error)
        {
            line($"    [magenta]error[/] ({Markup.Escape(TerminalText.Safe(error.Kind))}): {Markup.Escape(TerminalText.Safe(error.Message))}");
        }
        else if (page.Verdict == PageVerdict.NotApplicable && page.Note is { } note)
        {
            line($"    [grey]{Markup.Escape(TerminalText.Safe(note))}[/]");
        }

        if (page.Found is { } found)
        {
            line(found.New ? $"    [bold]{Markup.Escape(DiscoveryText.Found(found))}[/]" : $"    [grey]{Markup.Escape(DiscoveryText.Found(found))}[/]");
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

    /// <summary>The column headings, full and short: the short ones when the full ones do not fit the terminal.</summary>
    private static readonly string[] FullHeadings = ["PAGES", "COMPLIANT", "NON-COMPLIANT", "NEEDS REVIEW", "NOT APPLICABLE", "ERRORS"];

    private static readonly string[] ShortHeadings = ["PAGES", "OK", "FAIL", "REVIEW", "N/A", "ERR"];

    private static readonly string[] TinyHeadings = ["PAGES", "OK", "FAIL", "REV", "N/A", "ERR"];

    /// <summary>The narrowest a partner's name is cut to before the table gives way to a line per partner.</summary>
    private const int MinNameWidth = 10;

    /// <summary>
    /// The partners' counts, one row each; with <paramref name="totals"/>, an "All" row under them (the audit's table on
    /// stderr). Within <paramref name="width"/> columns (a terminal's; null: no limit) it shrinks gracefully and never
    /// wraps a number: full headings, else short ones (OK, FAIL, N/A…), else no borders, else a line per partner; a long name is cut
    /// with an ellipsis rather than broken over lines.
    /// </summary>
    public static IRenderable PartnerTable(IReadOnlyList<PartnerSummary> partners, VerdictCounts? totals = null, int? width = null, string? title = null)
    {
        var rows = partners.Select(p => (Name: Markup.Escape(TerminalText.Safe(p.Name)), p.Counts)).ToList();
        if (totals is { } all)
        {
            rows.Add(("[bold]All[/]", all));
        }

        var names = Math.Max(7, partners.Count == 0 ? 3 : partners.Max(p => TerminalText.Safe(p.Name).Length));
        foreach (var (headings, bordered) in new[] { (FullHeadings, true), (ShortHeadings, true), (TinyHeadings, false) })
        {
            // A rounded table: one border at each end, one between columns, a space of padding each side of a cell; a
            // borderless one: a space after each cell. One column spare at the end of the line.
            var numbers = headings.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 1 : rows.Max(r => Cells(r.Counts)[i].Length))).Sum();
            var frame = bordered ? (3 * (headings.Length + 1)) + 1 : headings.Length + 1;
            var room = width is { } w ? w - 1 - frame - numbers : int.MaxValue;
            if (room >= Math.Min(names, MinNameWidth))
            {
                return Table(partners, totals, headings, bordered, Math.Min(names, room), title);
            }
        }

        // Too narrow for any table: a partner's name, then its counts packed into lines that fit ("512 fail" is never
        // split); without a width, one line each.
        var lines = new List<IRenderable>();
        if (title is not null)
        {
            lines.Add(new Markup($"[bold]{Markup.Escape(title)}[/]"));
        }

        foreach (var (name, counts) in rows)
        {
            if (width is not { } room)
            {
                lines.Add(new Markup($"{name}: {string.Join(", ", Line(counts).Select(c => c.Markup))}"));
                continue;
            }

            lines.Add(new Markup(name));
            var line = new List<(string Markup, string Plain)>();
            foreach (var count in Line(counts))
            {
                if (line.Count > 0 && 2 + line.Sum(c => c.Plain.Length + 2) + count.Plain.Length > room - 1)
                {
                    lines.Add(new Markup("  " + string.Join(", ", line.Select(c => c.Markup)) + ","));
                    line.Clear();
                }

                line.Add(count);
            }

            lines.Add(new Markup("  " + string.Join(", ", line.Select(c => c.Markup))));
        }

        return new Rows(lines);
    }

    private static Table Table(IReadOnlyList<PartnerSummary> partners, VerdictCounts? totals, string[] headings, bool bordered, int nameWidth, string? title)
    {
        var padding = bordered ? new Padding(1, 0, 1, 0) : new Padding(0, 0, 1, 0);
        var table = new Table().Border(bordered ? TableBorder.Rounded : TableBorder.None)
            .AddColumn(new TableColumn("PARTNER").Width(nameWidth).NoWrap().Padding(padding));
        foreach (var heading in headings)
        {
            table.AddColumn(new TableColumn(heading).RightAligned().NoWrap().Padding(padding));
        }

        foreach (var partner in partners)
        {
            table.AddRow([Markup.Escape(ReportFormatting.Truncate(TerminalText.Safe(partner.Name), nameWidth)), .. Counts(partner.Counts)]);
        }

        if (totals is { } t)
        {
            table.AddRow(["[bold]All[/]", .. Counts(t)]);
        }

        if (title is not null)
        {
            table.Title(title);
        }

        return table;
    }

    /// <summary>A row's numbers as text, without colour (to measure them).</summary>
    private static string[] Cells(VerdictCounts c) =>
        [ReportFormatting.Number(c.Pages), .. Enum.GetValues<PageVerdict>().Select(v => ReportFormatting.Number(c.Count(v)))];

    /// <summary>"9 pages", "3 ok", "4 fail", "1 review", "1 n/a", "0 err": a partner's counts, each as markup and as shown.</summary>
    private static IEnumerable<(string Markup, string Plain)> Line(VerdictCounts c) =>
        Enum.GetValues<PageVerdict>()
            .Select((v, i) => (Count(c.Count(v), CountColour(v)) + " " + ShortHeadings[i + 1].ToLowerInvariant(), $"{ReportFormatting.Number(c.Count(v))} {ShortHeadings[i + 1].ToLowerInvariant()}"))
            .Prepend(($"{ReportFormatting.Number(c.Pages)} pages", $"{ReportFormatting.Number(c.Pages)} pages"));

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
