using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;
using Syndication.Verdicts;

namespace Syndication.Reporting.Tests;

/// <summary>Text cut to fit a column or a cell: never longer than asked, and never half of an emoji.</summary>
public sealed class TruncateTests
{
    [TestCase("short", 10, "short")]
    [TestCase("exactly 10", 10, "exactly 10")]
    [TestCase("abcdefghijk", 5, "abcd…")]
    [TestCase("abc🙂def", 5, "abc…")]
    [TestCase("abc🙂def", 6, "abc🙂…")]
    public void Truncate_keeps_the_start_and_never_splits_a_surrogate_pair(string text, int max, string expected)
    {
        Assert.That(ReportFormatting.Truncate(text, max), Is.EqualTo(expected));
        Assert.That(ReportFormatting.Truncate(text, max), Has.Length.LessThanOrEqualTo(max));
    }

    [TestCase("short", 10, "short")]
    [TestCase("abcdefghijk", 5, "…hijk")]
    [TestCase("abc🙂def", 5, "…def")]
    [TestCase("abc🙂def", 6, "…🙂def")]
    public void Truncate_start_keeps_the_end_and_never_splits_a_surrogate_pair(string text, int max, string expected)
    {
        Assert.That(ReportFormatting.TruncateStart(text, max), Is.EqualTo(expected));
        Assert.That(ReportFormatting.TruncateStart(text, max), Has.Length.LessThanOrEqualTo(max));
    }

    [Test]
    public void A_long_address_with_an_emoji_where_the_console_cuts_it_stays_valid_text()
    {
        // Wherever the emoji falls relative to the page column's cut, the report has no lone surrogate (U+FFFD once encoded).
        var pages = Enumerable.Range(55, 25).Select(tail => new PageResult
        {
            Url = "https://partner.example/" + new string('a', 40) + "🙂" + new string('z', tail),
            Verdict = PageVerdict.Compliant,
        }).ToList();
        var text = Render.Text(new ConsoleReporter(), SampleRuns.Summary(pages));
        Assert.That(text, Does.Not.Contain('\uFFFD'));
        Assert.That(text, Does.Contain("…🙂" + new string('z', 67) + "  compliant"), "the emoji is kept when it fits whole");
    }

    [Test]
    public void A_long_reason_with_an_emoji_where_the_markdown_cell_ends_stays_valid_text()
    {
        var pages = Enumerable.Range(480, 25).Select(length => new PageResult
        {
            Url = "https://partner.example/" + length,
            Verdict = PageVerdict.Error,
            Error = new PageError("timeout", new string('x', length) + "🙂🙂🙂" + new string('y', 40)),
        }).ToList();
        var text = Render.Text(new MarkdownReporter(), SampleRuns.Summary(pages));
        Assert.That(text, Does.Not.Contain('\uFFFD'));
    }
}
