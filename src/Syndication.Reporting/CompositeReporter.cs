using Serilog;
using Syndication.Files;
using Syndication.Pipeline;

namespace Syndication.Reporting;

/// <summary>
/// Writes several reports from one summary: files atomically, the rest to standard output. A report that fails is
/// logged and the others are still written (BenchmarkDotNet's CompositeExporter does the same).
/// </summary>
public sealed class CompositeReporter(ILogger log)
{
    /// <summary>Writes every target; returns the ones that failed.</summary>
    public IReadOnlyList<ReportTarget> Write(RunSummary summary, IReadOnlyList<ReportTarget> targets, TextWriter stdout)
    {
        var failed = new List<ReportTarget>();
        foreach (var target in targets)
        {
            try
            {
                if (target.Path is { } path)
                {
                    AtomicFile.Write(path, stream => target.Reporter.Write(summary, stream));
                    log.Information("Wrote the {Format} report to {Path}", target.Reporter.Format, path);
                }
                else
                {
                    using var stream = new TextWriterStream(stdout);
                    target.Reporter.Write(summary, stream);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed.Add(target);
                log.Error("Could not write the {Format} report to {Path}: {Message}", target.Reporter.Format, target.Path ?? "standard output", FileProblems.IsFileProblem(e) ? FileProblems.Describe(e) : e.Message);
            }
        }

        return failed;
    }
}
