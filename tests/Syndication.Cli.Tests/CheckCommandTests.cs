using System.Text.Json;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

public sealed class CheckCommandTests
{
    private static readonly string[] Pages = Directory.GetFiles(RepoPaths.Samples("pages"), "*.html").Order(StringComparer.Ordinal).ToArray();

    [Test]
    public async Task The_json_report_follows_schema_1_and_echoes_each_page_as_given()
    {
        using var folder = new TempFolder();
        var report = folder.File("report.json");
        var relative = Path.GetRelativePath(RepoPaths.Root, RepoPaths.Page("wordpress-compliant.html"));
        var result = await CliRunner.RunProcessAsync(["check", "--originals", RepoPaths.Feed, "--format", "json", "--output", report, relative, .. Pages]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("tool").GetProperty("name").GetString(), Is.EqualTo("syndication"));
        Assert.That(root.GetProperty("tool").GetProperty("version").GetString(), Is.EqualTo("0.1.0"));
        Assert.That(DateTimeOffset.Parse(root.GetProperty("startedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(DateTimeOffset.Parse(root.GetProperty("finishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        var pages = root.GetProperty("pages").EnumerateArray().ToList();
        Assert.That(pages, Has.Count.EqualTo(Pages.Length + 1));
        Assert.That(pages[0].GetProperty("url").GetString(), Is.EqualTo(relative), "a page is echoed as given");
        Assert.That(pages.Skip(1).Select(p => p.GetProperty("url").GetString()), Is.EqualTo(Pages));

        var summary = root.GetProperty("summary");
        Assert.That(summary.GetProperty("pages").GetInt32(), Is.EqualTo(pages.Count));
        foreach (var (field, verdict) in new[] { ("compliant", "compliant"), ("nonCompliant", "non-compliant"), ("needsReview", "needs-review"), ("notApplicable", "not-applicable"), ("errors", "error") })
        {
            Assert.That(summary.GetProperty(field).GetInt32(), Is.EqualTo(pages.Count(p => p.GetProperty("verdict").GetString() == verdict)), field);
        }

        var first = pages[0];
        Assert.That(first.GetProperty("verdict").GetString(), Is.EqualTo("compliant"));
        Assert.That(first.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var original = first.GetProperty("original");
        Assert.That(original.GetProperty("title").GetString(), Is.EqualTo("Iran Sending Hundreds Of Armed Drones To Russia"));
        Assert.That(original.GetProperty("reporters").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "Micaela Burrow" }));
        Assert.That(original.GetProperty("match").GetDouble(), Is.InRange(0.5, 1.0));
        var requirements = first.GetProperty("requirements").EnumerateArray().ToList();
        Assert.That(requirements.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { "logo", "byline", "affiliation" }));
        foreach (var requirement in requirements)
        {
            Assert.That(requirement.GetProperty("status").GetString(), Is.EqualTo("pass"));
            Assert.That(requirement.GetProperty("message").GetString(), Is.Not.Empty);
            var evidence = requirement.GetProperty("evidence").EnumerateArray().First();
            Assert.That(evidence.GetProperty("selector").GetString(), Is.Not.Empty);
            Assert.That(evidence.GetProperty("html").GetString(), Does.StartWith("<"));
            Assert.That(evidence.TryGetProperty("text", out _), Is.True);
        }

        Assert.That(pages.Select(p => p.GetProperty("verdict").GetString()), Is.All.AnyOf("compliant", "non-compliant", "needs-review", "not-applicable", "error"));
        Assert.That(pages.SelectMany(p => p.GetProperty("requirements").EnumerateArray()).Select(r => r.GetProperty("status").GetString()), Is.All.AnyOf("pass", "fail", "review"));
    }

    [Test]
    public async Task Json_on_stdout_is_only_the_report_logs_go_to_stderr()
    {
        var result = await CliRunner.RunProcessAsync("check", "--verbose", "--originals", RepoPaths.Feed, "--format", "json", RepoPaths.Page("wordpress-compliant.html"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.DoesNotThrow(() => JsonDocument.Parse(result.Stdout));
        Assert.That(result.Stderr, Does.Contain("Loaded 4 original(s)").And.Contain("DBG"));
    }

    [Test]
    public async Task The_console_table_shows_each_page_and_each_failing_requirement_with_its_reason()
    {
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, RepoPaths.Page("wordpress-compliant.html"), RepoPaths.Page("wordpress-no-logo.html"), RepoPaths.Page("ghost-unrelated-article.html"));
        Assert.That(result.ExitCode, Is.EqualTo(1));
        var lines = result.Stdout.Split('\n');
        Assert.That(lines[0], Does.StartWith("PAGE").And.Contain("VERDICT"));
        Assert.That(lines.Single(l => l.Contains("wordpress-compliant.html", StringComparison.Ordinal)), Does.Contain(" compliant "));
        Assert.That(lines.Single(l => l.Contains("wordpress-no-logo.html", StringComparison.Ordinal)), Does.Contain(" non-compliant "));
        Assert.That(result.Stdout, Does.Contain("    logo: fail: no visible Daily Caller News Foundation logo"));
        Assert.That(result.Stdout, Does.Contain("not-applicable").And.Contain("republishes no known original"));
        Assert.That(lines.First(l => l.StartsWith("3 page(s)", StringComparison.Ordinal)), Does.Contain("1 compliant, 1 non-compliant"));
    }

    [TestCase("wordpress-compliant.html", 0)]
    [TestCase("ghost-unrelated-article.html", 0)]
    [TestCase("wordpress-affiliation-boilerplate-only.html", 0)]
    [TestCase("wordpress-no-logo.html", 1)]
    public async Task Exit_code_follows_the_worst_verdict(string page, int expected)
    {
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, RepoPaths.Page(page));
        Assert.That(result.ExitCode, Is.EqualTo(expected), result.Stdout + result.Stderr);
    }

    [Test]
    public async Task A_page_that_cannot_be_checked_gives_exit_code_2_and_the_other_pages_are_still_checked()
    {
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, "--format", "json", "/no/such/page.html", "http://127.0.0.1:1/closed", "ftp://example.com/x", "--allow-private-networks", RepoPaths.Page("wordpress-compliant.html"));
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.That(pages.Select(p => p.GetProperty("verdict").GetString()), Is.EqualTo(new[] { "error", "error", "error", "compliant" }));
        Assert.That(pages[0].GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("not-found"));
        Assert.That(pages[1].GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("connection"));
        Assert.That(pages[2].GetProperty("error").GetProperty("message").GetString(), Does.Contain("unsupported scheme 'ftp:'"));
    }

    [Test]
    public async Task A_non_compliant_page_wins_over_an_error()
    {
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, "/no/such/page.html", RepoPaths.Page("wordpress-no-logo.html"));
        Assert.That(result.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task File_uris_are_pages_too()
    {
        var uri = new Uri(RepoPaths.Page("wordpress-compliant.html")).AbsoluteUri;
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, "--format", "json", uri);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stdout);
        Assert.That(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pages")[0].GetProperty("url").GetString(), Is.EqualTo(uri));
    }

    [Test]
    public async Task Reporters_named_by_hand_check_a_page_without_its_original()
    {
        var page = RepoPaths.Page("wordpress-compliant.html");
        var named = await CliRunner.RunAsync("check", "--reporter", "Micaela Burrow", "--format", "json", page);
        var wrong = await CliRunner.RunAsync("check", "--reporter", "Harold Vance", "--format", "json", page);
        Assert.That(Byline(named.Stdout), Is.EqualTo("pass"));
        Assert.That(Byline(wrong.Stdout), Is.EqualTo("fail"));
        Assert.That(wrong.ExitCode, Is.EqualTo(1));

        static string? Byline(string json) =>
            JsonDocument.Parse(json).RootElement.GetProperty("pages")[0].GetProperty("requirements").EnumerateArray()
                .Single(r => r.GetProperty("id").GetString() == "byline").GetProperty("status").GetString();
    }

    [Test]
    public async Task A_profile_file_sets_the_requirements_checked()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("p.yaml"), "licensor: Daily Caller News Foundation\nnames: [Daily Caller News Foundation, DCNF]\nrequirements: [byline]\n");
        var result = await CliRunner.RunAsync("check", "--profile", folder.File("p.yaml"), "--originals", RepoPaths.Feed, "--format", "json", RepoPaths.Page("wordpress-no-logo.html"));
        Assert.That(result.ExitCode, Is.EqualTo(0), "the logo is not required by this profile");
        var requirements = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pages")[0].GetProperty("requirements");
        Assert.That(requirements.EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { "byline" }));
    }
}
