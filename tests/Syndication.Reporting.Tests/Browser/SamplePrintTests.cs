using Microsoft.Playwright;
using Syndication.Cli;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>
/// The bundled samples' report (the README demo's 44 pages, audited by the real command line) on paper: the print
/// stylesheet leaves out the controls, what passed and the evidence of compliant pages, so the night prints on a few
/// sheets, and one partner's findings (filtered by a link) print on one.
/// </summary>
[NonParallelizable]
public sealed class SamplePrintTests
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TempFolder? _folder;
    private string? _report;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_playwright, _browser) = await HeadlessChromium.LaunchAsync();
        _folder = new TempFolder();
        var list = Path.Combine(_folder.Path, "samples");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Samples(), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Samples(), file);
            if (relative.StartsWith("pages", StringComparison.Ordinal) || relative.StartsWith("originals", StringComparison.Ordinal)
                || relative.StartsWith("logos", StringComparison.Ordinal) || relative is "partners.yaml" or "profile.yaml")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(list, relative))!);
                File.Copy(file, Path.Combine(list, relative));
            }
        }

        var reports = Path.Combine(_folder.Path, "reports");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["audit", Path.Combine(list, "partners.yaml"), "--no-history", "--format", "html", "--output-dir", reports], stdout, stderr);
        Assert.That(code, Is.EqualTo(1), stderr.ToString());
        _report = Path.Combine(reports, "report.html");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _folder?.Dispose();
    }

    [Test]
    public async Task The_samples_night_prints_on_a_few_sheets()
    {
        var report = await ReportPage.OpenAsync(_browser!, _report!);
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(44));
        var sheets = await report.PrintedSheetsAsync();
        TestContext.Out.WriteLine($"the samples' report (44 pages) prints on {sheets} A4 sheet(s)");
        Assert.That(sheets, Is.InRange(2, 12), "every page's verdict and what failed, compactly");
        Assert.That(report.Problems, Is.Empty);
    }

    [Test]
    public async Task One_partner_s_findings_print_compactly()
    {
        var report = await ReportPage.OpenAsync(_browser!, _report!, "partner=" + Uri.EscapeDataString("Plains Reporter"));
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(9));
        Assert.That(await report.Page.Locator("#f-view").InnerTextAsync(), Does.StartWith("Partner: Plains Reporter").And.EndWith("9 of 44 pages"));
        var sheets = await report.PrintedSheetsAsync();
        TestContext.Out.WriteLine($"Plains Reporter's 9 pages print on {sheets} A4 sheet(s)");
        Assert.That(sheets, Is.LessThanOrEqualTo(2));
        Assert.That(report.Problems, Is.Empty);
    }
}
