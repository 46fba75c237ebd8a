using System.Text.RegularExpressions;
using Syndication.Cli.Tests.Support;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// Colour on a real terminal (a pseudo-terminal from script(1)), through the executable: the console report on
/// stdout and the partner table on stderr have colour codes only where colour is on, never under NO_COLOR.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ColourTests
{
    [TestCase("console")]
    [TestCase("json")]
    public async Task On_a_terminal_colour_codes_come_only_without_NO_COLOR(string format)
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-no-logo.html");
        folder.WriteList([("Herald", ["a.html"])]);

        // The console report on the terminal ends with the partner table; with the JSON report in a file the table goes to stderr.
        string[] audit = ["audit", folder.List, "--no-history", "--format", format, .. format == "console" ? Array.Empty<string>() : ["--output-dir", folder.File("reports")]];
        var plain = await OnATerminalAsync(noColor: true, audit);
        var coloured = await OnATerminalAsync(noColor: false, audit);

        Assert.That(plain.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), plain.Stdout);
        Assert.That(plain.Stdout, Does.Contain("│ Herald"), "the partner table is on the terminal");
        Assert.That(ColourCode().Matches(plain.Stdout).Select(m => m.Value.Replace("\u001b", "ESC", StringComparison.Ordinal)), Is.Empty, "no colour or bold under NO_COLOR");
        Assert.That(coloured.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), coloured.Stdout);
        Assert.That(coloured.Stdout, Does.Contain("│ Herald"));
        Assert.That(ColourCode().IsMatch(coloured.Stdout), Is.True, "without NO_COLOR the same terminal gets colour (the test can tell)");
    }

    /// <summary>Runs the executable on a pseudo-terminal: stdout and stderr both go to it, and come back together as stdout.</summary>
    private static Task<CliRunner.Result> OnATerminalAsync(bool noColor, string[] args)
    {
        var script = new[] { "/usr/bin/script", "/bin/script" }.FirstOrDefault(File.Exists);
        if (script is null)
        {
            Assert.Ignore("no script(1) to give the executable a terminal");
        }

        // script(1) takes one command line: each argument single-quoted (the test's paths hold no quote).
        string[] launcher = ["/bin/sh", "-c", "c=''; for a; do c=\"$c '$a'\"; done; exec \"$0\" -qec \"$c\" /dev/null", script!];
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor ? "1" : null, ["TERM"] = "xterm-256color" };
        return CliRunner.RunProcessAsync(environment, launcher, args);
    }

    /// <summary>An SGR sequence: colour, bold, reset.</summary>
    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex ColourCode();
}
