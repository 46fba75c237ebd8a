using System.CommandLine;
using Serilog;
using Syndication.Cli.Logging;
using Syndication.Partners;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary>
/// The options of every command that writes a run's reports (check, audit, merge, report): the formats, where they
/// go, and how much is logged; and how they combine with a partner list's settings (options win).
/// </summary>
public sealed class ReportOptionSet
{
    public Option<string> Format { get; } = new("--format")
    {
        Description = $"Report format(s), comma-separated: {ReporterCatalog.ValidNames}. One goes to standard output unless --output; several need --output-dir.",
        DefaultValueFactory = _ => "console",
        HelpName = "FORMATS",
    };

    public Option<string?> Output { get; } = new("--output")
    {
        Description = "Write the report to this file instead of standard output (with one format).",
        HelpName = "FILE",
    };

    public Option<string?> OutputDir { get; } = new("--output-dir")
    {
        Description = "Write each format to its file in this folder: report.txt, report.json, junit.xml, report.html, report.csv, report.md.",
        HelpName = "DIR",
    };

    public Option<string> JUnitCases { get; } = new("--junit-cases")
    {
        Description = "The JUnit report's cases: 'all' (a case per page) or 'findings' (a case per page that needs a look; a partner's compliant and quiet not-applicable pages one case each, counted).",
        DefaultValueFactory = _ => "all",
        HelpName = "all|findings",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log debug events to standard error.",
    };

    public IEnumerable<Option> All => [Format, Output, OutputDir, JUnitCases, Verbose];

    /// <summary>
    /// The reports to write, each file checked writable now, before any page is checked. A list's formats apply when
    /// --format is not given, its folder when neither --output nor --output-dir is.
    /// </summary>
    public IReadOnlyList<ReportTarget> Plan(ParseResult result, AuditSettings? settings = null)
    {
        var formats = result.GetValue(Format)!;
        if (settings is { Formats.Count: > 0 } && result.GetResult(Format) is null or { Implicit: true })
        {
            formats = string.Join(',', settings.Formats);
        }

        var output = result.GetValue(Output);
        var targets = ReportOutput.Plan(formats, output, result.GetValue(OutputDir) ?? (output is null ? settings?.OutputDir : null));
        var findings = result.GetValue(JUnitCases) switch
        {
            "all" => false,
            "findings" => true,
            var other => throw new UsageException($"--junit-cases takes 'all' or 'findings', not '{other}'"),
        };
        if (findings)
        {
            targets = [.. targets.Select(t => t.Reporter is JUnitReporter ? t with { Reporter = new JUnitReporter { FindingsOnly = true } } : t)];
        }

        ReportOutput.CheckWritable(targets);
        return targets;
    }

    /// <summary>The log on standard error, with debug events under --verbose.</summary>
    public ILogger Log(ParseResult result, TextWriter stderr) => LogSetup.Create(result.GetValue(Verbose), stderr);
}
