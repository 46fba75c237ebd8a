using System.Text;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// GitHub Actions annotations for a run inside Actions (GITHUB_ACTIONS=true): ::error for a non-compliant page and for
/// a new unlicensed republication, ::warning for a page that could not be checked and for a discovery source problem. GitHub shows 10 of each per step, so after that one ::notice says
/// how many more there are. Values are escaped as GitHub's runner expects (% CR LF, and : , in properties).
/// </summary>
public static class GitHubAnnotations
{
    public const int MaxPerKind = 10;

    public static bool Active(Func<string, string?> environment) =>
        string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.Ordinal);

    /// <summary>Writes the annotations, one a line. The runner reads workflow commands from stdout and stderr alike.</summary>
    public static void Write(RunSummary summary, TextWriter writer)
    {
        int errors = 0, warnings = 0, more = 0;
        foreach (var page in summary.Pages)
        {
            var (command, count) = page.Verdict switch
            {
                PageVerdict.NonCompliant => ("error", ++errors),
                PageVerdict.Error => ("warning", ++warnings),
                _ => (null, 0),
            };
            if (command is null)
            {
                continue;
            }

            if (count > MaxPerKind)
            {
                more++;
                continue;
            }

            var title = $"{VerdictNames.Of(page.Verdict)}: {TerminalText.Safe(page.Partner ?? page.Url)}";
            writer.Write($"::{command} file={Property(page.Url)},title={Property(title)}::{Data($"{TerminalText.Safe(page.Url)}: {PageFindings.Reasons(page)}")}\n");
        }

        foreach (var page in summary.Unlicensed.Where(u => u.New))
        {
            if (++errors > MaxPerKind)
            {
                more++;
                continue;
            }

            writer.Write($"::error file={Property(page.Url)},title={Property($"unlicensed: {page.Site}")}::{Data($"{TerminalText.Safe(page.Url)}: {DiscoveryText.Unlicensed(page)}")}\n");
        }

        foreach (var problem in summary.Discovery.SelectMany(s => s.Problems))
        {
            if (++warnings > MaxPerKind)
            {
                more++;
                continue;
            }

            writer.Write($"::warning title={Property("discovery")}::{Data(TerminalText.Safe(problem))}\n");
        }

        if (more > 0)
        {
            writer.Write($"::notice title={Property("more findings")}::{Data($"{more} more page(s) that are non-compliant, unlicensed or could not be checked, or source problems: see the reports")}\n");
        }

        writer.Flush();
    }

    /// <summary>The message after "::": % CR LF encoded.</summary>
    public static string Data(string text) => Encode(text, property: false);

    /// <summary>A property value (file=, title=): also : and , encoded.</summary>
    public static string Property(string text) => Encode(TerminalText.Safe(text), property: true);

    private static string Encode(string text, bool property)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                ':' when property => "%3A",
                ',' when property => "%2C",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
