using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>The HTML report with hostile page text: nothing from a page may run, load, link to a script, or reorder text.</summary>
public sealed partial class HostileHtmlTests
{
    private static readonly string Html = Render.Text(new HtmlReporter(), SampleRuns.Audit());
    private static readonly IDocument Document = new HtmlParser().ParseDocument(Html);

    [OneTimeTearDown]
    public static void Dispose() => Document.Dispose();

    [Test]
    public void Only_the_report_s_own_script_and_style_are_in_the_document()
    {
        // One script runs; the page index is an inert JSON data block the script reads.
        Assert.That(Document.QuerySelectorAll("script:not([type])"), Has.Length.EqualTo(1));
        Assert.That(Document.QuerySelectorAll("script[type]").Select(s => s.GetAttribute("type")), Is.EqualTo(new[] { "application/json" }));
        Assert.That(Document.QuerySelectorAll("style"), Has.Length.EqualTo(1));
        Assert.That(Document.QuerySelectorAll("img, iframe, object, embed, svg, math, link, base, form, frame, video, audio, source, meta[http-equiv='refresh']"), Is.Empty);
    }

    [Test]
    public void No_element_has_an_event_handler_or_style_attribute()
    {
        var offending = Document.All.SelectMany(e => e.Attributes.Select(a => (e.LocalName, a.Name)))
            .Where(x => x.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || x.Name == "style" || x.Name == "srcdoc")
            .ToList();
        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Only_http_and_https_addresses_become_links()
    {
        var hrefs = Document.QuerySelectorAll("[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.That(hrefs, Is.Not.Empty);
        Assert.That(hrefs.Where(h => !IsViewLink(h)), Is.All.StartsWith("https://").Or.StartsWith("http://"));
        Assert.That(Document.QuerySelectorAll("[src], [action], [formaction], [srcset], [xlink\\:href]"), Is.Empty);
        Assert.That(Document.QuerySelectorAll("a:not([href^='#'])").Select(a => a.GetAttribute("rel")), Is.All.EqualTo("noopener noreferrer nofollow"));
    }

    [Test]
    public void A_partner_row_links_to_a_view_of_its_pages_with_the_name_escaped()
    {
        var views = Document.QuerySelectorAll("[href^='#']").ToList();
        Assert.That(views, Is.Not.Empty);
        Assert.That(views.Select(a => a.Closest("section")?.ClassName), Is.All.EqualTo("partners"), "only the partner table links to views");
        Assert.That(views.Select(a => a.GetAttribute("href")!), Is.All.Matches(ViewLinkPattern()));
        var hostile = Document.QuerySelectorAll("a.partner-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.That(hostile, Does.Contain("#partner=" + Uri.EscapeDataString(SampleRuns.HostilePartner)));
        Assert.That(hostile, Does.Contain("#partner=Plains%20Reporter"));
    }

    /// <summary>A link to one of the report's own views: filters in the #fragment, every value percent-encoded.</summary>
    public static bool IsViewLink(string href) => ViewLinkPattern().IsMatch(href);

    [System.Text.RegularExpressions.GeneratedRegex("^#partner=[A-Za-z0-9%._~-]+(&verdict=[a-z-]+)?$")]
    private static partial System.Text.RegularExpressions.Regex ViewLinkPattern();

    [Test]
    public void A_javascript_address_is_shown_as_text()
    {
        var page = Document.GetElementById("page-3")!;
        Assert.That(page.QuerySelector(".page-url")!.TextContent, Is.EqualTo(Hostile.JavascriptUrl));
        Assert.That(page.QuerySelector(".page-url a"), Is.Null);
        var original = Document.GetElementById("page-2")!.QuerySelector(".original-link")!;
        Assert.That(original.LocalName, Is.EqualTo("span"), "the original's javascript: URL is not a link");
    }

    [Test]
    public void Hostile_markup_is_shown_as_the_text_it_is()
    {
        var page = Document.GetElementById("page-2")!;
        Assert.That(page.QuerySelector(".page-url")!.TextContent, Is.EqualTo("https://plains.example/story?q=" + Hostile.AttributeBreakout));
        Assert.That(page.QuerySelector(".reason")!.TextContent, Is.EqualTo("no visible logo: " + Hostile.Script));
        Assert.That(page.QuerySelector("pre code")!.TextContent, Is.EqualTo("<img src=x onerror=alert(1)>" + Hostile.Script));
        Assert.That(page.QuerySelector("dl.item code")!.TextContent, Is.EqualTo("div#main > img" + Hostile.AttributeBreakout));
        Assert.That(page.GetAttribute("data-partner"), Is.EqualTo(SampleRuns.Plains));
        Assert.That(Document.GetElementById("page-3")!.GetAttribute("data-partner"), Is.EqualTo(SampleRuns.HostilePartner), "attributes round-trip exactly");
    }

    [Test]
    public void Control_characters_and_bidi_overrides_are_shown_escaped_not_obeyed()
    {
        var visible = Document.Body!.TextContent;
        Assert.That(visible, Does.Not.Contain('\u202E').And.Not.Contain('\u001B').And.Not.Contain('\u0007').And.Not.Contain('\r'));
        Assert.That(visible, Does.Contain("invoice\\u202Etxt.exe").And.Contain("\\u001B[2J"));
    }

    [Test]
    public void The_policy_allows_exactly_the_inline_style_and_script_by_hash_and_nothing_external()
    {
        var policy = Document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        var script = Document.QuerySelector("script:not([type])")!.TextContent;
        var style = Document.QuerySelector("style")!.TextContent;
        Assert.That(policy, Does.StartWith("default-src 'none';"));
        Assert.That(policy, Does.Contain($"script-src '{Sha256(script)}'"));
        Assert.That(policy, Does.Contain($"style-src '{Sha256(style)}'"));
        Assert.That(policy, Does.Not.Contain("unsafe").And.Not.Contain("http").And.Not.Contain("*"));
        Assert.That(Document.Head!.FirstElementChild!.GetAttribute("charset"), Is.EqualTo("utf-8"));
        Assert.That(Document.Head.Children[1].GetAttribute("http-equiv"), Is.EqualTo("Content-Security-Policy"), "the policy comes before any style or script");
    }

    [Test]
    public void The_script_never_writes_markup()
    {
        var script = Document.QuerySelector("script:not([type])")!.TextContent;
        Assert.That(script, Does.Not.Contain("innerHTML").And.Not.Contain("outerHTML").And.Not.Contain("insertAdjacentHTML")
            .And.Not.Contain("document.write").And.Not.Contain("eval(").And.Not.Contain("Function("));
        Assert.That(script.Length, Is.LessThan(16000), "small enough to read (it unfolds folded pages too)");
    }

    [Test]
    public void Each_page_is_an_article_with_its_verdict_and_outcomes_as_data()
    {
        var pages = Document.QuerySelectorAll("article.page");
        // New violations first, then the rest from most to least in need of a look; each keeps its number in the list.
        Assert.That(pages.Select(p => p.GetAttribute("data-verdict")), Is.EqualTo(new[] { "non-compliant", "needs-review", "error", "compliant", "compliant", "not-applicable" }));
        Assert.That(pages.Select(p => p.Id), Is.EqualTo(new[] { "page-2", "page-3", "page-5", "page-1", "page-6", "page-4" }));
        Assert.That(pages.Select(p => p.GetAttribute("data-list")), Is.EqualTo(new[] { "2", "3", "5", "1", "6", "4" }));
        Assert.That(pages.Select(p => p.GetAttribute("data-triage")), Is.EqualTo(new[] { "new-violation", "needs-review", "error", "fixed", "compliant", "not-applicable" }));
        Assert.That(pages.Select(p => p.GetAttribute("data-change")), Is.EqualTo(new[] { "new", string.Empty, string.Empty, "fixed", string.Empty, string.Empty }));
        Assert.That(pages[0].GetAttribute("data-outcomes"), Is.EqualTo("logo:fail byline:review affiliation:pass"));
        Assert.That(pages[4].HasAttribute("data-partner"), Is.False);
        var options = Document.QuerySelectorAll("#f-partner option").Select(o => o.GetAttribute("value")).ToList();
        Assert.That(options, Is.EqualTo(new[] { string.Empty, SampleRuns.Plains, SampleRuns.HostilePartner }));
    }

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
