using System.Text;
using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Core.Tests.Parsing;

public sealed class DomTests
{
    [Test]
    public void Selector_paths_find_exactly_the_element_they_describe()
    {
        var page = PageParser.ParseText("""
            <html><body><div id="page"><article class="post x"><header><p>a</p><p class="byline">By <a href="/a">A</a></p></header>
            <div><p>one</p><p>two</p><p>three <img src="x.png"></p></div></article><div id="dup"></div><div id="dup"><span>s</span></div></div></body></html>
            """);
        foreach (var element in page.Order.Elements.Where(e => e.LocalName is not ("html" or "head")))
        {
            var selector = SelectorPath.For(element);
            Assert.That(page.Document.QuerySelectorAll(selector), Has.Length.EqualTo(1).And.Member(element), selector);
        }
    }

    [Test]
    public void Lines_follow_br_and_ignore_source_newlines()
    {
        var page = PageParser.ParseText("<html><body><p id=t>By\n   Micaela   Burrow<br>Daily Caller<br/>\nNews Foundation</p></body></html>");
        Assert.That(page.BlockOf(page.Document.GetElementById("t")!)!.Lines, Is.EqualTo(new[] { "By Micaela Burrow", "Daily Caller", "News Foundation" }));
    }

    [Test]
    public void Line_tokens_are_the_lines_own_tokens()
    {
        var page = PageParser.ParseText("<html><body><p id=t>By Aleš Vávra,<br>Nolan22 — Daily Caller’s<br>新闻 U.S.<br>-</p></body></html>");
        var block = page.BlockOf(page.Document.GetElementById("t")!)!;
        Assert.That(block.Lines, Has.Count.EqualTo(4));
        for (var i = 0; i < block.Lines.Count; i++)
        {
            Assert.That(block.LineTokens(i), Is.EqualTo(Tokenizer.Tokenize(block.Lines[i])), block.Lines[i]);
        }
    }

    [TestCase("<span>By Micaela Burrow</span><span>Daily Caller News Foundation</span>", "By Micaela Burrow Daily Caller News Foundation")]
    [TestCase("<b>Mic</b>aela <span class=dropcap>I</span>ran", "Micaela Iran")]
    [TestCase("<a><span>Micaela</span> <span>Burrow</span></a>", "Micaela Burrow")]
    public void Inline_elements_that_meet_are_read_as_a_reader_sees_them(string html, string text)
    {
        var page = PageParser.ParseText($"<html><body><p id=t>{html}</p></body></html>");
        Assert.That(page.BlockOf(page.Document.GetElementById("t")!)!.Text, Is.EqualTo(text));
    }

    [Test]
    public void Evidence_narrows_to_the_element_holding_a_name_that_markup_split_without_a_space()
    {
        // The block reads "By Micaela Burrow, …" (a space where the links meet); the element's own text has none.
        var page = PageParser.ParseText("<html><body><p id=t>By <span class=author id=a><a href=/m>Micaela</a><a href=/b>Burrow</a></span>, Daily Caller News Foundation</p></body></html>");
        var block = page.BlockOf(page.Document.GetElementById("t")!)!;
        Assert.That(block.Text, Does.StartWith("By Micaela Burrow,"));
        Assert.That(Syndication.Checks.EvidenceFactory.Narrowest(block, "Micaela Burrow").Id, Is.EqualTo("a"));
    }

    [Test]
    public void Deeply_nested_pages_are_read_without_recursion()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 500; i++)
        {
            html.Append("<div>");
        }

        html.Append("<p id=t>deep text</p></body></html>");
        var page = PageParser.ParseText(html.ToString());
        var element = page.Document.GetElementById("t")!;
        Assert.That(page.BlockOf(element)!.Text, Is.EqualTo("deep text"));
        Assert.That(Snippet.Of(page.Document.Body!), Does.StartWith("<body><div><div>").And.EndWith("…"));
        Assert.That(SelectorPath.For(element), Does.StartWith("#t"));
    }

    [Test]
    public void Snippets_are_short_and_keep_attributes_readable()
    {
        var page = PageParser.ParseText($"<html><body><img id=t src='data:image/png;base64,{new string('A', 5000)}' alt='Logo \"x\"'></body></html>");
        var snippet = Snippet.Of(page.Document.GetElementById("t")!);
        Assert.That(snippet.Length, Is.LessThan(400));
        Assert.That(snippet, Does.Contain("alt=\"Logo &quot;x&quot;\""));
    }
}
