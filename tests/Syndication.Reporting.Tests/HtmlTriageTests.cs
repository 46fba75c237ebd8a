using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;
using Syndication.Verdicts;

namespace Syndication.Reporting.Tests;

/// <summary>The HTML report as a triage list: what needs a look comes first, compliant pages stay folded, and every view has its controls.</summary>
public sealed class HtmlTriageTests
{
    [Test]
    public void Evidence_is_open_for_violations_and_review_and_folded_for_compliant_pages()
    {
        using var document = Parse(SampleRuns.Audit());
        var open = document.QuerySelectorAll("article.page").ToDictionary(p => p.GetAttribute("data-verdict") + "/" + p.Id, p => p.QuerySelector("details.evidence")?.HasAttribute("open"));
        Assert.That(open["non-compliant/page-2"], Is.True);
        Assert.That(open["needs-review/page-3"], Is.True);
        Assert.That(open["compliant/page-1"], Is.False);
        Assert.That(open["compliant/page-6"], Is.False);
    }

    [Test]
    public void A_night_of_a_thousand_pages_shows_its_one_new_violation_first_then_the_persisting_ones()
    {
        var pages = Enumerable.Range(0, 1000).Select(i => Page(i, PageVerdict.Compliant, Changes.Same)).ToList();
        pages[412] = Page(412, PageVerdict.NonCompliant, Changes.New);
        pages[7] = Page(7, PageVerdict.NonCompliant, Changes.Persisting);
        pages[900] = Page(900, PageVerdict.NonCompliant, Changes.Persisting);
        pages[3] = Page(3, PageVerdict.NeedsReview, Changes.Same);
        pages[5] = Page(5, PageVerdict.Compliant, Changes.Fixed);
        using var document = Parse(SampleRuns.Summary(pages));
        var order = document.QuerySelectorAll("article.page").Take(6).Select(p => p.Id).ToList();
        Assert.That(order, Is.EqualTo(new[] { "page-413", "page-8", "page-901", "page-4", "page-6", "page-1" }));
    }

    [Test]
    public void A_waived_violation_comes_after_the_ones_that_count()
    {
        var waived = Page(0, PageVerdict.NonCompliant, Changes.New) with
        {
            Requirements = [RequirementOutcome.Fail("logo", "no logo") with { Waiver = new WaiverNote("redesign", "J. Smith", new DateOnly(2099, 1, 1), Expired: false) }],
        };
        var pages = new List<PageResult> { waived, Page(1, PageVerdict.NeedsReview, null), Page(2, PageVerdict.NonCompliant, null) };
        Assert.That(Triage.Order(SampleRuns.Summary(pages)), Is.EqualTo(new[] { 2, 1, 0 }));
    }

    [Test]
    public void Another_licensors_requirements_are_filters_and_the_footer_names_them_not_the_dcnf_licence()
    {
        var page = Page(0, PageVerdict.NonCompliant, Changes.New) with
        {
            Requirements = [RequirementOutcome.Fail("credit-line", "no first line"), RequirementOutcome.Pass("pixel", "loads the pixel"), RequirementOutcome.Review("unedited", "a reworded sentence")],
        };
        using var document = Parse(SampleRuns.Summary([page, Page(1, PageVerdict.Compliant, null)]));
        Assert.That(document.QuerySelectorAll("#f-requirement option").Select(o => o.GetAttribute("value")), Is.SupersetOf(new[] { "credit-line", "pixel", "unedited" }));
        var footer = document.QuerySelector("footer")!.TextContent;
        Assert.That(footer, Does.Contain("credit-line").And.Contain("unedited").And.Not.Contain("logo, the reporter's byline"));

        using var dcnf = Parse(SampleRuns.Audit());
        Assert.That(dcnf.QuerySelector("footer")!.TextContent, Does.Contain("the licence asks for the licensor's logo, the reporter's byline and their affiliation"));
    }

    [Test]
    public void The_filters_offer_change_and_sort_and_a_line_that_says_what_is_printed()
    {
        using var document = Parse(SampleRuns.Audit());
        Assert.That(document.QuerySelectorAll("#f-change option").Select(o => o.GetAttribute("value")), Is.EqualTo(new[] { string.Empty, "new", "persisting", "fixed", "unchanged" }));
        Assert.That(document.QuerySelectorAll("#f-sort option").Select(o => o.GetAttribute("value")), Is.EqualTo(new[] { "triage", "change", "list" }));
        Assert.That(document.GetElementById("f-view"), Is.Not.Null);
    }

    private static IDocument Parse(RunSummary summary) => new HtmlParser().ParseDocument(Render.Text(new HtmlReporter(), summary));

    private static PageResult Page(int i, PageVerdict verdict, string? change) => new()
    {
        Url = $"https://partner.example/story-{i}/",
        Partner = "Partner",
        Verdict = verdict,
        Change = change,
        Requirements = verdict == PageVerdict.NonCompliant ? [RequirementOutcome.Fail("logo", "no logo") with { Change = change }] : [],
    };
}
