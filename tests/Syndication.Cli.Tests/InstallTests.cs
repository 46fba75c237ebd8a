using System.Diagnostics;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// The two ways to install the tool, exactly as README "Install" gives them: the packed dotnet tool installed from a
/// folder with --add-source (the GitHub Action's install step, action/install.sh), and the self-contained single file.
/// Both build packages (tens of seconds to minutes), so they run when asked for: <c>.ci/run</c> runs the tool install
/// after the suite (the Release build is then up to date); the single file is README's release check.
/// </summary>
[NonParallelizable]
public sealed class InstallTests
{
    [Test]
    [Explicit("packs the tool (about 100 MB) and installs it; .ci/run runs it")]
    [Category("ToolInstall")]
    public async Task The_actions_install_step_packs_the_tool_and_installs_it_with_add_source_offline()
    {
        using var temp = new TempFolder();

        // The Action's install step as the runner runs it, with neither a version nor a source: it packs this checkout
        // and runs `dotnet tool install --add-source FOLDER`. A config that clears every other source keeps it offline.
        File.WriteAllText(temp.File("nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        var tools = temp.File("tools");
        var install = await Run("bash", [Path.Combine(RepoPaths.Root, "action", "install.sh")], new Dictionary<string, string?>
        {
            ["ACTION_PATH"] = RepoPaths.Root,
            ["SYNDICATION_TOOL_PATH"] = tools,
            ["SYNDICATION_NUGET_CONFIG"] = temp.File("nuget.config"),
            ["GITHUB_PATH"] = temp.File("github-path"),
            ["RUNNER_TEMP"] = temp.Path,
        });
        Assert.That(install.ExitCode, Is.EqualTo(0), install.Stdout + install.Stderr);
        Assert.That(install.Stdout, Does.Contain("--add-source").Or.Contain("was successfully installed"));
        Assert.That(Directory.GetFiles(temp.Path, "Syndication.*.nupkg", SearchOption.AllDirectories), Has.Length.EqualTo(1), "packed into the runner's temporary folder");
        Assert.That(File.ReadAllText(temp.File("github-path")).Trim(), Is.EqualTo(tools), "the next steps find `syndication` on their PATH");

        var syndication = Path.Combine(tools, "syndication");
        var check = await Run(syndication, ["check", "--originals", RepoPaths.Feed, RepoPaths.Page("wordpress-no-logo.html")]);
        Assert.That(check.ExitCode, Is.EqualTo(1), check.Stderr);
        Assert.That(check.Stdout, Does.Contain("non-compliant").And.Contain("logo: fail"));

        var help = await Run(syndication, ["--help"]);
        Assert.That(help.Stdout, Does.Contain("audit").And.Contain("Exit codes:"));
    }

    [Test]
    [Explicit("publishes a self-contained, ReadyToRun build (minutes); README \"Install\" gives the command")]
    [Category("SingleFile")]
    public async Task The_single_file_release_is_one_file_that_checks_a_page()
    {
        using var temp = new TempFolder();
        var output = temp.File("out");

        // Its own artifacts folder: the publish for linux-x64 must not touch the suite's build.
        var publish = await Run("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "Syndication.Cli"), "-c", "Release", "-p:SingleFileRelease=true", "--artifacts-path", temp.File("artifacts"), "-o", output]);
        Assert.That(publish.ExitCode, Is.EqualTo(0), publish.Stdout + publish.Stderr);
        Assert.That(Directory.GetFileSystemEntries(output).Select(Path.GetFileName), Is.EqualTo(new[] { "syndication" }), "nothing beside the executable");

        // The native libraries unpack to a folder of the test's, not the user's ~/.net.
        var environment = new Dictionary<string, string?> { ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = temp.File("extract") };
        var syndication = Path.Combine(output, "syndication");
        // The re-hosted, unnamed logo passes only by its pixels: SkiaSharp's native library loads from inside the file.
        var check = await Run(syndication, ["check", "--profile", RepoPaths.Samples("profile.yaml"), "--originals", RepoPaths.Feed, "--format", "json", RepoPaths.Page("wordpress-rehosted-logo-unnamed-compliant.html"), RepoPaths.Page("wordpress-no-logo.html")], environment);
        Assert.That(check.ExitCode, Is.EqualTo(1), check.Stderr);
        using var report = System.Text.Json.JsonDocument.Parse(check.Stdout);
        var verdicts = report.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("verdict").GetString()).ToList();
        Assert.That(verdicts, Is.EqualTo(new[] { "compliant", "non-compliant" }), check.Stderr);
        Assert.That(check.Stderr, Does.Not.Contain("cannot be loaded"));

        // No Playwright driver inside: a page that must be rendered is refused at once, saying what to do.
        var render = await Run(syndication, ["check", "--render", "always", "--originals", RepoPaths.Feed, RepoPaths.Page("wordpress-no-logo.html")], environment);
        Assert.That(render.ExitCode, Is.EqualTo(3));
        Assert.That(render.Stderr, Does.Contain("Playwright"));
    }

    private static async Task<CliRunner.Result> Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRunner.Result(process.ExitCode, await stdout, await stderr);
    }
}
