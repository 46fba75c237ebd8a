using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>Bad options and unreadable configuration: exit code 3 and one line that names the problem.</summary>
public sealed class UsageErrorTests
{
    [TestCase(new[] { "check", "--bogus", "x.html" }, "--bogus")]
    [TestCase(new[] { "check" }, "PAGE")]
    [TestCase(new[] { "frobnicate" }, "frobnicate")]
    [TestCase(new[] { "check", "--format", "xml", "x.html" }, "unknown format 'xml'; valid formats: console, json")]
    [TestCase(new[] { "check", "--timeout", "0", "x.html" }, "--timeout must be greater than 0")]
    [TestCase(new[] { "check", "--timeout", "soon", "x.html" }, "--timeout expects a number, not 'soon'")]
    [TestCase(new[] { "check", "--reporter", "", "x.html" }, "--reporter \"\" names no one")]
    [TestCase(new[] { "check", "--reporter", "Jane Doe", "--reporter", " , ", "x.html" }, "--reporter \" , \" names no one")]
    [TestCase(new[] { "check", "--originals", "/no/such/feed.xml", "x.html" }, "/no/such/feed.xml")]
    [TestCase(new[] { "check", "--profile", "/no/such/profile.yaml", "x.html" }, "profile file not found: /no/such/profile.yaml")]
    public async Task Usage_errors_exit_3_with_one_line(string[] args, string expected)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stdout + result.Stderr);
        var message = result.Stderr.TrimEnd('\n');
        Assert.That(message, Does.StartWith("syndication: ").And.Contain(expected));
        Assert.That(message, Does.Not.Contain('\n'));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public async Task A_malformed_feed_stops_the_run_with_exit_3()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("feed.xml"), "<rss version=\"2.0\"><channel><item><title>x</channel>");
        var result = await CliRunner.RunAsync("check", "--originals", folder.File("feed.xml"), RepoPaths.Page("wordpress-compliant.html"));
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("malformed feed"));
    }

    [Test]
    public async Task Help_lists_the_check_options()
    {
        var result = await CliRunner.RunAsync("check", "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Does.Contain("--originals").And.Contain("--reporter").And.Contain("--profile").And.Contain("--format").And.Contain("--output"));
    }
}
