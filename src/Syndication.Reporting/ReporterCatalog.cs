namespace Syndication.Reporting;

/// <summary>Every reporter by its --format name. An unknown name is answered with the list of valid ones.</summary>
public static class ReporterCatalog
{
    public static IReadOnlyList<IReporter> All { get; } =
        [new ConsoleReporter(), new JsonReporter(), new JsonLinesReporter(), new JUnitReporter(), new HtmlReporter(), new CsvReporter(), new MarkdownReporter()];

    public static string ValidNames { get; } = string.Join(", ", All.Select(r => r.Format));

    public static IReporter Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Format, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ReportOptionsException($"unknown format '{name}'; valid formats: {ValidNames}");

    /// <summary>Reads a comma-separated list ("html,junit,json"), in order, without repeats.</summary>
    public static IReadOnlyList<IReporter> Parse(string formats)
    {
        var chosen = new List<IReporter>();
        foreach (var name in formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var reporter = Find(name);
            if (!chosen.Contains(reporter))
            {
                chosen.Add(reporter);
            }
        }

        return chosen.Count > 0 ? chosen : throw new ReportOptionsException($"--format needs a format; valid formats: {ValidNames}");
    }
}
