using Syndication.Core.Tests.Support;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Requirements;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Checks;

/// <summary>
/// One fixture page per rule of each requirement kind in the catalogue (tests/fixtures/checks/KIND/OUTCOME-RULE.html):
/// the file name says what that requirement's outcome must be; the other requirements are not this test's business.
/// A kind's folder may hold its own <c>profile.yaml</c> (then judged against the second licensor's originals in
/// tests/fixtures/originals, plus the folder's own <c>originals/</c>); else the built-in DCNF profile and the sample feed.
/// </summary>
[TestFixture]
public sealed class CheckFixtureTests
{
    public static IEnumerable<TestCaseData> Fixtures() =>
        RequirementCatalogue.Ids.SelectMany(requirement =>
            Directory.GetFiles(RepoPaths.Fixtures("checks", requirement), "*.html")
                .Order(StringComparer.Ordinal)
                .Select(path => new TestCaseData(requirement, Path.GetFileName(path)).SetName($"{requirement}: {Path.GetFileNameWithoutExtension(path)}")));

    [TestCaseSource(nameof(Fixtures))]
    public async Task Fixture_gets_the_outcome_its_name_says(string requirement, string file)
    {
        var expected = VerdictNames.ParseOutcome(file.Split('-')[0]);
        var result = await Engines.FileChecker(SettingsFor(requirement)).CheckAsync(PageTarget.Of(RepoPaths.Fixtures("checks", requirement, file)), CancellationToken.None);

        Assert.That(result.Verdict, Is.Not.EqualTo(PageVerdict.NotApplicable).And.Not.EqualTo(PageVerdict.Error), result.Note ?? result.Error?.Message);
        var outcome = result.Requirements.Single(r => r.Id == requirement);
        Assert.That(outcome.Status, Is.EqualTo(expected), $"{outcome.Message}\n{string.Join("\n", outcome.Evidence.Select(e => $"  {e.Selector} :: {e.Text} ({e.Note})"))}");
        Assert.That(outcome.Message, Is.Not.Empty);
        if (expected != Outcome.Pass)
        {
            Assert.That(outcome.Message, Does.Not.StartWith("credits").And.Not.StartWith("shows"), "a fail or review says what was looked for and found");
        }
    }

    public static IEnumerable<TestCaseData> CreditFixtures() => Fixtures().Where(f => (string)f.Arguments[0]! is "byline" or "affiliation");

    /// <summary>
    /// With --reporter only (no original at hand: the story is found from the page), a byline or affiliation fixture
    /// gets the same outcome as with its original.
    /// </summary>
    [TestCaseSource(nameof(CreditFixtures))]
    public async Task Fixture_gets_the_same_outcome_with_reporter_only(string requirement, string file)
    {
        var path = RepoPaths.Fixtures("checks", requirement, file);
        var withOriginal = await Engines.FileChecker(Engines.Settings()).CheckAsync(PageTarget.Of(path), CancellationToken.None);
        var reporters = withOriginal.Original?.Reporters ?? [];
        Assume.That(reporters, Is.Not.Empty, "the fixture's original names its reporters");

        var result = await Engines.FileChecker(Engines.Settings([], [.. reporters])).CheckAsync(PageTarget.Of(path), CancellationToken.None);
        var outcome = result.Requirements.Single(r => r.Id == requirement);
        Assert.That(outcome.Status, Is.EqualTo(VerdictNames.ParseOutcome(file.Split('-')[0])), $"{outcome.Message} (region: {result.Region})");
    }

    [TestCaseSource(typeof(RequirementCatalogue), nameof(RequirementCatalogue.Ids))]
    public void Every_requirement_kind_has_pass_fail_and_review_fixtures(string requirement)
    {
        var folder = RepoPaths.Fixtures("checks", requirement);
        Assert.That(Directory.Exists(folder), Is.True, $"the catalogue's kind {requirement} has no fixture folder {folder}");
        var names = Directory.GetFiles(folder, "*.html").Select(Path.GetFileName).ToList();
        foreach (var outcome in new[] { "pass-", "fail-", "review-" })
        {
            Assert.That(names.Count(n => n!.StartsWith(outcome, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(1), $"{requirement}: no {outcome}*.html");
        }

        Assert.That(names, Has.All.Match("^(pass|fail|review)-[a-z0-9-]+\\.html$"), requirement);
    }

    /// <summary>
    /// The kind's own profile when its folder has one, with the second licensor's originals (tests/fixtures/originals,
    /// and the folder's own originals/ besides); else the DCNF profile and the sample feed.
    /// </summary>
    internal static CheckSettings SettingsFor(string requirement)
    {
        var profilePath = RepoPaths.Fixtures("checks", requirement, "profile.yaml");
        if (!File.Exists(profilePath))
        {
            return Engines.Settings();
        }

        var own = RepoPaths.Fixtures("checks", requirement, "originals");
        var files = Directory.GetFiles(RepoPaths.Fixtures("originals")).Concat(Directory.Exists(own) ? Directory.GetFiles(own) : []);
        var profile = ProfileLoader.Load(profilePath);
        var originals = files.Order(StringComparer.Ordinal).SelectMany(f => OriginalsLoader.Read(File.ReadAllBytes(f), null, f)).ToList();
        return new CheckSettings(profile, new OriginalCatalogue(originals, profile), []) { Clock = FixtureClock };
    }

    /// <summary>"Today" for the fixtures: a week after the second licensor's original, so a time window can be judged.</summary>
    internal static readonly TimeProvider FixtureClock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 3, 11, 12, 0, 0, TimeSpan.Zero));
}
