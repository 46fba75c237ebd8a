using System.Text;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// A readable table for a person: each page with its verdict, and under it one line per requirement that did not
/// pass, with its reason. Plain text (no colour): safe to redirect to a file.
/// </summary>
public sealed class PlainConsoleReporter : IReporter
{
    public string Format => "console";

    public string FileName => "report.txt";

    public void Write(RunSummary summary, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        Write(summary, writer);
    }

    public static void Write(RunSummary summary, TextWriter writer)
    {
        var pages = summary.Pages;
        var width = Math.Clamp(pages.Count == 0 ? 4 : pages.Max(p => TerminalText.Safe(p.Url).Length), 4, 70);
        writer.WriteLine($"{Pad("PAGE", width)}  {Pad("VERDICT", 14)}  ORIGINAL");
        foreach (var page in pages)
        {
            var url = TerminalText.Safe(page.Url);
            if (url.Length > width)
            {
                url = "…" + url[^(width - 1)..];
            }

            var original = page.Original is null ? "-" : $"{TerminalText.Safe(page.Original.Title)} ({ReportFormatting.Number(page.Original.Match * 100, "0")}%)";
            writer.WriteLine($"{Pad(url, width)}  {Pad(VerdictNames.Of(page.Verdict), 14)}  {original}");
            foreach (var requirement in page.Requirements.Where(r => r.Status != Outcome.Pass))
            {
                writer.WriteLine($"    {requirement.Id}: {VerdictNames.Of(requirement.Status)}: {TerminalText.Safe(requirement.Message)}");
            }

            if (page.Error is { } error)
            {
                writer.WriteLine($"    error ({error.Kind}): {TerminalText.Safe(error.Message)}");
            }
            else if (page.Verdict == PageVerdict.NotApplicable && page.Note is { } note)
            {
                writer.WriteLine($"    {TerminalText.Safe(note)}");
            }
        }

        var c = summary.Counts;
        writer.WriteLine();
        writer.WriteLine($"{c.Pages} page(s): {c.Compliant} compliant, {c.NonCompliant} non-compliant, {c.NeedsReview} needs review, {c.NotApplicable} not applicable, {c.Errors} error(s)");
    }

    private static string Pad(string text, int width) => text.Length >= width ? text : text + new string(' ', width - text.Length);
}
