using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;
using Syndication.Verdicts;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>
/// A run too large to write out whole: its first pages are in the document and the rest folded into compressed chunks
/// the script unfolds. Folded pages must come back as exactly the sections a page written out has, and the filters,
/// search, sorts and links must reach them.
/// </summary>
[NonParallelizable]
public sealed class FoldedReportTests : ChromiumFixture
{
    [Test]
    public async Task Folded_pages_are_built_into_the_same_sections_as_pages_written_out()
    {
        foreach (var summary in new[] { SampleRuns.Audit(), SampleRuns.Discovery() })
        {
            var whole = await OpenAsync(Render.Bytes(new HtmlReporter(), summary));
            var folded = await OpenAsync(Render.Bytes(new HtmlReporter { StaticPages = 1, ChunkPages = 2 }, summary));
            var expected = await SectionsAsync(whole);
            Assert.That(expected, Has.Count.EqualTo(summary.Pages.Count));
            Assert.That(await SectionsAsync(folded), Is.EqualTo(expected), "every attribute, text and element of each page, in the same order");
            Assert.That(whole.Problems.Concat(folded.Problems), Is.Empty);
        }
    }

    [Test]
    public async Task A_run_of_thousands_opens_with_its_first_pages_and_shows_more_as_you_scroll()
    {
        var html = Render.Bytes(new HtmlReporter(), Thousands());
        var text = System.Text.Encoding.UTF8.GetString(html);
        Assert.That(text, Does.Contain("class=\"page-chunk\""), "all but the first 100 pages are folded");
        var report = await OpenAsync(html);
        Assert.That(await report.CountTextAsync(), Is.EqualTo("Showing 3000 of 3000 pages"));
        Assert.That(await report.VisibleIdsAsync(), Has.Length.EqualTo(100), "a long view shows its first 100 pages");
        Assert.That((await report.VisibleIdsAsync())[0], Is.EqualTo("page-2001"), "the new violation first");

        await report.Page.Locator("#f-more").ScrollIntoViewIfNeededAsync();
        await WaitForAsync(report, async () => (await report.VisibleIdsAsync()).Length >= 300);
        var ids = await report.VisibleIdsAsync();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Length));

        // A folded compliant page near the end of the list, found by its address.
        await report.Page.Locator("#f-search").FillAsync("story-2718/");
        Assert.That(await report.VisibleIdsAsync(), Is.EqualTo(new[] { "page-2719" }));
        Assert.That(await report.CountTextAsync(), Is.EqualTo("Showing 1 of 3000 pages"));
        Assert.That(await report.Page.Locator("#page-2719 .verdict").InnerTextAsync(), Is.EqualTo("compliant"));
        await report.Page.Locator("#f-search").FillAsync(string.Empty);

        // One partner's 1,000 pages: a view that size is shown whole (and prints whole).
        await report.Page.Locator("#f-partner").SelectOptionAsync("Partner C");
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(1000));
        Assert.That(await report.FragmentAsync(), Is.EqualTo("partner=Partner%20C"));

        // The list's order, from a shared link, reaches the folded pages at the start of the list.
        var shared = await OpenAsync(html, "sort=list&verdict=compliant");
        Assert.That((await shared.VisibleIdsAsync()).Take(3), Is.EqualTo(new[] { "page-1", "page-2", "page-3" }));
        Assert.That(await shared.CountTextAsync(), Is.EqualTo("Showing 2999 of 3000 pages"));
        Assert.That(report.Problems.Concat(shared.Problems), Is.Empty);
    }

    /// <summary>3,000 compliant pages of three partners but one new violation, the 2,001st.</summary>
    private static RunSummary Thousands()
    {
        var pages = Enumerable.Range(0, 3000).Select(i => new PageResult
        {
            Url = $"https://partner.example/story-{i}/",
            Partner = "Partner " + (char)('A' + (i % 3)),
            Verdict = i == 2000 ? PageVerdict.NonCompliant : PageVerdict.Compliant,
            Change = i == 2000 ? Changes.New : Changes.Same,
            Requirements = i == 2000
                ? [RequirementOutcome.Fail("logo", "no logo") with { Change = Changes.New }]
                : [RequirementOutcome.Pass("logo", "a logo with the article")],
        }).ToList();
        return SampleRuns.Summary(pages);
    }

    private static async Task<Dictionary<string, string>> SectionsAsync(ReportPage report)
    {
        await report.SettledAsync();
        var sections = await report.Page.EvaluateAsync<string[][]>("Array.from(document.querySelectorAll('article.page')).map(p => { p.hidden = false; return [p.id, p.outerHTML]; })");
        return sections.ToDictionary(s => s[0], s => s[1]);
    }

    private static async Task WaitForAsync(ReportPage report, Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await report.Page.Mouse.WheelAsync(0, 20000);
            await Task.Delay(50);
        }

        Assert.That(await condition(), Is.True, "more pages were shown as the reader scrolled");
    }

    private async Task<ReportPage> OpenAsync(byte[] html, string? fragment = null)
    {
        var file = Folder.File(Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllBytesAsync(file, html);
        return await ReportPage.OpenAsync(Browser, file, fragment);
    }
}
