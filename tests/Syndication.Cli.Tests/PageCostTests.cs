using System.Text;
using System.Text.RegularExpressions;
using Syndication.Cli.Tests.Support;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// No page costs more than its limits, through the real executable: a tree deeper or larger than a browser keeps is
/// too-complex at once, huge attributes are judged as the page without them, judging that runs past the page's CPU
/// time is too-complex, and the run's budget stops a page half-judged, so --budget always ends the run on time.
/// </summary>
public sealed partial class PageCostTests
{
    [Test]
    public async Task Deep_and_huge_trees_are_too_complex_and_huge_attributes_change_no_verdict()
    {
        using var folder = new TempFolder();
        var pages = new Dictionary<string, string>
        {
            ["deep.html"] = Wrapped(Repeat("<div>", 100_000), string.Empty),
            ["siblings.html"] = Wrapped(string.Empty, Repeat("<i>x</i>", 200_000)),
            ["attribute.html"] = Wrapped($"<div data-x=\"{new string('a', 2_000_000)}\">x</div>", string.Empty),
            ["alt.html"] = Wrapped($"<img src=\"a.png\" alt=\"{Repeat("Daily Caller ", 100_000)}\">", string.Empty),
            ["classes.html"] = Wrapped($"<div class=\"{Repeat("c ", 500_000)}\">x</div>", string.Empty),
            ["style.html"] = Wrapped($"<div style=\"{Repeat("color:red;", 100_000)}\">x</div>", string.Empty),
        };
        foreach (var (name, html) in pages)
        {
            await File.WriteAllTextAsync(folder.File(name), html);
        }

        var result = await CliRunner.RunProcessAsync(["check", "--originals", RepoPaths.Feed, "--format", "json", .. pages.Keys.Select(folder.File)]);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Errors), result.Stderr);
        var report = JsonReport.Parse(result.Stdout);
        AssertTooComplex(report.Page("deep.html"), "nests elements 512 levels deep");
        AssertTooComplex(report.Page("siblings.html"), "more than 100,000 elements");
        foreach (var name in new[] { "attribute.html", "alt.html", "classes.html", "style.html" })
        {
            Assert.That(report.Page(name).GetProperty("verdict").GetString(), Is.EqualTo("compliant"), name + " is the compliant sample page with one huge attribute");
        }
    }

    [Test]
    public async Task Judging_past_the_pages_cpu_time_is_too_complex_and_the_budget_stops_a_page_half_judged()
    {
        using var folder = new TempFolder();
        var slow = folder.File("slow.html");
        await File.WriteAllTextAsync(slow, SlowToJudge());

        // --timeout is also the CPU time a page's parsing and judging may take.
        var check = await CliRunner.RunProcessAsync("check", "--originals", RepoPaths.Feed, "--format", "json", "--timeout", "1", slow);
        Assert.That(check.ExitCode, Is.EqualTo(ExitCodes.Errors), check.Stderr);
        AssertTooComplex(JsonReport.Parse(check.Stdout).Page("slow.html"), "more than 1 s of CPU time");

        // With a generous timeout the run's budget (3 s) is what stops it: the page is reported budget, on time.
        await File.WriteAllTextAsync(folder.File("partners.yaml"), $"settings:\n  originals: [\"{RepoPaths.Feed}\"]\npartners:\n  - name: Slow\n    pages: [\"{slow}\"]\n");
        // (How soon after the budget the run ends is measured by bench --budget, not asserted here: tests are not timed.)
        var audit = await CliRunner.RunProcessAsync("audit", folder.File("partners.yaml"), "--no-history", "--format", "json", "--timeout", "600", "--budget", "0.05");
        Assert.That(audit.ExitCode, Is.EqualTo(ExitCodes.Errors), audit.Stderr);
        var page = JsonReport.Parse(audit.Stdout).Page("slow.html");
        Assert.That(page.GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("budget"), "judging the page whole takes minutes; the budget ended it");
    }

    [Test]
    public async Task With_a_budget_two_100000_deep_pages_among_100_normal_ones_hold_no_worker_and_every_normal_page_is_judged()
    {
        using var folder = new AuditFolder();
        var samples = Directory.GetFiles(RepoPaths.Samples("pages"), "*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var normal = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            normal.Add(folder.Page($"page-{i:D3}.html", samples[i % samples.Count]!));
        }

        await File.WriteAllTextAsync(folder.File("deep-1.html"), Wrapped(Repeat("<div>", 100_000), string.Empty));
        await File.WriteAllTextAsync(folder.File("deep-2.html"), Wrapped(Repeat("<span>", 100_000), string.Empty));
        folder.WriteList([("Deep Partner", ["deep-1.html", .. normal.Take(50).Select(Path.GetFileName)!, "deep-2.html"]), ("Other Partner", [.. normal.Skip(50).Select(Path.GetFileName)!])]);

        // The run's wall time against the budget is bench --budget's to measure; here, what the run reports.
        var result = await CliRunner.RunProcessAsync("audit", folder.List, "--no-history", "--format", "json", "--budget", "0.5");

        Assert.That(result.ExitCode, Is.Not.EqualTo(ExitCodes.Usage), result.Stderr);
        var report = JsonReport.Parse(result.Stdout);
        Assert.That(report.Complete, Is.True);
        Assert.That(report.Pages.Select(p => p.TryGetProperty("error", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Object ? e.GetProperty("kind").GetString() : null), Has.None.EqualTo("budget"), "the deep pages held no worker until the budget ran out");
        AssertTooComplex(report.Page("deep-1.html"), "512 levels deep");
        AssertTooComplex(report.Page("deep-2.html"), "512 levels deep");
        var judged = report.Pages.Where(p => Path.GetFileName(p.GetProperty("url").GetString())!.StartsWith("page-", StringComparison.Ordinal)).ToList();
        Assert.That(judged, Has.Count.EqualTo(100));
        Assert.That(judged.Select(p => p.GetProperty("verdict").GetString()), Has.None.EqualTo("error"), "every normal page is judged");
    }

    private static void AssertTooComplex(System.Text.Json.JsonElement page, string why)
    {
        Assert.That(page.GetProperty("verdict").GetString(), Is.EqualTo("error"));
        Assert.That(page.GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("too-complex"));
        Assert.That(page.GetProperty("error").GetProperty("message").GetString(), Does.Contain(why));
    }

    /// <summary>The compliant WordPress sample with markup added right after &lt;body&gt; and right before &lt;/body&gt;.</summary>
    private static string Wrapped(string afterBody, string beforeEnd)
    {
        var sample = File.ReadAllText(RepoPaths.Page("wordpress-compliant.html"));
        sample = BodyStart().Replace(sample, m => m.Value + afterBody, 1);
        return sample.Replace("</body>", beforeEnd + "</body>", StringComparison.Ordinal);
    }

    /// <summary>
    /// A page within every size limit that takes minutes to judge: 20,000 hiding rules in its own style sheet, each
    /// matched against each of its 90,000 paragraphs.
    /// </summary>
    private static string SlowToJudge()
    {
        var rules = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            rules.Append(".a").Append(i).Append(" .b > .c { display: none }\n");
        }

        var sample = File.ReadAllText(RepoPaths.Page("wordpress-compliant.html")).Replace("</head>", $"<style>{rules}</style></head>", StringComparison.Ordinal);
        return BodyStart().Replace(sample, m => m.Value + Repeat("<p>w</p>", 90_000), 1);
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyStart();
}
