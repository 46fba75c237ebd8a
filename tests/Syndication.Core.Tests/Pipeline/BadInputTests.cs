using System.Text;
using Serilog;
using Syndication.Core.Tests.Support;
using Syndication.Fetching;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Pipeline;

/// <summary>Bad pages get a one-line reason as an error verdict, or are checked despite their oddities; nothing throws.</summary>
public sealed class BadInputTests
{
    [Test]
    public async Task A_fetcher_that_fails_unforeseen_fails_that_page_not_the_run()
    {
        var checker = new PageChecker(new BrokenFetcher(), Engines.Evaluator(), new LoggerConfiguration().CreateLogger());
        var result = await checker.CheckAsync(PageTarget.Of("https://partner.example/a"), CancellationToken.None);
        AssertError(result, ErrorKinds.Internal, "the page could not be fetched: InvalidCastException: a bug of ours");
    }

    private sealed class BrokenFetcher : IPageFetcher
    {
        public Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
            throw new InvalidCastException("a bug of ours");
    }

    private static readonly string Compliant = File.ReadAllText(RepoPaths.Samples("pages", "wordpress-compliant.html"));

    [Test]
    public async Task A_missing_file_is_not_found()
    {
        var result = await Check("/no/such/page.html");
        AssertError(result, ErrorKinds.NotFound, "file not found: /no/such/page.html");
    }

    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, "a PNG image")]
    [TestCase(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "a PDF document")]
    [TestCase(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x31, 0x7D }, "JSON")]
    [TestCase(new byte[] { 0x6A, 0x75, 0x73, 0x74, 0x20, 0x74, 0x65, 0x78, 0x74 }, "plain text")]
    public async Task A_page_that_is_not_html_is_not_parsed(byte[] bytes, string what)
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("page.html"), bytes);
        AssertError(await Check(folder.File("page.html")), ErrorKinds.NotHtml, what);
    }

    [TestCase("")]
    [TestCase("  \n\t ")]
    public async Task An_empty_page_is_an_error(string content)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("empty.html"), content);
        AssertError(await Check(folder.File("empty.html")), ErrorKinds.Empty, "empty");
    }

    [Test]
    public async Task A_folder_is_not_a_page()
    {
        using var folder = new TempFolder();
        AssertError(await Check(folder.Path), ErrorKinds.Read, "is a folder");
    }

    [Test]
    public async Task Broken_markup_is_still_checked()
    {
        var broken = Compliant.Replace("</p>", string.Empty, StringComparison.Ordinal).Replace("</div>", "</div></div></span>", StringComparison.Ordinal) + "<p><b><i>unclosed";
        Assert.That(await CheckText(broken), Has.Property(nameof(PageResult.Verdict)).EqualTo(PageVerdict.Compliant));
    }

    [Test]
    public async Task Three_thousand_nested_elements_do_not_crash_the_check_they_make_it_too_complex()
    {
        // Past 512 levels the parser flattens the tree, so it is no longer the page a reader sees: no verdict from it.
        var nested = string.Concat(Enumerable.Repeat("<div><span>", 3000)) + "deep";
        var page = Compliant.Replace("</body>", nested + "</body>", StringComparison.Ordinal);
        AssertError(await CheckText(page), ErrorKinds.TooComplex, "512 levels deep");

        var deepButKept = string.Concat(Enumerable.Repeat("<div><span>", 240)) + "deep";
        Assert.That((await CheckText(Compliant.Replace("</body>", deepButKept + "</body>", StringComparison.Ordinal))).Verdict, Is.EqualTo(PageVerdict.Compliant));
    }

    [Test]
    public async Task A_five_megabyte_page_is_checked()
    {
        var filler = new StringBuilder();
        while (filler.Length < 5_000_000)
        {
            filler.Append("<div class=\"comment\"><p>Comment number ").Append(filler.Length).Append(": I have thoughts about drones and the war, many thoughts, and I will share them at length.</p></div>\n");
        }

        var page = Compliant.Replace("</body>", filler + "</body>", StringComparison.Ordinal);
        Assert.That(Encoding.UTF8.GetByteCount(page), Is.GreaterThan(5_000_000));
        Assert.That((await CheckText(page)).Verdict, Is.EqualTo(PageVerdict.Compliant));
    }

    [Test]
    public async Task A_page_over_the_size_cap_is_too_large()
    {
        var page = Compliant + new string(' ', 6 * 1024 * 1024);
        AssertError(await CheckText(page), ErrorKinds.TooLarge, "over the");
    }

    [Test]
    public async Task A_windows_1252_page_without_any_charset_declaration_reads_right()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var html = Compliant.Replace("<meta charset=\"utf-8\">", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("<meta charset=\"UTF-8\">", string.Empty, StringComparison.Ordinal);
        Assert.That(html, Does.Not.Contain("charset"));
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("legacy.html"), Encoding.GetEncoding(1252).GetBytes(html));
        var result = await Check(folder.File("legacy.html"));
        Assert.That(result.Verdict, Is.EqualTo(PageVerdict.Compliant), string.Join("; ", result.Requirements.Select(r => r.Message)));
        Assert.That(result.Fetch!.Encoding, Is.EqualTo("windows-1252 (sniffed)"));
    }

    private static void AssertError(PageResult result, string kind, string message)
    {
        Assert.That(result.Verdict, Is.EqualTo(PageVerdict.Error));
        Assert.That(result.Error!.Kind, Is.EqualTo(kind));
        Assert.That(result.Error.Message, Does.Contain(message));
        Assert.That(result.Error.Message, Does.Not.Contain('\n'));
    }

    private static Task<PageResult> Check(string path) =>
        Engines.FileChecker(Engines.Settings()).CheckAsync(PageTarget.Of(path), CancellationToken.None);

    private static async Task<PageResult> CheckText(string html)
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("page.html"), html);
        return await Check(folder.File("page.html"));
    }
}
