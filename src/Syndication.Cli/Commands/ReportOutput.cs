using System.Text;
using Syndication.Pipeline;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary>Turns --format and --output into reporters and writes the report to a file (atomically) or stdout.</summary>
public static class ReportOutput
{
    public static IReadOnlyList<IReporter> All { get; } = [new PlainConsoleReporter(), new JsonReporter()];

    public static List<IReporter> ParseFormats(string formats, string? output)
    {
        var chosen = new List<IReporter>();
        foreach (var name in formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var reporter = All.FirstOrDefault(r => string.Equals(r.Format, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"unknown format '{name}'; valid formats: {string.Join(", ", All.Select(r => r.Format))}");
            if (!chosen.Contains(reporter))
            {
                chosen.Add(reporter);
            }
        }

        if (chosen.Count == 0)
        {
            throw new UsageException($"--format needs a format; valid formats: {string.Join(", ", All.Select(r => r.Format))}");
        }

        if (chosen.Count > 1 && output is not null)
        {
            throw new UsageException("--output takes one format; give several formats with --output-dir");
        }

        return chosen;
    }

    public static void Write(RunSummary summary, IReadOnlyList<IReporter> reporters, string? output, TextWriter stdout)
    {
        foreach (var reporter in reporters)
        {
            if (output is not null)
            {
                AtomicFile.Write(output, stream => reporter.Write(summary, stream));
                continue;
            }

            using var buffer = new MemoryStream();
            reporter.Write(summary, buffer);
            stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
            stdout.Flush();
        }
    }
}
