using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// Every command that reads a history finds it from the partner list as audit does (settings.history, or
/// PARTNERS.history.db beside the list): <c>syndication runs partners.yaml</c>. Through the real executable.
/// </summary>
public sealed class HistoryFromListTests
{
    [Test]
    public async Task Runs_history_diff_report_evidence_and_casefile_read_the_history_beside_the_list()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.WriteList([("Herald", ["good.html", "no-logo.html"])]);
        for (var night = 1; night <= 2; night++)
        {
            var audit = await CliRunner.RunProcessAsync("audit", folder.List, "--format", "json", "--output", folder.File($"night{night}.json"));
            Assert.That(audit.ExitCode, Is.EqualTo(night == 1 ? 1 : 0), audit.Stderr);
        }

        Assert.That(File.Exists(folder.File("partners.history.db")), Is.True, "audit's own default");

        // A mistake in the list since does not hide its history: only its settings are read.
        File.AppendAllText(folder.List, "  - name: Typo\n    pages: [www.typo.example/story]\n");

        var runs = await CliRunner.RunProcessAsync("runs", folder.List);
        Assert.That(runs.ExitCode, Is.EqualTo(0), runs.Stderr);
        Assert.That(runs.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3), "the heading and two runs\n" + runs.Stdout);

        var timeline = await CliRunner.RunProcessAsync("history", folder.List, "no-logo.html");
        Assert.That(timeline.ExitCode, Is.EqualTo(0), timeline.Stderr);
        Assert.That(timeline.Stdout, Does.Contain("run 1").And.Contain("run 2").And.Contain("persisting"));

        var diff = await CliRunner.RunProcessAsync("diff", folder.List);
        Assert.That(diff.Stdout, Does.StartWith("run 1 -> run 2: 0 new, 0 fixed"), diff.Stderr);
        var diffRuns = await CliRunner.RunProcessAsync("diff", folder.List, "1", "2", "--format", "json");
        Assert.That(diffRuns.ExitCode, Is.EqualTo(0), diffRuns.Stderr);
        Assert.That(diffRuns.Stdout, Does.StartWith("{"));

        var report = await CliRunner.RunProcessAsync("report", folder.List, "--run", "1", "--format", "json");
        Assert.That(report.ExitCode, Is.EqualTo(0), report.Stderr);
        Assert.That(report.Stdout, Does.Contain("\"change\": \"new\""), "run 1's report, from the list's history");

        var evidence = await CliRunner.RunProcessAsync("evidence", folder.List, "no-logo.html");
        Assert.That(evidence.ExitCode, Is.EqualTo(0), evidence.Stderr);
        Assert.That(evidence.Stdout, Does.Contain("sha256:"));

        var caseFile = await CliRunner.RunProcessAsync("casefile", folder.List, "Herald", "--output", folder.File("case"));
        Assert.That(caseFile.ExitCode, Is.EqualTo(0), caseFile.Stderr);
        Assert.That(caseFile.Stdout, Does.StartWith("Case file for Herald (run 2): 1 page(s)"));
    }

    [Test]
    public async Task A_list_whose_settings_name_the_history_leads_there_and_a_history_file_in_its_place_is_read_as_one()
    {
        using var folder = new AuditFolder();
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        File.WriteAllText(folder.List, $"settings:\n  originals: [\"{RepoPaths.Feed}\"]\n  history: state/nightly.db\npartners:\n  - name: Herald\n    pages: [no-logo.html]\n");
        var audit = await CliRunner.RunProcessAsync("audit", folder.List);
        Assert.That(audit.ExitCode, Is.EqualTo(1), audit.Stderr);

        var runs = await CliRunner.RunProcessAsync("runs", folder.List);
        Assert.That(runs.ExitCode, Is.EqualTo(0), runs.Stderr);
        Assert.That(runs.Stdout, Does.Contain("checked").Or.Contain("complete"));
        var direct = await CliRunner.RunProcessAsync("runs", folder.File("state/nightly.db"));
        Assert.That(direct.Stdout, Is.EqualTo(runs.Stdout));
    }

    [TestCase(new[] { "runs" }, "runs reads a history: give the partner list (syndication runs partners.yaml) or --history PATH")]
    [TestCase(new[] { "diff", "1", "2" }, "diff reads a history: give the partner list (syndication diff partners.yaml) or --history PATH")]
    [TestCase(new[] { "evidence", "https://partner.example/a" }, "evidence reads a history: give the partner list (syndication evidence partners.yaml) or --history PATH")]
    [TestCase(new[] { "history", "LIST" }, "give the PARTNER|URL after the partner list: syndication history LIST PARTNER|URL")]
    [TestCase(new[] { "runs", "LIST" }, "no history for LIST yet (it would be HISTORY): 'syndication audit LIST' writes it")]
    [TestCase(new[] { "diff", "LIST", "x" }, "'x' is not a run id (see 'syndication runs')")]
    public async Task Without_a_history_to_read_the_command_says_what_to_give(string[] args, string expected)
    {
        using var folder = new AuditFolder();
        folder.WriteList([("Herald", ["a.html"])]);
        var result = await CliRunner.RunProcessAsync(args.Select(a => a == "LIST" ? folder.List : a).ToArray());
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
        Assert.That(result.Stderr.TrimEnd('\n'), Does.StartWith("syndication: " + expected.Replace("LIST", folder.List, StringComparison.Ordinal).Replace("HISTORY", folder.File("partners.history.db"), StringComparison.Ordinal)));
    }
}
