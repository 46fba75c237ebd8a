using Spectre.Console;
using Syndication.Pipeline;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary>The per-partner summary table an audit ends with (on stderr, so stdout keeps the report).</summary>
public static class PartnerTable
{
    public static void Write(RunSummary summary, TextWriter writer, bool colour)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var table = new Table().Title("Partners").AddColumns("Partner", "Pages", "Compliant", "Non-compliant", "Needs review", "Not applicable", "Errors");
        foreach (var partner in summary.Partners)
        {
            var c = partner.Counts;
            table.AddRow(
                Markup.Escape(TerminalText.Safe(partner.Name)),
                Number(c.Pages),
                Number(c.Compliant),
                c.NonCompliant > 0 ? $"[red]{c.NonCompliant}[/]" : "0",
                c.NeedsReview > 0 ? $"[yellow]{c.NeedsReview}[/]" : "0",
                Number(c.NotApplicable),
                c.Errors > 0 ? $"[grey]{c.Errors}[/]" : "0");
        }

        var t = summary.Counts;
        table.AddRow("[bold]All[/]", Number(t.Pages), Number(t.Compliant), Number(t.NonCompliant), Number(t.NeedsReview), Number(t.NotApplicable), Number(t.Errors));
        console.Write(table);
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
