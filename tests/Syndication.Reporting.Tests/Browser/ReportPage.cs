using Microsoft.Playwright;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>An HTML report open in Chromium, recording anything that went wrong: console errors, script errors, CSP violations, dialogs, requests.</summary>
public sealed class ReportPage
{
    private ReportPage(IPage page) => Page = page;

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    public List<string> Requests { get; } = [];

    public static async Task<ReportPage> OpenAsync(IBrowser browser, string file)
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
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        foreach (var violation in await page.EvaluateAsync<string[]>("window.__violations"))
        {
            report.Problems.Add("CSP violation: " + violation);
        }

        return report;
    }

    public Task<int> VisiblePagesAsync() => Page.Locator("article.page:visible").CountAsync();

    public Task<string> CountTextAsync() => Page.Locator("#f-count").InnerTextAsync();
}
