using System.Diagnostics;
using System.Text.RegularExpressions;
using Syndication.Cli.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Syndication.Cli.Tests;

/// <summary>
/// The repository's composite GitHub Action (action.yml and its scripts in action/) and the sample workflow that uses
/// it. GitHub itself is out of reach here, so the Action's steps run as the runner runs them: bash scripts over the
/// real executable, a real git repository as the remote that keeps the history, and the files GitHub gives a step
/// ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ActionTests
{
    private static string ActionFile => Path.Combine(RepoPaths.Root, "action.yml");

    private static string Workflow => RepoPaths.Samples(".github", "workflows", "nightly-audit.yml");

    [Test]
    public void The_action_is_composite_declares_every_input_it_reads_and_runs_scripts_that_exist()
    {
        var action = Load(ActionFile);
        var inputs = Map(action, "inputs").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var runs = Map(action, "runs");
        Assert.That(((YamlScalarNode)runs["using"]).Value, Is.EqualTo("composite"));

        var text = File.ReadAllText(ActionFile);
        var read = InputReference().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.That(read, Is.SubsetOf(inputs), "every inputs.X read is declared");
        Assert.That(inputs, Is.SubsetOf(read.Append("partners")), "every input declared is used");

        var scripts = ScriptReference().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.That(scripts, Is.EquivalentTo(new[] { "install.sh", "state.sh", "audit.sh", "verdict.sh" }));
        foreach (var script in scripts)
        {
            var path = Path.Combine(RepoPaths.Root, "action", script);
            Assert.That(File.Exists(path), path);
            Assert.That(File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute), Is.True, $"{script} is executable (the step runs it by its path)");
        }

        // The steps that keep state run only once the audit ran: a restore that failed must not push an empty history.
        var steps = ((YamlSequenceNode)runs["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var save = steps.Single(s => s.Children.TryGetValue("run", out var r) && r.ToString().Contains("state.sh\" save", StringComparison.Ordinal));
        Assert.That(save["if"].ToString(), Does.Contain("steps.audit.outputs.exit-code != ''"));
        Assert.That(steps.Last()["run"].ToString(), Does.Contain("verdict.sh"), "the job fails last, after the reports and the state are kept");
    }

    [Test]
    public void The_sample_workflow_is_the_action_with_the_sample_list_and_builds_nothing()
    {
        var action = Load(ActionFile);
        var inputs = Map(action, "inputs");
        var required = inputs.Children.Where(i => ((YamlMappingNode)i.Value).Children.TryGetValue("required", out var r) && r.ToString() == "true")
            .Select(i => i.Key.ToString()).ToList();

        var workflow = Load(Workflow);
        var steps = ((YamlSequenceNode)((YamlMappingNode)Map(workflow, "jobs").Children.Values.Single())["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var uses = steps.Where(s => s.Children.ContainsKey("uses")).Select(s => s["uses"].ToString()).ToList();
        Assert.That(uses, Is.EqualTo(new[] { "actions/checkout@v4", "OWNER/syndication@REF" }), "checkout, then the Action: nothing else");
        var with = (YamlMappingNode)steps.Single(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("OWNER/", StringComparison.Ordinal))["with"];
        var given = with.Children.Keys.Select(k => k.ToString()).ToList();
        Assert.That(given, Is.SubsetOf(inputs.Children.Keys.Select(k => k.ToString())));
        Assert.That(given, Is.SupersetOf(required));
        Assert.That(File.Exists(Path.Combine(RepoPaths.Root, with["partners"].ToString())), Is.True, "the sample list the workflow names");
        Assert.That(File.ReadAllText(Workflow), Does.Not.Contain("dotnet build").And.Not.Contain("dotnet run"));
        Assert.That(Map(workflow, "permissions")["contents"].ToString(), Is.EqualTo("write"), "the state branch is pushed");
    }

    [Test]
    public async Task Two_nights_through_the_action_keep_the_history_on_a_branch_and_fail_only_on_what_is_new()
    {
        using var temp = new TempFolder();
        var remote = temp.File("remote.git");
        await Git(temp.Path, "init", "--quiet", "--bare", remote);

        // Night 1 on a fresh runner: no state branch yet; the sample's no-logo page is a new violation.
        var night1 = await Night(temp, remote, "night1");
        Assert.That(night1.Audit.ExitCode, Is.EqualTo(0), "the audit step itself passes, so the reports and state are kept\n" + night1.Audit.Stderr);
        Assert.That(night1.Output, Does.Contain("exit-code=1"));
        Assert.That(night1.Log, Does.Contain("No branch syndication-state on origin yet"));
        Assert.That(night1.Summary, Does.Contain("no-logo.html").And.Contain("non-compliant"), "the Markdown report is the job summary");
        Assert.That(night1.Verdict.ExitCode, Is.EqualTo(1));
        Assert.That(night1.Verdict.Stdout, Does.Contain("::error title=New violation::"));

        var parts = (await Git(temp.Path, "--git-dir", remote, "ls-tree", "-r", "--name-only", "syndication-state")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(parts.Where(p => p.StartsWith("list/partners.history.db.gz.", StringComparison.Ordinal)).Count(), Is.GreaterThan(1), "the history in several parts\n" + string.Join('\n', parts));
        Assert.That(parts, Does.Contain("list/partners.catalogue.db.gz.000"));

        // Night 2 on another fresh runner: the history comes back from the branch, so nothing is new.
        var night2 = await Night(temp, remote, "night2");
        Assert.That(night2.Log, Does.Contain("list/partners.history.db: restored from syndication-state"));
        Assert.That(night2.Output, Does.Contain("exit-code=0"), night2.Log);
        Assert.That(JsonReport.Load(Path.Combine(night2.Checkout, "reports", "report.json")).Page("no-logo.html").GetProperty("change").GetString(), Is.EqualTo("persisting"));
        Assert.That(night2.Verdict.ExitCode, Is.EqualTo(0));
        var commits = await Git(temp.Path, "--git-dir", remote, "rev-list", "--count", "syndication-state");
        Assert.That(commits.Stdout.Trim(), Is.EqualTo("1"), "the branch holds one commit, replaced each night");
    }

    [Test]
    public async Task A_state_branch_that_cannot_be_read_stops_the_job_before_the_audit()
    {
        using var temp = new TempFolder();
        var checkout = Checkout(temp, "runner");
        await Git(checkout, "remote", "add", "origin", temp.File("no-such-remote.git"));
        var restore = await Script(checkout, "state.sh", Environment(temp, checkout), "restore");
        Assert.That(restore.ExitCode, Is.EqualTo(1));
        Assert.That(restore.Stderr, Does.Contain("::error title=State not restored::cannot read branch syndication-state of origin"));
    }

    [TestCase("0", "false", 0)]
    [TestCase("1", "false", 1)]
    [TestCase("2", "false", 0)]
    [TestCase("2", "true", 1)]
    [TestCase("3", "false", 1)]
    [TestCase("4", "false", 1)]
    [TestCase("", "false", 1)]
    public async Task The_last_step_fails_the_job_on_a_new_violation_or_a_broken_audit_not_on_pages_left_unchecked(string code, string failOnUnchecked, int expected)
    {
        using var temp = new TempFolder();
        var verdict = await Script(temp.Path, "verdict.sh", new Dictionary<string, string?> { ["SYNDICATION_EXIT_CODE"] = code, ["SYNDICATION_FAIL_ON_UNCHECKED"] = failOnUnchecked });
        Assert.That(verdict.ExitCode, Is.EqualTo(expected), verdict.Stdout);
    }

    private sealed record NightResult(string Checkout, CliRunner.Result Restore, CliRunner.Result Audit, CliRunner.Result Save, CliRunner.Result Verdict, string Output, string Summary)
    {
        public string Log => Restore.Stdout + Restore.Stderr + Audit.Stdout + Audit.Stderr + Save.Stdout + Save.Stderr;
    }

    /// <summary>One night as the Action runs it on a fresh runner: a new checkout, restore, audit, save, verdict.</summary>
    private static async Task<NightResult> Night(TempFolder temp, string remote, string name)
    {
        var checkout = Checkout(temp, name);
        await Git(checkout, "remote", "add", "origin", remote);
        var environment = Environment(temp, checkout);
        var restore = await Script(checkout, "state.sh", environment, "restore");
        Assert.That(restore.ExitCode, Is.EqualTo(0), restore.Stdout + restore.Stderr);
        var audit = await Script(checkout, "audit.sh", environment);
        var save = await Script(checkout, "state.sh", environment, "save");
        Assert.That(save.ExitCode, Is.EqualTo(0), save.Stdout + save.Stderr);
        var output = File.ReadAllText(environment["GITHUB_OUTPUT"]!);
        var code = Regex.Match(output, "exit-code=([0-9]+)").Groups[1].Value;
        var verdict = await Script(checkout, "verdict.sh", new Dictionary<string, string?> { ["SYNDICATION_EXIT_CODE"] = code });
        return new NightResult(checkout, restore, audit, save, verdict, output, File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]!));
    }

    /// <summary>A checkout of the partner list's repository: list/partners.yaml over two sample pages, the feed beside it.</summary>
    private static string Checkout(TempFolder temp, string name)
    {
        var checkout = temp.File(name);
        var list = Path.Combine(checkout, "list");
        Directory.CreateDirectory(list);
        File.Copy(RepoPaths.Page("wordpress-compliant.html"), Path.Combine(list, "compliant.html"));
        File.Copy(RepoPaths.Page("wordpress-no-logo.html"), Path.Combine(list, "no-logo.html"));
        File.Copy(RepoPaths.Feed, Path.Combine(list, "feed.xml"));
        File.WriteAllText(Path.Combine(list, "partners.yaml"), "settings:\n  originals: [feed.xml]\npartners:\n  - name: Herald\n    pages: [compliant.html, no-logo.html]\n");
        var init = Process.Start(new ProcessStartInfo("git", ["init", "--quiet", checkout]))!;
        init.WaitForExit();
        return checkout;
    }

    /// <summary>What the Action's steps get: its inputs as variables, GitHub's files, and `syndication` on the PATH (the real executable).</summary>
    private static Dictionary<string, string?> Environment(TempFolder temp, string checkout)
    {
        var bin = temp.File("bin");
        if (!Directory.Exists(bin))
        {
            Directory.CreateDirectory(bin);
            var wrapper = Path.Combine(bin, "syndication");
            File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "syndication.dll")}' \"$@\"\n");
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new Dictionary<string, string?>
        {
            ["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["SYNDICATION_PARTNERS"] = "list/partners.yaml",
            ["SYNDICATION_FORMATS"] = "json,html",
            ["SYNDICATION_OUTPUT_DIR"] = "reports",
            ["SYNDICATION_SYNC"] = "true",
            ["STATE_PART_SIZE"] = "2K",
            ["GITHUB_OUTPUT"] = Path.Combine(checkout, ".github-output"),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(checkout, ".github-summary"),
            ["GITHUB_ACTIONS"] = null,
            ["CI"] = null,
            ["NO_COLOR"] = "1",
        };
    }

    private static Task<CliRunner.Result> Script(string workingDirectory, string script, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        Run("bash", [Path.Combine(RepoPaths.Root, "action", script), .. args], workingDirectory, environment);

    private static Task<CliRunner.Result> Git(string workingDirectory, params string[] args) => Run("git", args, workingDirectory, null);

    private static async Task<CliRunner.Result> Run(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRunner.Result(process.ExitCode, await stdout, await stderr);
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    [GeneratedRegex(@"\binputs\.([a-z-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\$ACTION_PATH/action/([a-z]+\.sh)")]
    private static partial Regex ScriptReference();
}
