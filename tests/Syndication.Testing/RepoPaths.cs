namespace Syndication.Testing;

/// <summary>Finds files of this repository (samples, fixtures, goldens) from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Syndication.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Syndication.sln) above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Samples(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    public static string Fixtures(params string[] parts) => Path.Combine([Root, "tests", "fixtures", .. parts]);

    /// <summary>The sample originals feed.</summary>
    public static string Feed => Samples("originals", "feed.xml");

    /// <summary>A sample partner page.</summary>
    public static string Page(string name) => Samples("pages", name);

    public static string Golden(string name) => Path.Combine(Root, "tests", "Syndication.Reporting.Tests", "golden", name);

    /// <summary>The JSON report's schema (docs/report.schema.json).</summary>
    public static string ReportSchema => Path.Combine(Root, "docs", "report.schema.json");

    public static string Schema(string name) => Path.Combine(Root, "tests", "Syndication.Reporting.Tests", "Schemas", name);
}
