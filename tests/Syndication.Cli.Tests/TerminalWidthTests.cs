using System.Text.RegularExpressions;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// The audit on a real terminal (a pseudo-terminal from script(1), its size set with stty) of 80 columns and of 50:
/// every frame of the progress line and every line of the partner table fit, and the numbers stay whole.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class TerminalWidthTests
{
    [TestCase(80)]
    [TestCase(50)]
    public async Task The_progress_line_and_the_partner_table_fit_the_terminal(int columns)
    {
        var script = new[] { "/usr/bin/script", "/bin/script" }.FirstOrDefault(File.Exists);
        if (script is null)
        {
            Assert.Ignore("no script(1) to give the executable a terminal");
        }

        using var temp = new TempFolder();
        string[] args = ["audit", RepoPaths.Samples("partners.yaml"), "--history", temp.File("h.db"), "--catalogue", temp.File("c.db"), "--format", "json", "--output", temp.File("r.json")];

        // script(1) takes one command line: the terminal's size first, then each argument single-quoted (no quote in them).
        string[] launcher = ["/bin/sh", "-c", $"c='stty cols {columns} rows 40;'; for a; do c=\"$c '$a'\"; done; exec \"$0\" -qec \"$c\" /dev/null", script!];
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["TERM"] = "xterm-256color", ["CI"] = null, ["GITHUB_ACTIONS"] = null };
        var result = await CliRunner.RunProcessAsync(environment, launcher, args);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stdout);

        // What the terminal showed, line by line and redraw by redraw; the log's own lines are left to wrap as logs do.
        var shown = Escape().Replace(result.Stdout, string.Empty).Split('\n').SelectMany(l => l.Split('\r'))
            .Where(l => l.Length > 0 && !LogLine().IsMatch(l) && !l.StartsWith(' ') | l.Contains('│', StringComparison.Ordinal) || l.Contains('%', StringComparison.Ordinal))
            .ToList();
        var frames = shown.Where(l => l.Contains('%', StringComparison.Ordinal) && l.Contains("/44", StringComparison.Ordinal)).ToList();
        Assert.That(frames, Is.Not.Empty, "the progress line was drawn\n" + result.Stdout);
        Assert.That(frames, Has.All.Length.LessThanOrEqualTo(columns), string.Join('\n', frames));
        Assert.That(frames.Last(), Does.StartWith("44/44"));

        // The table from its heading row to its bottom: bordered at 80 columns, borderless at 50.
        var heading = shown.FindLastIndex(l => l.Contains("PARTNER", StringComparison.Ordinal));
        Assert.That(heading, Is.GreaterThan(0), result.Stdout);
        var table = shown.Skip(heading - 1).Take(17).ToList();
        Assert.That(table, Has.All.Length.LessThanOrEqualTo(columns), string.Join('\n', table));
        var plains = table.Single(l => l.Contains("Plains Reporter", StringComparison.Ordinal));
        Assert.That(Regex.Matches(plains, @"\d+").Select(m => m.Value), Is.EqualTo(new[] { "9", "3", "4", "1", "1", "0" }), plains);
        Assert.That(table.Single(l => Regex.IsMatch(l, @"^(│ )?All ")), Does.Contain(" 44 "));
        Assert.That(table, Has.Some.Contain(columns >= 80 ? "│ FAIL │" : " REV "), "the headings that fit");
    }

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex Escape();

    [GeneratedRegex(@"^\[\d\d:\d\d:\d\d [A-Z]{3}\]")]
    private static partial Regex LogLine();
}
