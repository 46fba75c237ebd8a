using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndication.Cli.Tests.Support;

/// <summary>A JSON report (schema 1) read back: its pages by file name or URL, and a form to compare runs with.</summary>
public sealed class JsonReport
{
    private JsonReport(string text)
    {
        Text = text;
        Root = JsonDocument.Parse(text).RootElement;
        // Every report a test reads follows the published schema.
        Assert.That(ReportSchema.Problems(text), Is.Empty, "docs/report.schema.json");
    }

    public string Text { get; }

    public JsonElement Root { get; }

    public IReadOnlyList<JsonElement> Pages => Root.GetProperty("pages").EnumerateArray().ToList();

    public bool Complete => Root.GetProperty("complete").GetBoolean();

    public static JsonReport Parse(string text) => new(text);

    public static JsonReport Load(string path) => new(File.ReadAllText(path));

    /// <summary>The one page whose url ends with <paramref name="end"/> (a file name or a URL path).</summary>
    public JsonElement Page(string end)
    {
        var matches = Pages.Where(p => p.GetProperty("url").GetString()!.EndsWith(end, StringComparison.Ordinal)).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"pages ending in {end}");
        return matches[0];
    }

    /// <summary>The requirement of a page by id (logo, byline, affiliation).</summary>
    public static JsonElement Requirement(JsonElement page, string id) =>
        page.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    /// <summary>The pages array with the per-page fetch timing removed: what two runs of the same pages must agree on.</summary>
    public JsonArray PagesWithoutTiming()
    {
        var pages = JsonNode.Parse(Text)!["pages"]!.AsArray();
        foreach (var page in pages)
        {
            if (page!["fetch"] is JsonObject fetch)
            {
                fetch.Remove("elapsedMs");
                fetch.Remove("fetchedAt");
            }
        }

        return pages;
    }
}
