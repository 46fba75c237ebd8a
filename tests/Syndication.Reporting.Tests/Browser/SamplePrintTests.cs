using Microsoft.Playwright;
using Syndication.Cli;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>
/// The bundled samples' report (the README demo's 44 pages, audited by the real command line) on paper: the print
/// stylesheet leaves out the controls, what passed and the evidence of compliant pages, so the night prints on a few
/// sheets, and one partner's findings (filtered by a link) on one or two.
/// </summary>
[NonParallelizable]
public sealed class SamplePrintTests : ChromiumFixture
{
    private string? _report;

    [OneTimeSetUp]
    public async Task AuditTheSamplesAsync()
    {
        var list = CopySamples(Path.Combine(Folder.Path, "samples"));
        var reports = Path.Combine(Folder.Path, "reports");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["audit", list, "--no-history", "--format", "html", "--output-dir", reports], stdout, stderr);
        Assert.That(code, Is.EqualTo(1), stderr.ToString());
        _report = Path.Combine(reports, "report.html");
    }

    [Test]
    public async Task The_samples_night_prints_on_a_few_sheets()
    {
        var report = await ReportPage.OpenAsync(Browser, _report!);
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(44));
        var sheets = await report.PrintedSheetsAsync();
        TestContext.Out.WriteLine($"the samples' report (44 pages) prints on {sheets} A4 sheet(s)");
        Assert.That(sheets, Is.InRange(2, 12), "every page's verdict and what failed, compactly");
        Assert.That(report.Problems, Is.Empty);
    }

    [Test]
    public async Task One_partner_s_findings_print_compactly()
    {
        var report = await ReportPage.OpenAsync(Browser, _report!, "partner=" + Uri.EscapeDataString("Plains Reporter"));
        Assert.That(await report.VisiblePagesAsync(), Is.EqualTo(9));
        Assert.That(await report.Page.Locator("#f-view").InnerTextAsync(), Does.StartWith("Partner: Plains Reporter").And.EndWith("9 of 44 pages"));
        var sheets = await report.PrintedSheetsAsync();
        TestContext.Out.WriteLine($"Plains Reporter's 9 pages print on {sheets} A4 sheet(s)");
        Assert.That(sheets, Is.LessThanOrEqualTo(2));
        Assert.That(report.Problems, Is.Empty);
    }

    /// <summary>
    /// docs/report.png, the README's picture of the report: the samples over two nights with a history, so it shows
    /// a new violation first, the persisting ones after it, and a fixed page. Run by hand when the report's look changes:
    /// dotnet test tests/Syndication.Reporting.Tests --filter Name=Writes_the_readme_picture
    /// </summary>
    [Test]
    [Explicit("writes docs/report.png")]
    public async Task Writes_the_readme_picture()
    {
        var list = CopySamples(Path.Combine(Folder.Path, "two-nights"));
        var pages = Path.Combine(Path.GetDirectoryName(list)!, "pages");
        var history = Path.Combine(Folder.Path, "two-nights.db");
        var reports = Path.Combine(Folder.Path, "two-nights-reports");
        Assert.That(await AuditAsync(list, "--history", history, "--format", "json", "--output-dir", reports), Is.EqualTo(1));

        // The second night: the page without a logo got one (fixed), a compliant page lost its logo (new).
        var compliant = await File.ReadAllBytesAsync(Path.Combine(pages, "wordpress-compliant.html"));
        File.Copy(Path.Combine(pages, "wordpress-no-logo.html"), Path.Combine(pages, "wordpress-compliant.html"), overwrite: true);
        await File.WriteAllBytesAsync(Path.Combine(pages, "wordpress-no-logo.html"), compliant);
        Assert.That(await AuditAsync(list, "--history", history, "--format", "html", "--output-dir", reports), Is.EqualTo(1));

        var report = await ReportPage.OpenAsync(Browser, Path.Combine(reports, "report.html"));
        Assert.That(await report.Page.Locator("article.page").First.Locator(".change").First.InnerTextAsync(), Is.EqualTo("new"));
        await report.Page.SetViewportSizeAsync(1280, 1600);
        await report.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Root, "docs", "report.png") });
        Assert.That(report.Problems, Is.Empty);
    }

    private static async Task<int> AuditAsync(string list, params string[] options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return await CliApp.RunAsync(["audit", list, .. options], stdout, stderr);
    }

    /// <summary>The samples' list, pages, originals, logos and profile copied to <paramref name="folder"/>; returns the list's path.</summary>
    private static string CopySamples(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Samples(), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Samples(), file);
            if (relative.StartsWith("pages", StringComparison.Ordinal) || relative.StartsWith("originals", StringComparison.Ordinal)
                || relative.StartsWith("logos", StringComparison.Ordinal) || relative is "partners.yaml" or "profile.yaml")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, relative))!);
                File.Copy(file, Path.Combine(folder, relative));
            }
        }

        return Path.Combine(folder, "partners.yaml");
    }
}
