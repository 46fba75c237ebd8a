using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using Syndication.Core.Tests.Support;
using Syndication.Parsing;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Samples;

/// <summary>
/// Metamorphic tests: a change that does not change what a reader sees must not change a verdict. Each sample page
/// is rewritten in ways that leave the DOM the same (serialised again, CRLF and indentation, comments between tags,
/// upper-case tag names) or that any site template adds (wrappers, an ad slot and a script before the article, a
/// site footer after it), and must keep exactly its expected verdict and outcomes.
/// </summary>
public sealed partial class InvarianceTests
{
    internal static readonly Dictionary<string, Func<string, string>> Rewrites = new()
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

    private static readonly Lazy<TempFolder> Folder = new(() =>
    {
        var folder = new TempFolder();
        Directory.CreateSymbolicLink(folder.File("images"), RepoPaths.Samples("pages", "images"));
        return folder;
    });

    private static readonly Lazy<PageChecker> Checker = new(() => Engines.FileChecker(Engines.SampleSettings()));

    [OneTimeTearDown]
    public static void RemoveFolder()
    {
        if (Folder.IsValueCreated)
        {
            Folder.Value.Dispose();
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task A_rewrite_a_reader_cannot_see_keeps_the_verdict(SampleExpectation expected, string rewrite)
    {
        var path = RepoPaths.Samples("pages", expected.File);
        var text = CharsetDecoder.Decode(File.ReadAllBytes(path), null).Text;
        var rewritten = Rewrites[rewrite](text);
        Assert.That(rewritten, Is.Not.EqualTo(text), "the rewrite changed the markup");

        var result = await CheckAsync(Encoding.UTF8.GetBytes(rewritten), expected.File);
        expected.AssertMatches(result, $"{expected.File} ({rewrite})");
    }

    private static readonly Dictionary<string, Func<string, byte[]?>> Encodings = new()
    {
        ["UTF-8 with a BOM"] = text => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(WithoutCharsetMeta(text))],
        ["UTF-16 with a BOM"] = text => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(WithoutCharsetMeta(text))],
        ["windows-1252 declared in a meta tag"] = text =>
        {
            var body = "<meta charset=\"windows-1252\">" + WithoutCharsetMeta(text);
            var strict = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                return strict.GetBytes(body);
            }
            catch (EncoderFallbackException)
            {
                return null; // the page has characters windows-1252 cannot hold
            }
        },
    };

    private static IEnumerable<TestCaseData> EncodingCases() =>
        from expected in SamplePagesTests.Expectations()
        from encoding in Encodings.Keys
        select new TestCaseData(expected, encoding).SetArgDisplayNames(expected.File, encoding);

    [TestCaseSource(nameof(EncodingCases))]
    public async Task The_same_page_in_another_encoding_keeps_the_verdict(SampleExpectation expected, string encoding)
    {
        var path = RepoPaths.Samples("pages", expected.File);
        var text = CharsetDecoder.Decode(File.ReadAllBytes(path), null).Text;
        if (Encodings[encoding](text) is not { } bytes)
        {
            Assert.Ignore($"{expected.File} has characters {encoding} cannot encode");
            return;
        }

        var page = PageParser.Parse(bytes, httpCharset: null);
        Assert.That(page.Document.Body?.TextContent, Is.EqualTo(PageParser.ParseText(text).Document.Body?.TextContent), "decoded back to the same text");
        expected.AssertMatches(await CheckAsync(bytes, expected.File), $"{expected.File} in {encoding}");
    }

    /// <summary>
    /// Checks the page as the demo does (the demo profile, images read from the folder beside the page), from a file in
    /// a folder whose images/ is the samples' own: the pages whose logo only its pixels show keep their verdict too.
    /// </summary>
    private static async Task<PageResult> CheckAsync(byte[] bytes, string file)
    {
        var path = Folder.Value.File($"{Guid.NewGuid():N}-{file}");
        await File.WriteAllBytesAsync(path, bytes);
        return await Checker.Value.CheckAsync(PageTarget.Of(path), CancellationToken.None);
    }

    /// <summary>The page's own charset declarations, which would contradict the new encoding.</summary>
    private static string WithoutCharsetMeta(string html) => CharsetMeta().Replace(html, string.Empty);

    [GeneratedRegex("<meta\\s+(charset\\s*=|http-equiv\\s*=\\s*[\"']?content-type)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetMeta();

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
