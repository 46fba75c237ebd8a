using Syndication.Core.Tests.Support;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Samples;

/// <summary>
/// Every sample page gets exactly the verdict and the per-requirement outcomes recorded in samples/pages/expected.json.
/// </summary>
[TestFixture]
public sealed class SamplePagesTests
{
    private static readonly string ExpectedFile = RepoPaths.Samples("pages", "expected.json");

    public static IEnumerable<SampleExpectation> Expectations() => SampleExpectation.Load(ExpectedFile);

    [TestCaseSource(nameof(Expectations))]
    public async Task Sample_page_gets_its_expected_verdict_and_outcomes(SampleExpectation expected)
    {
        var checker = Engines.FileChecker(Engines.SampleSettings());
        var result = await checker.CheckAsync(PageTarget.Of(RepoPaths.Samples("pages", expected.File)), CancellationToken.None);

        expected.AssertMatches(result, result.Url);
    }

    [Test]
    public void Every_sample_page_has_an_expectation_and_there_are_enough_of_each_kind()
    {
        var expected = Expectations().ToList();
        var files = Directory.GetFiles(RepoPaths.Samples("pages"), "*.html").Select(Path.GetFileName).ToList();
        Assert.That(files, Is.EquivalentTo(expected.Select(e => e.File)));
        Assert.That(expected, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(expected.Count(e => e.Verdict == "compliant"), Is.GreaterThanOrEqualTo(5));
        Assert.That(expected.Count(e => e.Verdict == "non-compliant"), Is.GreaterThanOrEqualTo(5));
        Assert.That(expected.Select(e => e.Cms).Distinct().Count(), Is.GreaterThanOrEqualTo(7));
    }
}
