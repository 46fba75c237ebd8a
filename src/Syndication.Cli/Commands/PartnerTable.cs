using Spectre.Console;
using Syndication.Pipeline;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary>The per-partner summary table an audit ends with (on stderr, so stdout keeps the report): the console report's, with a total row.</summary>
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
        // On a terminal the table fits its width; in a log or a pipe it is never cut (Spectre would assume 80 columns).
        var terminal = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
        int? width = terminal ? console.Profile.Width : null;
        if (!terminal)
        {
            console.Profile.Width = 100_000;
        }

        console.Write(ConsoleReporter.PartnerTable(summary.Partners, summary.Counts, width, "Partners"));
    }
}
