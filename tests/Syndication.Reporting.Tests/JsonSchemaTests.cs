using System.Text.Json.Nodes;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>The JSON report against its published schema (docs/report.schema.json), held strictly: every field documented.</summary>
public sealed class JsonSchemaTests
{
    [TestCase("report.json")]
    [TestCase("discovery-report.json")]
    public void The_golden_reports_follow_the_schema(string golden) =>
        Assert.That(ReportSchema.Problems(File.ReadAllText(RepoPaths.Golden(golden))), Is.Empty);

    [Test]
    public void Reports_of_every_kind_of_run_follow_the_schema()
    {
        Assert.That(ReportSchema.Problems(Render.Text(new JsonReporter(), SampleRuns.Audit())), Is.Empty);
        Assert.That(ReportSchema.Problems(Render.Text(new JsonReporter(), SampleRuns.Discovery())), Is.Empty);
        var empty = Pipeline.RunSummary.Create(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], complete: false);
        Assert.That(ReportSchema.Problems(Render.Text(new JsonReporter(), empty)), Is.Empty);
    }

    [Test]
    public void A_rendered_page_with_its_screenshots_follows_the_schema()
    {
        var pages = SampleRuns.Pages();
        var at = pages.FindIndex(p => p.Verdict == Verdicts.PageVerdict.NonCompliant);
        var sha = new string('e', 64);
        pages[at] = pages[at] with
        {
            Rendered = new Rendering.RenderFacts
            {
                Why = "--render always",
                Requests = 3,
                Elements = 120,
                Hidden = 4,
                Screenshots = [new Rendering.Screenshot { Name = "article", Sha256 = sha, Bytes = 10, Width = 800, Height = 600, Outlined = ["logo: img"] }],
            },
        };
        var report = JsonNode.Parse(Render.Text(new JsonReporter(), SampleRuns.Summary(pages)))!;
        Assert.That(ReportSchema.Problems(report.ToJsonString()), Is.Empty);
        report["pages"]![at]!["rendered"]!["screenshots"]![0]!["sha256"] = "not a hash";
        Assert.That(ReportSchema.Problems(report.ToJsonString()), Is.Not.Empty);
    }

    [TestCase("/pages/1/verdict", "\"failing\"")]
    [TestCase("/pages/1/requirements/0/status", "\"bad\"")]
    [TestCase("/summary/pages", "-1")]
    [TestCase("/startedAt", "\"yesterday\"")]
    [TestCase("/pages/0/undocumented", "1")]
    [TestCase("/pages/1/requirements/0/evidence/0/selector", "null")]
    [TestCase("/schemaVersion", "2")]
    public void A_report_that_breaks_the_contract_is_refused(string pointer, string value)
    {
        // Otherwise a green validation would prove nothing.
        var report = JsonNode.Parse(Render.Text(new JsonReporter(), SampleRuns.Audit()))!;
        var parts = pointer.Trim('/').Split('/');
        var parent = parts[..^1].Aggregate(report, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        parent.AsObject()[parts[^1]] = JsonNode.Parse(value);
        Assert.That(ReportSchema.Problems(report.ToJsonString()), Is.Not.Empty);
    }

    [Test]
    public void A_non_compliant_page_without_a_failed_requirement_is_refused()
    {
        var report = JsonNode.Parse(Render.Text(new JsonReporter(), SampleRuns.Audit()))!;
        report["pages"]![1]!["requirements"]![0]!["status"] = "pass";
        Assert.That(ReportSchema.Problems(report.ToJsonString()), Is.Not.Empty);
    }
}
