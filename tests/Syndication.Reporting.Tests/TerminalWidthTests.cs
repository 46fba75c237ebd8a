using System.Text.RegularExpressions;
using Spectre.Console;
using Syndication.Pipeline;
using Syndication.Verdicts;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>
/// The console report and the partner table within a terminal's width: at 80 columns and narrower, a page's line and
/// every row of the table stay on one line, and no number is cut or spilt; long names are cut with an ellipsis.
/// </summary>
public sealed partial class TerminalWidthTests
{
    private static readonly PartnerSummary[] Partners =
    [
        new("Plains Reporter", new VerdictCounts(1234, 400, 512, 300, 20, 2)),
        new("The Independent Gazette of Ste. Geneviève", new VerdictCounts(9, 3, 4, 1, 1, 0)),
        new("Civic Notes", new VerdictCounts(10000, 9999, 1, 0, 0, 0)),
    ];

    private static readonly VerdictCounts Totals = new(11243, 10402, 517, 301, 21, 2);

    [TestCase(120, "NON-COMPLIANT")]
    [TestCase(80, "FAIL")]
    [TestCase(60, "FAIL")]
    [TestCase(44, "REV")]
    public void The_partner_table_fits_the_width_one_row_per_partner_every_number_whole(int width, string heading)
    {
        var lines = Rendered(ConsoleReporter.PartnerTable(Partners, Totals, width, "Partners"), width);

        Assert.That(lines, Has.All.Length.LessThan(width), string.Join('\n', lines));
        Assert.That(lines, Has.Some.Contain(heading));
        foreach (var (partner, i) in Partners.Select((p, i) => (p, i)))
        {
            var row = lines.Single(l => l.Contains(partner.Name[..7], StringComparison.Ordinal));
            Assert.That(Numbers(row), Is.EqualTo(new[] { partner.Counts.Pages, partner.Counts.Compliant, partner.Counts.NonCompliant, partner.Counts.NeedsReview, partner.Counts.NotApplicable, partner.Counts.Errors }), row);
        }

        Assert.That(Numbers(lines.Single(l => l.Contains("All", StringComparison.Ordinal))), Is.EqualTo(new[] { 11243, 10402, 517, 301, 21, 2 }));
        Assert.That(lines, Has.Some.Contain(width >= 80 ? "The Independent Gazette of Ste" : "The Indep"), "a long name is kept as far as there is room");
    }

    [Test]
    public void Without_a_width_the_table_has_every_full_heading_and_name()
    {
        var lines = Rendered(ConsoleReporter.PartnerTable(Partners, Totals), 100_000);
        Assert.That(lines, Has.Some.Contain("NON-COMPLIANT").And.Some.Contain("NOT APPLICABLE"));
        Assert.That(lines, Has.Some.Contain("The Independent Gazette of Ste. Geneviève"));
    }

    [Test]
    public void Narrower_than_any_table_each_partner_is_its_name_and_its_counts_packed_whole()
    {
        var lines = Rendered(ConsoleReporter.PartnerTable(Partners, Totals, 30, "Partners"), 30);
        Assert.That(lines, Has.All.Length.LessThan(30), string.Join('\n', lines));
        var plains = lines.IndexOf("Plains Reporter");
        Assert.That(lines.Skip(plains + 1).Take(3), Is.EqualTo(new[] { "  1234 pages, 400 ok,", "  512 fail, 300 review,", "  20 n/a, 2 err" }), string.Join('\n', lines));
        Assert.That(string.Join(' ', lines), Does.Contain("11243 pages"));
    }

    [TestCase(80)]
    [TestCase(60)]
    [TestCase(45)]
    public void A_page_line_of_the_console_report_fits_the_width_with_its_verdict_and_change(int width)
    {
        var text = Render.Text(new ConsoleReporter(width: width), SampleRuns.Audit());
        var pages = SampleRuns.Audit().Pages;
        var lines = text.Split('\n');
        var pageLines = lines.Where(l => pages.Any(p => l.Contains(VerdictNames.Of(p.Verdict), StringComparison.Ordinal)) && !l.StartsWith(' ')).ToList();
        Assert.That(pageLines, Has.Count.GreaterThanOrEqualTo(pages.Count), text);
        Assert.That(pageLines, Has.All.Length.LessThan(width), text);
        Assert.That(pageLines, Has.Some.EndsWith("  new"), "the change stays on the page's line");
        Assert.That(lines.Where(l => !l.StartsWith(' ') && l.Length > 0), Has.All.Length.LessThan(width + 1), "headings and table too");
    }

    private static List<string> Rendered(Spectre.Console.Rendering.IRenderable renderable, int width)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = width;
        console.Write(renderable);
        return writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
    }

    private static int[] Numbers(string row) => Number().Matches(row).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex(@"(?<![\w.])\d+(?![\w.])")]
    private static partial Regex Number();
}
