using System.Text.RegularExpressions;
using AngleSharp;
using Syndication.Core.Tests.Support;
using Syndication.Parsing;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Samples;

/// <summary>
/// Metamorphic tests: a change that does not change what a reader sees must not change a verdict. Each sample page
/// is rewritten in ways that leave the DOM the same (serialised again, CRLF and indentation, comments between tags,
/// upper-case tag names) or that any site template adds (wrappers, an ad slot and a script before the article, a
/// site footer after it), and must keep exactly its expected verdict and outcomes.
/// </summary>
public sealed partial class InvarianceTests
{
    private static readonly Dictionary<string, Func<string, string>> Rewrites = new()
    {
        ["serialised again"] = html => PageParser.ParseText(html).Document.ToHtml(),
        ["CRLF and indentation"] = html => html.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n    ", StringComparison.Ordinal),
        ["comments between tags"] = html => Between().Replace(html, "><!-- layout --><"),
        ["upper-case tag names"] = html => TagName().Replace(html, m => m.Groups[1].Value + m.Groups[2].Value.ToUpperInvariant()),
        ["two wrapper divs"] = html => AfterBody(html, "<div class=\"site-wrapper\"><div class=\"inner\">", "</div></div>"),
        ["ad slot and script first"] = html => AfterBody(html,
            "<div class=\"ad-slot\" id=\"top-ad\"><span>Advertisement</span></div><script>window.dataLayer = [{ \"section\": \"news\" }];</script>", string.Empty),
        ["site footer last"] = html => AfterBody(html, string.Empty,
            "<footer class=\"site-footer\"><p>© 2026 Example Media Group. All rights reserved.</p><ul><li><a href=\"/privacy\">Privacy</a></li><li><a href=\"/terms\">Terms of use</a></li></ul></footer>"),
    };

    private static IEnumerable<TestCaseData> Cases() =>
        from expected in SamplePagesTests.Expectations()
        from rewrite in Rewrites.Keys
        select new TestCaseData(expected, rewrite).SetArgDisplayNames(expected.File, rewrite);

    [TestCaseSource(nameof(Cases))]
    public void A_rewrite_a_reader_cannot_see_keeps_the_verdict(SampleExpectation expected, string rewrite)
    {
        var path = RepoPaths.Samples("pages", expected.File);
        var text = CharsetDecoder.Decode(File.ReadAllBytes(path), null).Text;
        var rewritten = Rewrites[rewrite](text);
        Assert.That(rewritten, Is.Not.EqualTo(text), "the rewrite changed the markup");

        var result = Engines.Evaluator().Evaluate(PageParser.ParseText(rewritten), PageTarget.Of(path));

        var details = $"{expected.File} ({rewrite}): {VerdictNames.Of(result.Verdict)} {result.Note}\n" +
            string.Join("\n", result.Requirements.Select(r => $"  {r.Id} {VerdictNames.Of(r.Status)}: {r.Message}"));
        Assert.That(VerdictNames.Of(result.Verdict), Is.EqualTo(expected.Verdict), details);
        Assert.That(result.Original?.Title, Is.EqualTo(expected.Original), details);
        Assert.That(result.Requirements.ToDictionary(r => r.Id, r => VerdictNames.Of(r.Status)), Is.EquivalentTo(expected.Requirements), details);
    }

    private static string AfterBody(string html, string first, string last)
    {
        var open = BodyOpen().Match(html);
        var close = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        Assert.That(open.Success, "the sample has <body>");
        if (close < open.Index)
        {
            // Broken markup without </body>: the body runs to the end.
            close = html.Length;
        }

        return html[..(open.Index + open.Length)] + first + html[(open.Index + open.Length)..close] + last + html[close..];
    }

    [GeneratedRegex("<body\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyOpen();

    // Between two tags outside scripts and styles: "><" that ends one tag and starts the next.
    [GeneratedRegex("(?<=</?(?:p|div|span|a|li|ul|h1|h2|h3|header|footer|article|section|figure|img|br)\\b[^<>]*)><(?=/?[a-zA-Z])", RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    [GeneratedRegex("(</?)(p|div|span|a|h1|h2|h3|article|header|footer|section|figure|figcaption|strong|em)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex TagName();
}
