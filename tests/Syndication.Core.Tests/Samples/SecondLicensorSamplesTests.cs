using Syndication.Core.Tests.Support;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Pipeline;
using Syndication.Profiles;

namespace Syndication.Core.Tests.Samples;

/// <summary>
/// The demo of a second licensor (samples/golden-state-wire): each page gets the verdict and outcomes recorded in its
/// expected.json under the licensor's own profile, one page per clause it breaks.
/// </summary>
[TestFixture]
public sealed class SecondLicensorSamplesTests
{
    private static readonly string Folder = RepoPaths.Samples("golden-state-wire");

    public static IEnumerable<SampleExpectation> Expectations() => SampleExpectation.Load(Path.Combine(Folder, "expected.json"));

    private static readonly Lazy<CheckSettings> Settings = new(() =>
    {
        var profile = ProfileLoader.Load(Path.Combine(Folder, "profile.yaml"));
        var feed = Path.Combine(Folder, "originals", "golden-state-wire.xml");
        // The profile's time window counts from the page's own date (within:), not today's: no clock needed.
        return new CheckSettings(profile, new OriginalCatalogue(OriginalsLoader.Read(File.ReadAllBytes(feed), null, feed), profile), []);
    });

    [TestCaseSource(nameof(Expectations))]
    public async Task Sample_page_gets_its_expected_verdict_and_outcomes(SampleExpectation expected)
    {
        var result = await Engines.FileChecker(Settings.Value).CheckAsync(PageTarget.Of(Path.Combine(Folder, "pages", expected.File)), CancellationToken.None);
        expected.AssertMatches(result, result.Url);
    }

    [Test]
    public void Every_page_has_an_expectation_and_every_outcome_is_shown()
    {
        var expected = Expectations().ToList();
        var files = Directory.GetFiles(Path.Combine(Folder, "pages"), "*.html").Select(Path.GetFileName).ToList();
        Assert.That(files, Is.EquivalentTo(expected.Select(e => e.File)));
        Assert.That(expected.Select(e => e.Verdict).Distinct(), Is.EquivalentTo(new[] { "compliant", "non-compliant", "needs-review" }));
        var failing = expected.SelectMany(e => e.Requirements.Where(r => r.Value == "fail").Select(r => r.Key)).ToHashSet();
        Assert.That(failing, Is.SupersetOf(new[] { "credit-line", "links-kept", "pixel", "unedited", "photos", "time-window" }), "the demo shows each new clause broken");
    }
}
