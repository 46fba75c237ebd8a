using System.Text.Json;
using Syndication.Pipeline;
using Syndication.Rendering;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>A rendered page's facts and screenshots in the JSON and HTML reports.</summary>
public sealed class RenderedReportTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private static RunSummary Run(Func<string, byte[]?>? screenshots)
    {
        var pages = SampleRuns.Pages();
        var failing = pages.First(p => p.Verdict == Verdicts.PageVerdict.NonCompliant);
        pages[pages.IndexOf(failing)] = failing with
        {
            Rendered = new RenderFacts
            {
                Why = "--render always",
                Requests = 12,
                RefusedCount = 1,
                Refused = ["http://10.0.0.1/x.css: blocked-address: 10.0.0.1 is a private address"],
                Elements = 400,
                Hidden = 30,
                Screenshots = [new Screenshot { Name = "article", Sha256 = "ab12", Bytes = Png.Length, Width = 800, Height = 600, Outlined = ["logo: figure.dcnf <script>"] }],
            },
        };
        return SampleRuns.Summary(pages) with { Screenshots = screenshots };
    }

    [Test]
    public void The_html_report_embeds_the_screenshot_and_names_it_by_its_hash()
    {
        var html = Render.Text(new HtmlReporter(), Run(sha => sha == "ab12" ? Png : null));
        Assert.That(html, Does.Contain("<img src=\"data:image/png;base64," + Convert.ToBase64String(Png) + "\""));
        Assert.That(html, Does.Contain("SHA-256 ab12").And.Contain("outlined: logo: figure.dcnf &lt;script&gt;"));
        Assert.That(html, Does.Contain("10.0.0.1 is a private address"));
        Assert.That(html, Does.Contain("img-src data:;"));
    }

    [Test]
    public void Without_the_bytes_the_html_report_still_names_the_screenshot()
    {
        var html = Render.Text(new HtmlReporter(), Run(null));
        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Contain("SHA-256 ab12"));
    }

    [Test]
    public void The_json_report_gives_the_render_facts_and_screenshots_without_their_bytes()
    {
        using var json = JsonDocument.Parse(Render.Text(new JsonReporter(), Run(_ => Png)));
        var rendered = json.RootElement.GetProperty("pages").EnumerateArray().Single(p => p.TryGetProperty("rendered", out _)).GetProperty("rendered");
        Assert.That(rendered.GetProperty("why").GetString(), Is.EqualTo("--render always"));
        Assert.That(rendered.GetProperty("refusedCount").GetInt32(), Is.EqualTo(1));
        var shot = rendered.GetProperty("screenshots")[0];
        Assert.That(shot.GetProperty("sha256").GetString(), Is.EqualTo("ab12"));
        Assert.That(shot.TryGetProperty("png", out _), Is.False);
    }
}
