using System.Text.Json;

namespace Syndication.Cli.Tests.Support;

/// <summary>
/// Every JSON report a command-line run in the tests writes (to standard output, to --output or into --output-dir) is
/// held to the published schema (docs/report.schema.json), whatever the test itself looks at.
/// </summary>
internal static class WrittenReports
{
    /// <summary>The commands that write run reports; others (runs, history, originals list) print JSON of other shapes.</summary>
    private static readonly HashSet<string> ReportCommands = new(StringComparer.Ordinal) { "check", "audit", "report", "merge" };

    public static void Check(IReadOnlyList<string> args, CliRunner.Result result)
    {
        if (args.Count == 0 || !ReportCommands.Contains(args[0]))
        {
            return;
        }

        foreach (var (where, text) in JsonReports(args, result.Stdout))
        {
            Assert.That(ReportSchema.Problems(text), Is.Empty, $"the JSON report on {where} follows docs/report.schema.json");
        }
    }

    private static IEnumerable<(string Where, string Text)> JsonReports(IReadOnlyList<string> args, string stdout)
    {
        var formats = Option(args, "--format")?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (Option(args, "--output-dir") is { } folder)
        {
            var file = Path.Combine(folder, "report.json");
            if (File.Exists(file))
            {
                yield return (file, File.ReadAllText(file));
            }
        }
        else if (Option(args, "--output") is { } output)
        {
            if (formats is ["json"] && File.Exists(output))
            {
                yield return (output, File.ReadAllText(output));
            }
        }
        else if (formats.Contains("json") && IsJson(stdout))
        {
            yield return ("standard output", stdout);
        }
    }

    /// <summary>The value of an option given as "--name value" or "--name=value"; the last one wins.</summary>
    private static string? Option(IReadOnlyList<string> args, string name)
    {
        string? value = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                value = args[i][(name.Length + 1)..];
            }
        }

        return value;
    }

    /// <summary>Whether standard output is one JSON object (a test of a broken or cut-short run checks that itself).</summary>
    private static bool IsJson(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var _ = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
