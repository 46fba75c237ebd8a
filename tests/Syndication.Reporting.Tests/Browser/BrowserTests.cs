using Microsoft.Playwright;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>
/// The HTML report in headless Chromium: loads without errors or policy violations, runs nothing from pages, and its
/// filters work — with every page written out, and with all but the first two folded into chunks of two (as a run of
/// thousands of pages is), where the same views must show the same pages.
/// </summary>
[NonParallelizable]
[TestFixture(false)]
[TestFixture(true)]
public sealed class BrowserTests(bool folded) : ChromiumFixture
{
    private HtmlReporter Reporter => folded ? new HtmlReporter { StaticPages = 2, ChunkPages = 2 } : new HtmlReporter();

    [Test]
    public async Task The_report_loads_with_no_console_errors_no_policy_violations_and_runs_nothing_from_pages()
    {
        var report = await OpenAsync(Render.Bytes(Reporter, SampleRuns.Audit()));
        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.Requests, Has.Count.EqualTo(1), "the report loads nothing but itself: " + string.Join(", ", report.Requests));
        Assert.That(await report.Page.Locator("#filters").IsVisibleAsync(), Is.True, "the script ran (it shows the filters)");
        Assert.That(await report.CountTextAsync(), Is.EqualTo("Showing 6 of 6 pages"));
        Assert.That(await report.Page.EvaluateAsync<int>("document.querySelectorAll('img, iframe, [onerror]').length"), Is.EqualTo(0));
        Assert.That(await report.Page.Locator("#page-2 .reason").First.InnerTextAsync(), Does.Contain("<script>alert('xss')</script>"));
    }

    [Test]
    public async Task Filters_by_verdict_partner_requirement_and_search_change_what_is_shown()
    {
        var report = await OpenAsync(Render.Bytes(Reporter, SampleRuns.Audit()));
        var page = report.Page;
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(6));

        await page.Locator("input[name='verdict'][value='compliant']").UncheckAsync();
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(4));
        Assert.That(await report.CountTextAsync(), Is.EqualTo("Showing 4 of 6 pages"));

        await page.Locator("#f-partner").SelectOptionAsync(SampleRuns.Plains);
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(1), "Plains Reporter's non-compliant page");

        await page.Locator("#f-reset").ClickAsync();
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(6));

        await page.Locator("#f-partner").SelectOptionAsync(SampleRuns.HostilePartner);
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(3), "a partner name with quotes, & and a bidi override still matches");
        await page.Locator("#f-reset").ClickAsync();

        await page.Locator("#f-requirement").SelectOptionAsync("byline");
        await page.Locator("#f-outcome").SelectOptionAsync("review");
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(1));
        Assert.That(await page.Locator("article.page:visible").GetAttributeAsync("id"), Is.EqualTo("page-2"));
        await page.Locator("#f-outcome").SelectOptionAsync("fail");
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(0));
        await page.Locator("#f-reset").ClickAsync();

        await page.Locator("#f-search").FillAsync("GAZETTE");
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(1));
        await page.Locator("#f-search").FillAsync("alert('xss')");
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(1));
        await page.Locator("#f-search").FillAsync(string.Empty);
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(6));
        Assert.That(report.Problems, Is.Empty);
    }

    [Test]
    public async Task A_script_the_policy_does_not_name_is_blocked_and_reported()
    {
        // Proves the policy is enforced and that the checks above would see a violation.
        var html = Render.Text(Reporter, SampleRuns.Audit()).Replace("</script>", "void 0;</script>", StringComparison.Ordinal);
        var report = await OpenAsync(System.Text.Encoding.UTF8.GetBytes(html));
        Assert.That(report.Problems, Has.Some.Contains("script-src"));
        Assert.That(await report.Page.Locator("#filters").IsVisibleAsync(), Is.False, "the tampered script did not run");
        Assert.That(await report.Page.Locator("article.page:visible").CountAsync(), Is.EqualTo(folded ? 2 : 6), "without the script every page written out still shows");
        Assert.That(await report.Page.Locator("#folded").IsVisibleAsync(), Is.EqualTo(folded), "and the folded ones are named");
    }

    [Test]
    public async Task The_new_violation_is_shown_first_and_the_sort_brings_back_the_list_order()
    {
        var report = await OpenAsync(Render.Bytes(Reporter, SampleRuns.Audit()));
        Assert.That(await report.VisibleIdsAsync(), Is.EqualTo(new[] { "page-2", "page-3", "page-5", "page-1", "page-6", "page-4" }));
        Assert.That(await report.Page.Locator("article.page").First.Locator(".change").First.InnerTextAsync(), Is.EqualTo("new"));

        await report.Page.Locator("#f-sort").SelectOptionAsync("list");
        Assert.That(await report.VisibleIdsAsync(), Is.EqualTo(new[] { "page-1", "page-2", "page-3", "page-4", "page-5", "page-6" }));
        await report.Page.Locator("#f-sort").SelectOptionAsync("change");
        Assert.That(await report.VisibleIdsAsync(), Is.EqualTo(new[] { "page-2", "page-1", "page-3", "page-5", "page-6", "page-4" }), "new, fixed, then the unchanged by triage");
        await report.Page.Locator("#f-sort").SelectOptionAsync("triage");
        Assert.That((await report.VisibleIdsAsync())[0], Is.EqualTo("page-2"));
        Assert.That(report.Problems, Is.Empty);
    }

    [Test]
    public async Task The_change_filter_shows_new_fixed_or_unchanged_pages()
    {
        var report = await OpenAsync(Render.Bytes(Reporter, SampleRuns.Audit()));
        var change = report.Page.Locator("#f-change");
        await change.SelectOptionAsync("new");
        Assert.That(await report.VisibleIdsAsync(), Is.EqualTo(new[] { "page-2" }));
        await change.SelectOptionAsync("fixed");
        Assert.That(await report.VisibleIdsAsync(), Is.EqualTo(new[] { "page-1" }));
        await change.SelectOptionAsync("persisting");
        Assert.That(await report.VisibleIdsAsync(), Is.Empty);
        Assert.That(await report.CountTextAsync(), Is.EqualTo("Showing 0 of 6 pages"));
        await change.SelectOptionAsync("unchanged");
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(4));
        Assert.That(report.Problems, Is.Empty);
    }

    [Test]
    public async Task A_view_is_kept_in_the_address_and_a_link_to_it_opens_the_same_view()
    {
        var html = Render.Bytes(Reporter, SampleRuns.Audit());
        var report = await OpenAsync(html);
        await report.Page.Locator("#f-partner").SelectOptionAsync(SampleRuns.HostilePartner);
        await report.Page.Locator("input[name='verdict'][value='not-applicable']").UncheckAsync();
        await report.Page.Locator("#f-sort").SelectOptionAsync("list");
        var fragment = await report.FragmentAsync();
        Assert.That(fragment, Does.Contain("partner=").And.Contain("sort=list").And.Contain("verdict="));
        var shown = await report.VisibleIdsAsync();
        Assert.That(shown, Is.EqualTo(new[] { "page-3", "page-5" }));

        // The same address in a fresh tab (a colleague opening the link) shows the same pages with the same controls.
        var shared = await OpenAsync(html, fragment);
        Assert.That(await shared.VisibleIdsAsync(), Is.EqualTo(shown));
        Assert.That(await shared.Page.Locator("#f-partner").InputValueAsync(), Is.EqualTo(SampleRuns.HostilePartner));
        Assert.That(await shared.Page.Locator("#f-sort").InputValueAsync(), Is.EqualTo("list"));
        Assert.That(await shared.Page.Locator("input[name='verdict'][value='not-applicable']").IsCheckedAsync(), Is.False);

        // A partner's row in the table opens that partner's pages; a count, its pages with that verdict.
        await shared.Page.Locator(".partners a.partner-link", new PageLocatorOptions { HasText = SampleRuns.Plains }).ClickAsync();
        Assert.That(await shared.VisibleIdsAsync(), Is.EqualTo(new[] { "page-2", "page-1" }));
        Assert.That(await shared.Page.Locator("#f-partner").InputValueAsync(), Is.EqualTo(SampleRuns.Plains));
        await shared.Page.Locator(".partners td.v-non-compliant a").First.ClickAsync();
        Assert.That(await shared.VisibleIdsAsync(), Is.EqualTo(new[] { "page-2" }));

        // A mangled or unknown value in a hand-edited link shows everything for that filter rather than nothing.
        var mangled = await OpenAsync(html, "partner=%E0%A4%A&requirement=nonsense&sort=sideways");
        Assert.That(await mangled.VisiblePagesAsync(), Is.EqualTo(6));
        Assert.That(report.Problems.Concat(shared.Problems).Concat(mangled.Problems), Is.Empty);
    }

    private async Task<ReportPage> OpenAsync(byte[] html, string? fragment = null)
    {
        var file = Folder.File(Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllBytesAsync(file, html);
        return await ReportPage.OpenAsync(Browser, file, fragment);
    }
}
