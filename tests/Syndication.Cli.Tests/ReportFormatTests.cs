using System.Text.Json;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>--format with several formats, --output-dir, stdout rules, and annotations inside GitHub Actions.</summary>
public sealed class ReportFormatTests
{
    private static readonly string[] Pages = Directory.GetFiles(RepoPaths.Samples("pages"), "*.html").Order(StringComparer.Ordinal).ToArray();

    [Test]
    public async Task Output_dir_gets_every_format_in_its_own_file_and_all_agree_on_the_counts()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync(["check", "--originals", RepoPaths.Feed, "--format", "console,json,junit,html,csv,markdown", "--output-dir", folder.Path, .. Pages]);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(result.Stdout, Is.Empty, "every report went to its file");
        Assert.That(Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "junit.xml", "report.csv", "report.html", "report.json", "report.md", "report.txt" }));

        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("report.json")));
        var s = json.RootElement.GetProperty("summary");
        var (pages, compliant, nonCompliant) = (s.GetProperty("pages").GetInt32(), s.GetProperty("compliant").GetInt32(), s.GetProperty("nonCompliant").GetInt32());
        Assert.That(pages, Is.EqualTo(Pages.Length));
        var junit = System.Xml.Linq.XDocument.Load(folder.File("junit.xml")).Root!;
        Assert.That(junit.Attribute("tests")!.Value, Is.EqualTo(pages.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(junit.Descendants("failure").Count(), Is.EqualTo(nonCompliant));
        var csvPages = File.ReadAllLines(folder.File("report.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count();
        Assert.That(csvPages, Is.EqualTo(pages));
        var html = File.ReadAllText(folder.File("report.html"));
        Assert.That(CountOf(html, "<article class=\"page v-compliant\""), Is.EqualTo(compliant));
        var totals = $"{pages} page(s)**: {compliant} compliant, {nonCompliant} non-compliant";
        Assert.That(File.ReadAllText(folder.File("report.md")), Does.Contain(totals));
        Assert.That(File.ReadAllText(folder.File("report.txt")), Does.Contain(totals.Replace("**", string.Empty, StringComparison.Ordinal)));
    }

    [Test]
    public async Task Junit_cases_findings_lists_the_pages_that_need_a_look_and_counts_the_compliant_ones()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync(["check", "--originals", RepoPaths.Feed, "--format", "junit,json", "--junit-cases", "findings", "--output-dir", folder.Path, .. Pages]);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(folder.File("report.json")));
        var s = json.RootElement.GetProperty("summary");
        var junit = System.Xml.Linq.XDocument.Load(folder.File("junit.xml")).Root!;
        var cases = junit.Descendants("testcase").Select(c => c.Attribute("name")!.Value).ToList();
        Assert.That(junit.Descendants("failure").Count(), Is.EqualTo(s.GetProperty("nonCompliant").GetInt32()));
        // Without a partner, a page that republishes no original is no finding either: compliant and those, one case each.
        Assert.That(cases, Does.Contain("compliant pages").And.Contain("not-applicable pages"));
        Assert.That(cases, Has.Count.EqualTo(Pages.Length - s.GetProperty("compliant").GetInt32() - s.GetProperty("notApplicable").GetInt32() + 2));

        var wrong = await CliRunner.RunAsync(["check", "--originals", RepoPaths.Feed, "--format", "junit", "--junit-cases", "some", "--output", folder.File("j.xml"), .. Pages]);
        Assert.That(wrong.ExitCode, Is.EqualTo(3));
        Assert.That(wrong.Stderr.TrimEnd('\n'), Is.EqualTo("syndication: --junit-cases takes 'all' or 'findings', not 'some'"));
    }

    [Test]
    public async Task Every_format_goes_to_stdout_as_it_goes_to_its_file_csv_without_the_bom()
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        folder.Page("b.html", "wordpress-no-logo.html");
        folder.WriteList([("Herald", ["a.html", "b.html"])]);
        var audit = await CliRunner.RunProcessAsync("audit", folder.List, "--format", "json", "--output", folder.File("audit.json"));
        Assert.That(audit.ExitCode, Is.EqualTo(1), audit.Stderr);

        // The same stored run rendered twice, to the executable's stdout and to a file: byte for byte the same report.
        // (console, json, jsonl and markdown went to stdout before; these three were files only.)
        foreach (var format in new[] { "junit", "html", "csv" })
        {
            var piped = await CliRunner.RunProcessAsync("report", folder.List, "--format", format);
            Assert.That(piped.ExitCode, Is.EqualTo(0), format + ": " + piped.Stderr);
            var file = folder.File("report." + format);
            var written = await CliRunner.RunAsync("report", folder.List, "--format", format, "--output", file);
            Assert.That(written.ExitCode, Is.EqualTo(0), format + ": " + written.Stderr);
            var bytes = File.ReadAllBytes(file);
            var expected = format == "csv" ? bytes[3..] : bytes;
            if (format == "csv")
            {
                Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "the file keeps its BOM for Excel");
            }

            Assert.That(piped.Stdout, Is.EqualTo(System.Text.Encoding.UTF8.GetString(expected)), format);
            Assert.That(piped.Stdout, Does.Contain("b.html"), format);
        }
    }

    [Test]
    public async Task An_unknown_format_lists_every_valid_one()
    {
        var result = await CliRunner.RunAsync("check", "--format", "json,pdf", "--output-dir", "x", "x.html");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr.TrimEnd('\n'), Is.EqualTo("syndication: unknown format 'pdf'; valid formats: console, json, jsonl, junit, html, csv, markdown"));
    }

    [Test]
    public async Task Markdown_goes_to_stdout_for_a_job_summary()
    {
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, "--format", "markdown", RepoPaths.Page("wordpress-no-logo.html"));
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Does.StartWith("## Syndication report\n").And.Contain("| non-compliant |"));
    }

    [Test]
    public async Task One_html_file_with_output()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, "--format", "html", "--output", folder.File("r.html"), RepoPaths.Page("wordpress-compliant.html"));
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(File.ReadAllText(folder.File("r.html")), Does.StartWith("<!DOCTYPE html>"));
    }

    [Test]
    public async Task Inside_github_actions_annotations_go_to_stderr_and_stdout_keeps_only_the_report()
    {
        var result = await RunWithEnvironment(new() { ["GITHUB_ACTIONS"] = "true" }, "check", "--originals", RepoPaths.Feed, "--format", "json", RepoPaths.Page("wordpress-no-logo.html"), RepoPaths.Page("wordpress-compliant.html"));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.DoesNotThrow(() => JsonDocument.Parse(result.Stdout));
        var annotations = result.Stderr.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.That(annotations, Has.Count.EqualTo(1));
        Assert.That(annotations[0], Does.StartWith("::error file=").And.Contain("wordpress-no-logo.html,title=non-compliant%3A ").And.Contain("::").And.Contain("logo: fail"));

        var outside = await RunWithEnvironment([], "check", "--originals", RepoPaths.Feed, "--format", "json", RepoPaths.Page("wordpress-no-logo.html"));
        Assert.That(outside.Stderr, Does.Not.Contain("::error"));
    }

    [Test]
    public async Task Redirected_console_output_has_no_colour_even_without_no_color()
    {
        var result = await RunWithEnvironment([], "check", "--originals", RepoPaths.Feed, RepoPaths.Page("wordpress-no-logo.html"));
        Assert.That(result.Stdout, Does.Contain("non-compliant").And.Not.Contain('\u001B'));
    }

    [Test]
    public async Task A_report_that_cannot_be_written_is_found_before_the_first_page_is_checked()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("report.json"));
        var result = await CliRunner.RunAsync("check", "--originals", RepoPaths.Feed, "--format", "csv,json", "--output-dir", folder.Path, RepoPaths.Page("wordpress-compliant.html"));
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
        Assert.That(result.Stderr.Trim(), Is.EqualTo($"syndication: cannot write the json report to {folder.File("report.json")}: it is a folder"));
        Assert.That(Directory.GetFiles(folder.Path), Is.Empty, "nothing was checked, nothing written");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static Task<CliRunner.Result> RunWithEnvironment(Dictionary<string, string?> environment, params string[] args)
    {
        // Neither the test's own GITHUB_ACTIONS nor the runner's NO_COLOR: only what the test gives.
        var variables = new Dictionary<string, string?> { ["NO_COLOR"] = null, ["GITHUB_ACTIONS"] = null };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return CliRunner.RunProcessAsync(variables, args);
    }
}
