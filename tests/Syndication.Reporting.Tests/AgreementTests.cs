using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>Every format written from one run tells the same counts, in its totals and in its pages.</summary>
public sealed class AgreementTests
{
    [Test]
    public void All_formats_agree_on_every_count()
    {
        var summary = SampleRuns.Audit();
        var expected = ReadCounts.Of(summary.Counts);
        Assert.That(expected, Is.EqualTo(new ReadCounts(6, 2, 1, 1, 1, 1)), "the sample run has every verdict");
        foreach (var (what, counts) in ReadAll(summary))
        {
            Assert.That(counts, Is.EqualTo(expected), what);
        }
    }

    [Test]
    public void Formats_agree_on_a_large_check_run_too()
    {
        var pages = Enumerable.Range(0, 500).SelectMany(_ => SampleRuns.Pages()).Select(p => p with { Partner = null }).ToList();
        var summary = SampleRuns.Summary(pages);
        var expected = ReadCounts.Of(summary.Counts);
        Assert.That(expected.Pages, Is.EqualTo(3000));
        foreach (var (what, counts) in ReadAll(summary))
        {
            Assert.That(counts, Is.EqualTo(expected), what);
        }
    }

    [Test]
    public void Per_partner_counts_agree_between_junit_and_the_summary()
    {
        var summary = SampleRuns.Audit();
        var junit = System.Xml.Linq.XDocument.Parse(Render.Text(new JUnitReporter(), summary)).Root!;
        var suites = junit.Elements("testsuite").Select(s => (Name: s.Attribute("name")!.Value, Tests: int.Parse(s.Attribute("tests")!.Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.That(suites, Is.EqualTo(new[] { (SampleRuns.Plains, 2), (TerminalText.Safe(SampleRuns.HostilePartner), 3), ("pages", 1) }));
    }

    public static IEnumerable<(string What, ReadCounts Counts)> ReadAll(RunSummary summary) =>
        ReportReaders.Json(Render.Text(new JsonReporter(), summary))
            .Concat(ReportReaders.JUnit(Render.Text(new JUnitReporter(), summary)))
            .Concat(ReportReaders.Csv(Render.Text(new CsvReporter(), summary)))
            .Concat(ReportReaders.Html(Render.Text(new HtmlReporter(), summary)))
            .Concat(ReportReaders.Totals("markdown", Render.Text(new MarkdownReporter(), summary)))
            .Concat(ReportReaders.Console(Render.Text(new ConsoleReporter(), summary)))
            .ToList();
}
