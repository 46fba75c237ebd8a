using Serilog;
using Syndication.Files;
using Syndication.Pipeline;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary>
/// Turns --format, --output and --output-dir into report targets and writes them: files atomically, text formats
/// to stdout (the console table in colour on a terminal). Inside GitHub Actions, annotations go to stderr.
/// </summary>
public static class ReportOutput
{
    public static IReadOnlyList<ReportTarget> Plan(string formats, string? output, string? outputDir)
    {
        try
        {
            return ReportPlan.Create(formats, output, outputDir);
        }
        catch (ReportOptionsException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>
    /// Checks before the first page that every report file can be written: an unwritable folder found after a night
    /// of checking would lose the night's reports.
    /// </summary>
    public static void CheckWritable(IReadOnlyList<ReportTarget> targets)
    {
        foreach (var target in targets)
        {
            if (target.Path is not { } path)
            {
                continue;
            }

            try
            {
                AtomicFile.CheckWritable(path);
            }
            catch (Exception e) when (FileProblems.IsFileProblem(e))
            {
                throw new UsageException($"cannot write the {target.Reporter.Format} report to {path}: {FileProblems.Describe(e)}");
            }
        }
    }

    /// <summary>Writes every report; one that fails is logged and the others are still written. Returns the ones that failed.</summary>
    public static IReadOnlyList<ReportTarget> Write(
        RunSummary summary, IReadOnlyList<ReportTarget> targets, TextWriter stdout, TextWriter stderr, ILogger log, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var colour = ConsoleColour.Enabled(!terminal, environment);
        var resolved = targets
            .Select(t => t.Path is null && t.Reporter is ConsoleReporter && terminal ? t with { Reporter = new ConsoleReporter(colour, ConsoleWidth()) } : t)
            .ToList();
        var reporter = new CompositeReporter(log);
        var failed = new List<ReportTarget>();
        for (var i = 0; i < resolved.Count; i++)
        {
            failed.AddRange(reporter.Write(summary, [resolved[i]], stdout));
            if (i == 0 && resolved.Count > 1)
            {
                RunPhase.Reached(RunPhase.MidReport);
            }
        }

        if (GitHubAnnotations.Active(environment))
        {
            GitHubAnnotations.Write(summary, stderr);
        }

        return failed;
    }

    private static int? ConsoleWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
