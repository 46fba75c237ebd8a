using System.Globalization;
using System.Xml;
using System.Xml.Schema;
using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;
using Syndication.Verdicts;

namespace Syndication.Reporting.Tests;

/// <summary>The JUnit report against the schema Jenkins and GitLab read, and its mapping of verdicts to results.</summary>
public sealed class JUnitSchemaTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void The_report_is_valid_for_the_junit_schema(bool findingsOnly)
    {
        var errors = Validate(Render.Text(new JUnitReporter { FindingsOnly = findingsOnly }, SampleRuns.Audit()));
        Assert.That(errors, Is.Empty);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_report_with_discovery_is_valid_for_the_junit_schema(bool findingsOnly)
    {
        var errors = Validate(Render.Text(new JUnitReporter { FindingsOnly = findingsOnly }, SampleRuns.Discovery()));
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Findings_only_lists_every_finding_and_counts_the_quiet_pages_in_one_case_each()
    {
        // 1,000 pages of two partners: three findings, a page listed by hand that republishes nothing (a finding too),
        // and quiet pages: compliant ones and discovered not-applicable ones.
        var pages = Enumerable.Range(0, 1000).Select(i => new PageResult
        {
            Url = $"https://partner.example/story-{i}/",
            Partner = i < 600 ? "Alpha" : "Beta",
            Verdict = i switch { 7 => PageVerdict.NonCompliant, 8 => PageVerdict.NeedsReview, 650 => PageVerdict.Error, 9 or 10 or 700 => PageVerdict.NotApplicable, _ => PageVerdict.Compliant },
            Found = i is 10 or 700 ? new FoundNote(DateTimeOffset.UnixEpoch, "https://partner.example/sitemap.xml", New: false) : null,
            Error = i == 650 ? new PageError("timeout", "took too long") : null,
            Requirements = i switch
            {
                7 => [RequirementOutcome.Fail("logo", "no logo")],
                8 => [RequirementOutcome.Review("byline", "cannot tell")],
                _ => [],
            },
        }).ToList();
        var all = Render.Text(new JUnitReporter(), SampleRuns.Summary(pages));
        var findings = Render.Text(new JUnitReporter { FindingsOnly = true }, SampleRuns.Summary(pages));
        Assert.That(Validate(findings), Is.Empty);
        var document = new XmlDocument();
        document.LoadXml(findings);
        string[] Cases(string suite) => [.. document.SelectNodes($"//testsuite[@name='{suite}']/testcase")!.Cast<XmlElement>().Select(c => c.GetAttribute("name"))];
        Assert.That(Cases("Alpha"), Is.EqualTo(new[] { "https://partner.example/story-7/", "https://partner.example/story-8/", "https://partner.example/story-9/", JUnitReporter.CompliantCase, JUnitReporter.NotApplicableCase }));
        Assert.That(Cases("Beta"), Is.EqualTo(new[] { "https://partner.example/story-650/", JUnitReporter.CompliantCase, JUnitReporter.NotApplicableCase }));
        Assert.That(document.SelectSingleNode("//testsuite[@name='Alpha']/testcase[@name='compliant pages']/system-out")!.InnerText, Does.StartWith("596 compliant page(s)"));
        Assert.That(document.SelectSingleNode("//testsuite[@name='Beta']/testcase[@name='not-applicable pages']/skipped/@message")!.Value, Does.StartWith("1 page(s)"));
        foreach (var suite in document.SelectNodes("//testsuite")!.Cast<XmlElement>())
        {
            Assert.That(int.Parse(suite.GetAttribute("tests"), CultureInfo.InvariantCulture), Is.EqualTo(suite.SelectNodes("testcase")!.Count));
            Assert.That(int.Parse(suite.GetAttribute("skipped"), CultureInfo.InvariantCulture), Is.EqualTo(suite.SelectNodes("testcase[skipped]")!.Count));
        }

        Assert.That(findings.Length, Is.LessThan(all.Length / 20), "the file grows with the findings");
    }

    [Test]
    public void The_schema_rejects_what_jenkins_rejects()
    {
        // Otherwise a green validation would prove nothing.
        Assert.That(Validate("<testsuites skipped=\"1\"><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\"/></testsuites>"), Is.Not.Empty);
        Assert.That(Validate("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\"/></testsuites>"), Is.Not.Empty);
        Assert.That(Validate("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"1\"><testcase name=\"x\" time=\"0,5\"/></testsuite></testsuites>"), Is.Not.Empty);
        Assert.That(Validate("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\"><testcase name=\"x\" time=\"0.5\"/></testsuite></testsuites>"), Is.Not.Empty, "a suite without its time");
        Assert.That(Validate("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"1\"><testcase name=\"x\"/></testsuite></testsuites>"), Is.Not.Empty, "a case without its time");
        Assert.That(Validate("<testsuites><testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"1\"><testcase name=\"x\" time=\"0.5\"/></testsuite></testsuites>"), Is.Empty);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Needs_review_is_skipped_with_its_reason_and_every_count_and_time_adds_up(bool findingsOnly)
    {
        var document = new XmlDocument();
        document.LoadXml(Render.Text(new JUnitReporter { FindingsOnly = findingsOnly }, SampleRuns.Audit()));
        var review = document.SelectNodes("//testcase")!.Cast<XmlElement>().Single(c => c.GetAttribute("name") == Hostile.JavascriptUrl);
        var skipped = (XmlElement)review.SelectSingleNode("skipped")!;
        Assert.That(skipped.GetAttribute("type"), Is.EqualTo("needs-review"));
        Assert.That(skipped.GetAttribute("message"), Does.StartWith("affiliation: review: "));
        foreach (var suite in document.SelectNodes("//testsuite")!.Cast<XmlElement>())
        {
            var cases = suite.SelectNodes("testcase")!.Cast<XmlElement>().ToList();
            int Count(string element) => cases.Count(c => c.SelectSingleNode(element) is not null);
            Assert.That(int.Parse(suite.GetAttribute("tests"), CultureInfo.InvariantCulture), Is.EqualTo(cases.Count));
            Assert.That(int.Parse(suite.GetAttribute("failures"), CultureInfo.InvariantCulture), Is.EqualTo(Count("failure")));
            Assert.That(int.Parse(suite.GetAttribute("errors"), CultureInfo.InvariantCulture), Is.EqualTo(Count("error")));
            Assert.That(int.Parse(suite.GetAttribute("skipped"), CultureInfo.InvariantCulture), Is.EqualTo(Count("skipped")));
            var sum = cases.Sum(c => double.Parse(c.GetAttribute("time"), CultureInfo.InvariantCulture));
            Assert.That(double.Parse(suite.GetAttribute("time"), CultureInfo.InvariantCulture), Is.EqualTo(sum).Within(0.002), suite.GetAttribute("name"));
        }

        var plains = (XmlElement)document.SelectSingleNode($"//testsuite[@name='{SampleRuns.Plains}']")!;
        Assert.That(plains.GetAttribute("time"), Is.EqualTo("0.5"), "412.5 ms and 87 ms");
    }

    [Test]
    public void Verdicts_map_to_failure_error_skipped_and_passing_cases()
    {
        var document = new XmlDocument();
        document.LoadXml(Render.Text(new JUnitReporter(), SampleRuns.Audit()));
        var cases = document.SelectNodes("//testcase")!.Cast<XmlElement>().ToList();
        string Result(XmlElement c) => c.ChildNodes.OfType<XmlElement>().Select(e => e.Name).FirstOrDefault() ?? "pass";
        Assert.That(cases.Select(Result), Is.EqualTo(new[] { "pass", "failure", "skipped", "skipped", "error", "pass" }));
        var failure = (XmlElement)cases[1].FirstChild!;
        Assert.That(failure.GetAttribute("type"), Is.EqualTo("non-compliant"));
        Assert.That(failure.GetAttribute("message"), Does.StartWith("logo: fail (new) [waiver expired on 2026-10-01").And.Contain("]: no visible logo"));
        Assert.That(failure.InnerText, Does.Contain("logo: fail:").And.Contain("  selector: div#main > img").And.Contain("byline: review:").And.Contain("affiliation: pass:"));
        Assert.That(((XmlElement)cases[4].FirstChild!).GetAttribute("type"), Is.EqualTo("timeout"));
        Assert.That(cases[2].SelectSingleNode("system-out")!.InnerText, Does.StartWith("needs-review: affiliation: review:"));
        Assert.That(cases[0].GetAttribute("time"), Is.EqualTo("0.413"));
    }

    [Test]
    public void A_check_run_without_partners_is_one_suite_named_pages()
    {
        var summary = SampleRuns.Summary(SampleRuns.Pages().Select(p => p with { Partner = null }).ToList());
        var document = new XmlDocument();
        document.LoadXml(Render.Text(new JUnitReporter(), summary));
        var suites = document.SelectNodes("/testsuites/testsuite")!.Cast<XmlElement>().ToList();
        Assert.That(suites.Select(s => s.GetAttribute("name")), Is.EqualTo(new[] { "pages" }));
        Assert.That(suites[0].GetAttribute("tests"), Is.EqualTo("6"));
        Assert.That(suites[0].GetAttribute("skipped"), Is.EqualTo("2"), "needs review and not applicable");
    }

    [Test]
    public void Pages_of_a_partner_that_are_not_together_are_refused_rather_than_miscounted()
    {
        var pages = SampleRuns.Pages();
        (pages[1], pages[2]) = (pages[2], pages[1]);
        var summary = SampleRuns.Summary(pages);
        var error = Assert.Throws<InvalidOperationException>(() => Render.Bytes(new JUnitReporter(), summary));
        Assert.That(error!.Message, Does.Contain("Plains Reporter").And.Contain("not together"));
    }

    [Test]
    public void A_run_with_no_pages_is_valid_too()
    {
        var summary = RunSummary.Create(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
        Assert.That(Validate(Render.Text(new JUnitReporter(), summary)), Is.Empty);
        Assert.That(Render.Text(new JUnitReporter(), summary), Does.Contain("tests=\"0\""));
    }

    private static List<string> Validate(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, RepoPaths.Schema("junit.xsd"));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }
}
