namespace Syndication.Reporting;

/// <summary>
/// Which reports go where, from --format, --output and --output-dir. With neither file option, the one format goes to
/// standard output, whichever it is (html, junit and csv too: <c>report --format junit | tool</c>).
/// </summary>
public static class ReportPlan
{
    public static IReadOnlyList<ReportTarget> Create(string formats, string? output, string? outputDir)
    {
        var reporters = ReporterCatalog.Parse(formats);
        if (output is not null && outputDir is not null)
        {
            throw new ReportOptionsException("--output and --output-dir cannot be used together");
        }

        if (outputDir is not null)
        {
            return reporters.Select(r => new ReportTarget(r, Path.Combine(outputDir, r.FileName))).ToList();
        }

        if (reporters.Count > 1)
        {
            throw new ReportOptionsException(output is null
                ? "several formats need --output-dir DIR"
                : "--output takes one format; give several formats with --output-dir");
        }

        return [new ReportTarget(reporters[0], output)];
    }
}
