using Syndication.Cli.Tests.Support;
using Syndication.Profiles;
using Syndication.Requirements;

namespace Syndication.Cli.Tests;

/// <summary><c>syndication requirements</c>: the catalogue of requirement kinds and the built-in profiles, read from the catalogue itself.</summary>
public sealed class RequirementsCommandTests
{
    [Test]
    public async Task Every_kind_of_the_catalogue_is_listed_with_every_option_and_every_built_in_profile()
    {
        var result = await CliRunner.RunAsync("requirements");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        foreach (var kind in RequirementCatalogue.Kinds)
        {
            Assert.That(result.Stdout, Does.Contain($"\n{kind.Id}: {kind.Summary}\n"));
            foreach (var option in kind.Options)
            {
                Assert.That(result.Stdout, Does.Contain($"  {option.Name} (").And.Contain(option.Meaning), $"{kind.Id}.{option.Name}");
            }
        }

        foreach (var id in ProfileLoader.BuiltInIds)
        {
            Assert.That(result.Stdout, Does.Contain($"  {id}: "));
        }

        Assert.That(result.Stdout, Does.Contain("  where (one or more of top, end, anywhere; default anywhere)"));
        Assert.That(result.Stdout, Does.Contain("  text (text or a list of texts; required)"));
    }

    [Test]
    public async Task With_a_profile_it_shows_what_that_licence_asks_with_every_options_value()
    {
        var result = await CliRunner.RunAsync("requirements", "--profile", RepoPaths.Samples("golden-state-wire", "profile.yaml"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("golden-state-wire: Golden State Wire (Golden State Wire)"));
        Assert.That(lines, Does.Contain("  credit-line { text: This story was originally published by {licensor}, where: top, misplaced: review }"), "defaults shown");
        Assert.That(lines, Does.Contain("  time-window { within: 7 }"));
        Assert.That(lines, Does.Contain("  byline"));
    }

    [Test]
    public async Task An_unknown_profile_is_a_usage_error_listing_the_built_in_ones()
    {
        var result = await CliRunner.RunAsync("requirements", "--profile", "prop-publica");

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("built-in profiles: dcnf, calmatters, propublica, texas-tribune, the-conversation"));
    }
}
