using Microsoft.Playwright;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>An HTML report open in Chromium, recording anything that went wrong: console errors, script errors, CSP violations, dialogs, requests.</summary>
public sealed class ReportPage
{
    private ReportPage(IPage page) => Page = page;

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    public List<string> Requests { get; } = [];

    /// <param name="fragment">A view to open (the address's #fragment without '#'), as a shared link would.</param>
    public static async Task<ReportPage> OpenAsync(IBrowser browser, string file, string? fragment = null)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var report = new ReportPage(page);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                report.Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => report.Problems.Add("script error: " + error);
        page.Dialog += async (_, dialog) =>
        {
            report.Problems.Add("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };
        page.Request += (_, request) => report.Requests.Add(request.Url);
        // Init scripts are not subject to the page's policy, so this listener sees every violation the page causes.
        await page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync(new Uri(file).AbsoluteUri + (fragment is null ? string.Empty : "#" + fragment), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        foreach (var violation in await page.EvaluateAsync<string[]>("window.__violations"))
        {
            report.Problems.Add("CSP violation: " + violation);
        }

        return report;
    }

    /// <summary>Waits until the pages are in place: a search over folded pages, or their unfolding, ends a moment after the change.</summary>
    /// (Polled with evaluations: WaitForFunction evaluates a string, which the report's policy forbids.)
    public async Task SettledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await Page.EvaluateAsync<bool>("document.getElementById('pages').getAttribute('aria-busy') === 'true'"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the report's pages were still busy after 30 s");
            }

            await Task.Delay(20);
        }
    }

    public async Task<int> VisiblePagesAsync()
    {
        await SettledAsync();
        return await Page.Locator("article.page:visible").CountAsync();
    }

    /// <summary>The ids of the pages shown, top to bottom.</summary>
    public async Task<string[]> VisibleIdsAsync()
    {
        await SettledAsync();
        return await Page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('article.page')).filter(p => !p.hidden).map(p => p.id)");
    }

    /// <summary>The address's #fragment, without '#'.</summary>
    public Task<string> FragmentAsync() => Page.EvaluateAsync<string>("location.hash.replace(/^#/, '')");

    /// <summary>How many sheets the page prints on (A4, the print stylesheet), counted in the PDF Chromium makes.</summary>
    public async Task<int> PrintedSheetsAsync()
    {
        var pdf = System.Text.Encoding.Latin1.GetString(await Page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false }));
        return System.Text.RegularExpressions.Regex.Count(pdf, @"/Type\s*/Page(?![a-zA-Z])");
    }

    public async Task<string> CountTextAsync()
    {
        await SettledAsync();
        return await Page.Locator("#f-count").InnerTextAsync();
    }
}
