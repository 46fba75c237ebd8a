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
    [TestCase(new[] { "audti", "partners.yaml" }, "unknown command 'audti'; did you mean audit? (see 'syndication --help')")]
    [TestCase(new[] { "audit", "partners.yaml", "--fromat", "html" }, "unknown option '--fromat' for syndication audit; did you mean --format? (see 'syndication audit --help')")]
    [TestCase(new[] { "check", "--fromat", "html", "x.html" }, "unknown option '--fromat' for syndication check; did you mean --format?")]
    [TestCase(new[] { "runs", "--histroy", "h.db" }, "did you mean --history?")]
    [TestCase(new[] { "originals", "sycn" }, "unknown command 'sycn'; did you mean sync? (see 'syndication originals --help')")]
    [TestCase(new[] { "audit", "partners.yaml", "--zzz" }, "unknown option '--zzz' for syndication audit (see 'syndication audit --help')")]
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
    public async Task A_mistyped_option_or_command_of_the_real_executable_gets_a_suggestion_and_exit_3()
    {
        var result = await CliRunner.RunProcessAsync("audit", "samples/partners.yaml", "--fail-of", "any");
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr.TrimEnd('\n'), Is.EqualTo("syndication: unknown option '--fail-of' for syndication audit; did you mean --fail-on? (see 'syndication audit --help')"));
        Assert.That(result.Stdout, Is.Empty);

        var command = await CliRunner.RunProcessAsync("histroy", "samples/partners.yaml", "Plains Reporter");
        Assert.That(command.ExitCode, Is.EqualTo(3));
        Assert.That(command.Stderr.TrimEnd('\n'), Is.EqualTo("syndication: unknown command 'histroy'; did you mean history? (see 'syndication --help')"));
    }

    [TestCase("check")]
    [TestCase("audit")]
    [TestCase("runs")]
    public async Task Help_ends_with_the_exit_codes(string command)
    {
        var result = await CliRunner.RunProcessAsync(command, "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var codes = result.Stdout[result.Stdout.IndexOf("Exit codes:", StringComparison.Ordinal)..];
        foreach (var (code, meaning) in HelpWithExitCodes.Codes)
        {
            Assert.That(codes, Does.Contain($"  {code}  {meaning}"));
        }

        Assert.That(codes, Does.Contain("usage or configuration error").And.Contain("Ctrl+C"));
    }

    [Test]
    public async Task Help_lists_the_check_options()
    {
        var result = await CliRunner.RunAsync("check", "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Stdout, Does.Contain("--originals").And.Contain("--reporter").And.Contain("--profile").And.Contain("--format").And.Contain("--output"));
    }
}
