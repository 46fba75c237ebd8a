using System.Text;
using Syndication.Parsing;

namespace Syndication.Core.Tests.Parsing;

/// <summary>The limits on one page's cost, at their edges: what a browser keeps is parsed, past it the page is too-complex.</summary>
public sealed class PageCostTests
{
    [Test]
    public void A_tree_511_deep_is_parsed_and_one_512_deep_is_too_complex()
    {
        // html is level 1, body 2: 509 nested divs reach 511, one more reaches 512, where browsers and AngleSharp stop nesting.
        var page = PageParser.ParseText(Nested(509));
        Assert.That(page.Order.Count, Is.EqualTo(2 + 1 + 509));
        var e = Assert.Throws<PageTooComplexException>(() => PageParser.ParseText(Nested(510)));
        Assert.That(e.Message, Is.EqualTo("the page nests elements 512 levels deep, where browsers stop nesting them"));
    }

    [Test]
    public void A_page_of_100000_elements_is_parsed_and_one_more_is_too_complex()
    {
        // html, head, body and the rest as siblings.
        Assert.That(PageParser.ParseText(Siblings(PageCost.MaxElements - 3)).Order.Count, Is.EqualTo(PageCost.MaxElements));
        var e = Assert.Throws<PageTooComplexException>(() => PageParser.ParseText(Siblings(PageCost.MaxElements - 2)));
        Assert.That(e.Message, Is.EqualTo("the page has more than 100,000 elements"));
    }

    [Test]
    public void Work_past_the_cpu_time_or_after_cancellation_stops_at_the_next_check()
    {
        using (PageCost.Begin(TimeSpan.FromMilliseconds(50)))
        {
            Assert.Throws<PageTooComplexException>(() =>
            {
                while (true)
                {
                    PageCost.Check();
                }
            });
        }

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using (PageCost.Begin(TimeSpan.FromHours(1), cancellation: cancelled.Token))
        {
            Assert.Throws<OperationCanceledException>(PageCost.Check);
        }

        Assert.DoesNotThrow(PageCost.Check, "outside a page nothing is costed");
    }

    private static string Nested(int depth) => $"<html><head></head><body>{new StringBuilder().Insert(0, "<div>", depth)}x</body></html>";

    private static string Siblings(int count) => $"<html><head></head><body>{new StringBuilder().Insert(0, "<i></i>", count)}</body></html>";
}
