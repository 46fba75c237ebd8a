using System.Globalization;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>
/// Every format against its checked-in golden file, under the invariant culture and a non-English one (Russian
/// writes 0,5 and other dates): reports must not depend on the machine's locale.
/// </summary>
public sealed class GoldenTests
{
    private static readonly string[] Cultures = ["", "ru-RU", "de-DE"];

    private static IEnumerable<TestCaseData> Cases()
    {
        var formats = new (string Golden, Func<IReporter> Reporter)[]
        {
            ("report.txt", () => new ConsoleReporter()),
            ("report-colour.txt", () => new ConsoleReporter(colour: true, width: 120)),
            ("report.json", () => new JsonReporter()),
            ("junit.xml", () => new JUnitReporter()),
            ("report.html", () => new HtmlReporter()),
            ("report.csv", () => new CsvReporter()),
            ("report.md", () => new MarkdownReporter()),
        };
        foreach (var (golden, reporter) in formats)
        {
            foreach (var culture in Cultures)
            {
                yield return new TestCaseData(golden, reporter, culture).SetName($"{golden} under '{culture}'");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Output_matches_its_golden_file(string golden, Func<IReporter> reporter, string culture)
    {
        var summary = SampleRuns.Audit();
        var actual = Render.Bytes(reporter(), summary, CultureInfo.GetCultureInfo(culture));
        Golden.Verify(golden, actual, Render.Bytes(reporter(), summary));
    }

    [TestCaseSource(nameof(Cases))]
    public void A_run_with_discovery_matches_its_golden_file(string golden, Func<IReporter> reporter, string culture)
    {
        var summary = SampleRuns.Discovery();
        var actual = Render.Bytes(reporter(), summary, CultureInfo.GetCultureInfo(culture));
        Golden.Verify("discovery-" + golden, actual, Render.Bytes(reporter(), summary));
    }

    [TestCase("", false)]
    [TestCase("ru-RU", false)]
    [TestCase("", true)]
    public void Annotations_match_their_golden_file(string culture, bool discovery)
    {
        var summary = discovery ? SampleRuns.Discovery() : SampleRuns.Audit();
        Golden.Verify(discovery ? "discovery-annotations.txt" : "annotations.txt", Annotations(summary, culture), Annotations(summary, ""));

        static byte[] Annotations(Pipeline.RunSummary summary, string culture) =>
            Render.Under(CultureInfo.GetCultureInfo(culture), () =>
            {
                using var writer = new StringWriter();
                GitHubAnnotations.Write(summary, writer);
                return System.Text.Encoding.UTF8.GetBytes(writer.ToString());
            });
    }

    [Test]
    public void The_non_english_cultures_really_format_differently()
    {
        // Otherwise the culture cases above would prove nothing.
        Assert.That(0.5.ToString(CultureInfo.GetCultureInfo("ru-RU")), Is.EqualTo("0,5"));
        Assert.That(0.5.ToString(CultureInfo.GetCultureInfo("de-DE")), Is.EqualTo("0,5"));
    }
}
