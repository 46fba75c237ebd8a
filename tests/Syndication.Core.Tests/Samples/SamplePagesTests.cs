using Syndication.Core.Tests.Support;
using Syndication.Pipeline;
using Syndication.Verdicts;

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
        var checker = Engines.FileChecker(Engines.Settings());
        var result = await checker.CheckAsync(PageTarget.Of(RepoPaths.Samples("pages", expected.File)), CancellationToken.None);

        var details = Describe(result);
        Assert.That(VerdictNames.Of(result.Verdict), Is.EqualTo(expected.Verdict), details);
        Assert.That(result.Original?.Title, Is.EqualTo(expected.Original), details);
        var outcomes = result.Requirements.ToDictionary(r => r.Id, r => VerdictNames.Of(r.Status));
        Assert.That(outcomes, Is.EquivalentTo(expected.Requirements), details);
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

    private static string Describe(PageResult result) =>
        $"{result.Url}: {VerdictNames.Of(result.Verdict)} {result.Note} {result.Error?.Message}\n" +
        string.Join("\n", result.Requirements.Select(r => $"  {r.Id} {VerdictNames.Of(r.Status)}: {r.Message}"));
}
