using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Syndication.Rendering;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Rendering;

/// <summary>
/// Pages judged as Chromium renders them: computed styles from external stylesheets, scripts that build the story,
/// boxes off-screen or covered; every browser request through the guard; a hung page a render error within its
/// deadline; screenshots of failing pages. One browser serves every test.
/// </summary>
[NonParallelizable]
public sealed class RenderingTests
{
    private RenderSite _site = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _site = await RenderSite.StartAsync(new RenderOptions { Deadline = TimeSpan.FromSeconds(8), Settle = TimeSpan.FromMilliseconds(500) });

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }

    [Test]
    public async Task A_page_built_by_scripts_is_judged_right_only_when_rendered()
    {
        var compliant = _site.CompliantPage();
        var article = compliant[compliant.IndexOf("<article", StringComparison.Ordinal)..(compliant.IndexOf("</article>", StringComparison.Ordinal) + 10)];
        _site.Server.Text("/api/story.json", JsonSerializer.Serialize(new { html = article }), "application/json");
        _site.Server.Text("/static/app.js", "fetch('/api/story.json').then(r => r.json()).then(s => { document.getElementById('root').innerHTML = s.html; });", "text/javascript");
        const string shell = """
            <!DOCTYPE html><html><head><title>Plains Reporter</title><script defer src="/static/app.js"></script></head>
            <body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>
            """;

        var fetched = await _site.CheckAsync(shell, RenderMode.Never);
        Assert.That(fetched.Verdict, Is.EqualTo(PageVerdict.NotApplicable), "the fetched HTML holds no story");

        var rendered = await _site.CheckAsync(shell, RenderMode.Auto);
        Assert.Multiple(() =>
        {
            Assert.That(rendered.Verdict, Is.EqualTo(PageVerdict.Compliant), string.Join("; ", rendered.Requirements.Select(r => $"{r.Id}: {r.Status} {r.Message}")) + rendered.Note);
            Assert.That(rendered.Rendered!.Why, Does.Contain("built by scripts").And.Contain("<noscript>").And.Contain("#root"));
            Assert.That(rendered.Original!.Title, Is.EqualTo("Iran Sending Hundreds Of Armed Drones To Russia"));
            Assert.That(rendered.Rendered.Screenshots, Is.Empty, "a compliant page needs no screenshot");
        });
    }

    [Test]
    public async Task A_logo_hidden_by_an_external_stylesheet_fails_when_rendered_with_screenshots()
    {
        _site.Server.Text("/theme/hide.css", ".dcnf-partner-logo { display: none }", "text/css");
        var page = _site.CompliantPage(head: "<link rel=\"stylesheet\" href=\"/theme/hide.css\">");

        var fetched = await _site.CheckAsync(page, RenderMode.Never);
        Assert.That(fetched.Verdict, Is.EqualTo(PageVerdict.Compliant), "the parser does not read external stylesheets");

        var rendered = await _site.CheckAsync(page, RenderMode.Auto);
        var logo = rendered.Requirements.Single(r => r.Id == "logo");
        Assert.Multiple(() =>
        {
            Assert.That(rendered.Verdict, Is.EqualTo(PageVerdict.NonCompliant));
            Assert.That(logo.Status, Is.EqualTo(Outcome.Fail), logo.Message);
            Assert.That(string.Join(" ", logo.Evidence.Select(e => e.Note)) + logo.Message, Does.Contain("rendered: display:none"));
            Assert.That(logo.Evidence.Select(e => e.Html), Has.None.Contains("data-syndication"), "the marks are not part of the evidence");
            Assert.That(rendered.Rendered!.Why, Does.Contain("external stylesheet"));
            Assert.That(rendered.Requirements.Single(r => r.Id == "byline").Status, Is.EqualTo(Outcome.Pass));
        });

        var shots = rendered.Rendered!.Screenshots;
        Assert.That(shots.Select(s => s.Name), Is.EquivalentTo(new[] { "article", "viewport" }));
        foreach (var shot in shots)
        {
            Assert.That(shot.Png![..8], Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), shot.Name);
            Assert.That(shot.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(shot.Png))));
            Assert.That(shot.Outlined, Has.Some.StartsWith("byline: "));
        }
    }

    [TestCase("positioned off-screen", ".dcnf-partner-logo { position: absolute; left: -9999px }", "")]
    [TestCase("clipped by", ".dcnf-partner-logo { height: 0; overflow: hidden; margin: 0 }", "")]
    [TestCase("covered by", ".dcnf-partner-logo { position: relative } .cover { position: absolute; left: 0; top: 0; width: 100%; height: 120px; background: #fff; z-index: 5 }", "<div class=\"cover\"></div>")]
    [TestCase("opacity:0", ".entry-content { opacity: 0.99 } .dcnf-partner-logo { opacity: 0 }", "")]
    public async Task A_logo_a_reader_cannot_see_fails_when_rendered(string why, string css, string markup)
    {
        var path = $"/theme/{Guid.NewGuid():N}.css";
        _site.Server.Text(path, css, "text/css");
        var page = _site.CompliantPage(head: $"<link rel=\"stylesheet\" href=\"{path}\">");
        if (markup.Length > 0)
        {
            page = page.Replace("<figure class=\"wp-block-image size-medium is-resized dcnf-partner-logo\">", "<figure class=\"wp-block-image size-medium is-resized dcnf-partner-logo\">" + markup, StringComparison.Ordinal);
        }

        var rendered = await _site.CheckAsync(page, RenderMode.Always);
        var logo = rendered.Requirements.Single(r => r.Id == "logo");
        Assert.That(logo.Status, Is.EqualTo(Outcome.Fail), logo.Message);
        Assert.That(string.Join(" ", logo.Evidence.Select(e => e.Note)) + logo.Message, Does.Contain(why));
    }

    [Test]
    public async Task The_same_page_with_a_visible_logo_passes_when_rendered()
    {
        var rendered = await _site.CheckAsync(_site.CompliantPage(head: "<link rel=\"stylesheet\" href=\"/theme/none.css\">"), RenderMode.Always);
        Assert.That(rendered.Verdict, Is.EqualTo(PageVerdict.Compliant), string.Join("; ", rendered.Requirements.Select(r => $"{r.Id}: {r.Status} {r.Message}")));
        Assert.That(rendered.Rendered!.Why, Is.EqualTo("the partner list renders this partner's pages"));
    }

    [Test]
    public async Task Requests_to_a_refused_address_are_blocked_in_the_browser_too()
    {
        var secret = _site.Private.Url("/secret.css").AbsoluteUri;
        _site.Private.Text("/secret.css", ".dcnf-partner-logo { display: none }", "text/css");
        _site.Private.Text("/data.json", "{}", "application/json");
        _site.Server.Redirect("/go/private.css", secret);
        var page = _site.CompliantPage(
            head: $"<link rel=\"stylesheet\" href=\"{secret}\"><link rel=\"stylesheet\" href=\"/go/private.css\">"
                + $"<script>fetch('{_site.Private.Url("/data.json").AbsoluteUri}').catch(() => 0)</script>");

        var rendered = await _site.CheckAsync(page, RenderMode.Always);
        Assert.Multiple(() =>
        {
            Assert.That(_site.Private.AllHits, Is.Empty, "nothing reached 127.0.0.2");
            Assert.That(rendered.Verdict, Is.EqualTo(PageVerdict.Compliant), "the refused stylesheet never applied");
            Assert.That(rendered.Rendered!.Refused, Has.Some.Contains("/secret.css").And.Some.Contains("blocked-address"));
            Assert.That(rendered.Rendered.Refused, Has.Some.Contains("/go/private.css").And.Some.Contains("127.0.0.2 is a loopback address"));
            Assert.That(rendered.Rendered.Refused, Has.Some.Contains("/data.json"));
        });
    }

    [Test]
    public async Task A_page_that_hangs_the_renderer_is_a_render_error_within_its_deadline_and_the_next_page_renders()
    {
        var hang = _site.CompliantPage(head: "<script>setTimeout(() => { for (;;) {} }, 0)</script>");
        var clock = Stopwatch.StartNew();
        var hung = await _site.CheckAsync(hang, RenderMode.Always);
        var took = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(hung.Verdict, Is.EqualTo(PageVerdict.Error));
            Assert.That(hung.Error!.Kind, Is.EqualTo(ErrorKinds.Render));
            Assert.That(hung.Error.Message, Does.Contain("within 8 s"));
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(8 + 10)), "the deadline, and a bounded close");
            Assert.That(hung.Fetch?.ContentHash, Is.Not.Null, "the fetch facts are kept");
        });

        var next = await _site.CheckAsync(_site.CompliantPage(head: "<link rel=\"stylesheet\" href=\"/theme/none.css\">"), RenderMode.Always);
        Assert.That(next.Verdict, Is.EqualTo(PageVerdict.Compliant), next.Error?.Message);
    }
}
