using Syndication.Parsing;
using Syndication.Requirements.TimeWindow;

namespace Syndication.Core.Tests.Requirements.TimeWindow;

/// <summary>Where a page states when it was published, and which statement counts.</summary>
public sealed class PageDateTests
{
    [TestCase("""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":["NewsArticle"],"datePublished":"2024-03-05T10:30:00-08:00"}]}</script>""", "2024-03-05T18:30:00Z", "JSON-LD datePublished")]
    [TestCase("""<meta property="article:published_time" content="2024-03-06T08:00:00-08:00">""", "2024-03-06T16:00:00Z", "<meta article:published_time>")]
    [TestCase("""<meta itemprop="datePublished" content="2024-03-07">""", "2024-03-07T00:00:00Z", "<meta datePublished>")]
    [TestCase("""<span itemprop="datePublished" content="2024-03-08T09:00:00Z">March 8</span>""", "2024-03-08T09:00:00Z", "itemprop=datePublished")]
    [TestCase("""<header><time datetime="2024-03-09">March 9</time></header>""", "2024-03-09T00:00:00Z", "<time> in the article's header")]
    public void A_publish_date_is_read_from_each_kind_of_markup(string markup, string expected, string source)
    {
        var stated = PageDate.Of(Parse(markup), e => e.Closest("header") is not null);
        Assert.That(stated, Is.Not.Null);
        Assert.That(stated!.Value.Date, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(stated.Value.Source, Is.EqualTo(source));
    }

    [Test]
    public void When_the_markup_disagrees_the_earliest_date_counts()
    {
        var stated = PageDate.Of(
            Parse("""
                <meta property="article:published_time" content="2024-03-10T08:00:00Z">
                <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-06T08:00:00Z","dateModified":"2024-03-01T00:00:00Z"}</script>
                """),
            _ => true);
        Assert.That(stated!.Value.Date.Day, Is.EqualTo(6), "dateModified is no publish date");
    }

    [TestCase("""<script type="application/ld+json">{"@type":"NewsArticle","datePublished": </script>""")]
    [TestCase("""<script type="application/ld+json">{"@type":"Person","datePublished":"2024-03-06"}</script>""")]
    [TestCase("""<meta property="article:published_time" content="last Tuesday">""")]
    [TestCase("""<article><p><time datetime="2024-03-06">in the story's text</time></p></article>""")]
    [TestCase("""<header><span class="updated">Updated <time datetime="2024-03-06">March 6</time></span></header>""")]
    public void Broken_foreign_or_out_of_place_dates_are_no_publish_date(string markup) =>
        Assert.That(PageDate.Of(Parse(markup), e => e.Closest("header") is not null), Is.Null);

    private static AngleSharp.Dom.IDocument Parse(string markup) => Parsers.ParseHtml($"<!DOCTYPE html><html><head></head><body>{markup}</body></html>");
}
