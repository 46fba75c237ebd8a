using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary><c>report --run ID</c> renders a past run again from the history alone: the pages' files may be long gone.</summary>
public sealed class PastRunReportTests
{
    [Test]
    public async Task A_past_run_is_rendered_again_exactly_as_the_audit_wrote_it_without_fetching()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.Page("first-name.html", "blox-first-name-only.html");
        folder.Page("review.html", "blox-affiliation-boilerplate-only.html");
        folder.Page("unrelated.html", "ghost-unrelated-article.html");
        folder.WriteList(
            [("Plains Reporter", ["good.html", "no-logo.html", "gone.html"]), ("Tri-County Herald", ["first-name.html", "review.html", "unrelated.html"])],
            "  - partner: Tri-County Herald\n    requirement: byline\n    reason: r\n    agreedBy: a\n    expires: 2027-01-31\n");
        // A clock that moves a second each time it is read: the run's start and end and each fetch's time must come
        // back exactly as they were written, whichever part of the run read them.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var first = folder.File("night-1");
        var audit = await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History, "--format", "json,html", "--output-dir", first);
        Assert.That(audit.ExitCode, Is.EqualTo(1), audit.Stderr);

        // A second night, so run 1 is not simply the latest.
        clock.Advance(TimeSpan.FromDays(1));
        folder.Page("no-logo.html", "wordpress-compliant.html");
        var second = folder.File("night-2");
        audit = await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History, "--format", "json,html", "--output-dir", second);
        Assert.That(audit.ExitCode, Is.EqualTo(2), audit.Stderr);

        foreach (var page in Directory.GetFiles(folder.Path, "*.html"))
        {
            File.Delete(page);
        }

        JsonNode? first1(int i) => JsonNode.Parse(File.ReadAllText(Path.Combine(first, "report.json")))!["pages"]![i];
        static void Unvolatile(JsonNode page)
        {
            if (page["fetch"] is JsonObject fetch)
            {
                fetch.Remove("fetchedAt");
                fetch.Remove("elapsedMs");
                fetch.Remove("fromCache");
            }
        }

        foreach (var (run, reports) in new[] { (1, first), (2, second) })
        {
            var again = folder.File($"again-{run}");
            var result = await CliRunner.RunAsync("report", "--run", run.ToString(System.Globalization.CultureInfo.InvariantCulture), "--history", folder.History, "--format", "json,html", "--output-dir", again);
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
            var original = JsonNode.Parse(File.ReadAllText(Path.Combine(reports, "report.json")))!;
            var rendered = JsonNode.Parse(File.ReadAllText(Path.Combine(again, "report.json")))!;
            var (pages, written) = (rendered["pages"]!.AsArray(), original["pages"]!.AsArray());
            Assert.That(pages, Has.Count.EqualTo(6));
            for (var i = 0; i < pages.Count; i++)
            {
                if (run == 2 && pages[i]!["url"]!.GetValue<string>() != "no-logo.html")
                {
                    // A page unchanged since run 1 is kept once: its fetch's time and duration are those of run 1.
                    Assert.That(pages[i]!["fetch"]?["elapsedMs"]?.ToJsonString(), Is.EqualTo(first1(i)?["fetch"]?["elapsedMs"]?.ToJsonString()), $"page {i}: the fetch of the night it was recorded");
                    Unvolatile(pages[i]!);
                    Unvolatile(written[i]!);
                }

                Assert.That(JsonNode.DeepEquals(pages[i], written[i]), Is.True, $"run {run}, page {i} again:\n{pages[i]!.ToJsonString()}\nwas:\n{written[i]!.ToJsonString()}");
            }

            rendered.AsObject().Remove("pages");
            original.AsObject().Remove("pages");
            Assert.That(rendered.ToJsonString(), Is.EqualTo(original.ToJsonString()), $"run {run}: the run's times, counts and completeness");
            if (run == 1)
            {
                Assert.That(File.ReadAllText(Path.Combine(again, "report.html")), Is.EqualTo(File.ReadAllText(Path.Combine(reports, "report.html"))), $"run {run}: the HTML report again");
            }
        }

        // What a re-rendered report says comes from the run, not from now: run 1 had the violation, run 2 its fix.
        var stdout = await CliRunner.RunAsync("report", "--run", "1", "--history", folder.History, "--format", "json");
        Assert.That(JsonReport.Parse(stdout.Stdout).Page("no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"));
        stdout = await CliRunner.RunAsync("report", "--history", folder.History, "--format", "json");
        Assert.That(JsonReport.Parse(stdout.Stdout).Page("no-logo.html").GetProperty("change").GetString(), Is.EqualTo("fixed"), "default: the latest run");
    }

    [Test]
    public async Task A_run_that_is_not_in_the_history_is_a_usage_error()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.WriteList([("Plains Reporter", ["good.html"])]);
        Assert.That((await CliRunner.RunAsync("audit", folder.List, "--history", folder.History)).ExitCode, Is.EqualTo(0));

        var result = await CliRunner.RunAsync("report", "--run", "7", "--history", folder.History, "--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("no run 7 in " + folder.History));
        result = await CliRunner.RunAsync("report", "--run", "1", "--history", folder.File("none.db"), "--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("no history at " + folder.File("none.db")));
        Assert.That(File.Exists(folder.File("none.db")), Is.False, "reading a history never creates one");
    }
}
