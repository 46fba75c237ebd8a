using System.Text.Json.Nodes;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>JSON Lines: the run and its counts first, then the JSON report's pages one a line, then the discovery.</summary>
public sealed class JsonLinesTests
{
    [Test]
    public void The_run_comes_first_then_each_page_as_the_json_report_has_it()
    {
        var summary = SampleRuns.Discovery();
        var lines = Render.Text(new JsonLinesReporter(), summary).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var report = JsonNode.Parse(Render.Text(new JsonReporter(), summary))!;
        var pages = report["pages"]!.AsArray();
        Assert.That(lines, Has.Length.EqualTo(1 + pages.Count + 1));

        var run = JsonNode.Parse(lines[0])!;
        Assert.That(run["kind"]!.GetValue<string>(), Is.EqualTo("run"));
        Assert.That(JsonNode.DeepEquals(run["summary"], report["summary"]), Is.True, "the counts before any page");
        Assert.That(run["startedAt"]!.GetValue<string>(), Is.EqualTo(report["startedAt"]!.GetValue<string>()));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(lines[1 + i]), pages[i]), Is.True, $"line {i + 2}");
        }

        var discovery = JsonNode.Parse(lines[^1])!;
        Assert.That(discovery["kind"]!.GetValue<string>(), Is.EqualTo("discovery"));
        Assert.That(JsonNode.DeepEquals(discovery["discovery"], report["discovery"]), Is.True);
        Assert.That(lines, Has.All.Not.Contain("\r"), "one object a line");
    }

    [Test]
    public void A_run_without_discovery_ends_with_its_last_page()
    {
        var summary = SampleRuns.Audit();
        var lines = Render.Text(new JsonLinesReporter(), summary).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1 + summary.Pages.Count));
        Assert.That(JsonNode.Parse(lines[^1])!["url"], Is.Not.Null);
    }
}
