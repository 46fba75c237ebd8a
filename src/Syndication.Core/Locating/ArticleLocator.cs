using AngleSharp.Dom;
using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Locating;

/// <summary>
/// Finds the article region from the blocks that carry the story: the story's container, its headline, a short
/// look back before the headline (kicker, logo) and a bounded look past the story's end (closing credit lines,
/// author box), with site chrome cut out.
/// </summary>
public static class ArticleLocator
{
    /// <summary>Share of the story's words the story container must hold; the rest are stray copies (teasers).</summary>
    private const double BodyShare = 0.7;
    private const int LookBackChars = 400;
    private const int LookBackSiblings = 3;
    private const int ClosingChars = 2000;
    private const int HeadlineMaxDistanceChars = 3000;
    private const double HeadlineSimilarity = 0.5;

    public static ArticleRegion? Locate(PageDocument page, IReadOnlyList<TextBlock> storyBlocks, string? title, string method)
    {
        var visibleStory = storyBlocks.Where(b => b.Text.Length > 0).ToList();
        if (visibleStory.Count == 0)
        {
            return null;
        }

        var order = page.Order;
        var body = StoryContainer(page, visibleStory);
        var story = visibleStory.Where(b => order.Contains(body, b.Element)).OrderBy(b => b.Order).ToList();
        var titled = title is null ? [] : TitleHeadings(page, story[0], title);

        var keep = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        AddWithAncestors(keep, body);
        foreach (var block in story)
        {
            AddWithAncestors(keep, block.Element);
        }

        // Only the likeliest titled heading is protected from being taken for chrome: a teaser with a similar
        // title must not protect its teaser list.
        var bestTitled = titled.OrderByDescending(h => h.LocalName == "h1").ThenByDescending(order.IndexOf).FirstOrDefault();
        if (bestTitled is not null)
        {
            AddWithAncestors(keep, bestTitled);
        }

        var headerFrom = bestTitled is null ? ChromeMap.HeaderSpanStart(page, story[0]) : order.IndexOf(bestTitled);
        var (chromeRoot, reasons) = ChromeMap.Build(page, keep, body, headerFrom, story[0].Order, order.EndOf(story[^1].Element));
        var headline = bestTitled ?? Headline(page, story[0], chromeRoot);
        var start = Start(page, headline ?? story[0].Element, story[0], chromeRoot);
        var (end, endReason) = End(page, body, story[^1], chromeRoot);
        return new ArticleRegion(page, body, headline, story, start, end, chromeRoot, reasons, method) { EndReason = endReason };
    }

    /// <summary>The deepest element holding at least <see cref="BodyShare"/> of the story's words.</summary>
    private static IElement StoryContainer(PageDocument page, List<TextBlock> story)
    {
        var weights = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        var total = 0;
        foreach (var block in story)
        {
            var weight = Math.Max(1, block.WordCount);
            total += weight;
            for (var e = block.Element; e is not null; e = e.ParentElement)
            {
                weights[e] = weights.GetValueOrDefault(e) + weight;
            }
        }

        IElement? best = null;
        var bestIndex = -1;
        foreach (var (element, weight) in weights)
        {
            var index = page.Order.IndexOf(element);
            if (weight >= total * BodyShare && index > bestIndex)
            {
                // Among containers holding enough, the deepest is the one with the highest pre-order number
                // on the chain (they all lie on one chain of ancestors).
                best = element;
                bestIndex = index;
            }
        }

        return best ?? page.Document.Body ?? story[0].Element;
    }

    private static List<IElement> TitleHeadings(PageDocument page, TextBlock firstStory, string title)
    {
        var headings = new List<IElement>();
        var titleWords = TitleSimilarity.WordsOf(title);
        // Only elements before the story's first block can be its title: walk those in document order.
        for (var index = 0; index < firstStory.Order && index < page.Order.Count; index++)
        {
            // The visible characters the element holds are never more than its text content: a wrapper with a
            // "title" class around the page is turned away here without building its whole text.
            var element = page.Order[index];
            if (!MayBeTitle(element) || page.Stats.TextLength(index) >= 400 || page.Visibility.IsHidden(element))
            {
                continue;
            }

            var text = element.TextContent;
            if (text.Length < 400 && TitleSimilarity.Of(text, titleWords) >= HeadlineSimilarity)
            {
                headings.Add(element);
            }
        }

        return headings;
    }

    /// <summary>What the selector "h1, h2, h3, [itemprop~=headline], [class*=title], [class*=headline]" matches, without a selector engine's walk of the whole page.</summary>
    internal static bool MayBeTitle(IElement element) =>
        element.LocalName is "h1" or "h2" or "h3"
        || (element.GetAttribute("itemprop") is { } itemprop && itemprop.Split(CssWhiteSpace, StringSplitOptions.RemoveEmptyEntries).Contains("headline"))
        || (element.GetAttribute("class") is { } cls && (cls.Contains("title", StringComparison.Ordinal) || cls.Contains("headline", StringComparison.Ordinal)));

    private static readonly char[] CssWhiteSpace = [' ', '\t', '\n', '\r', '\f'];

    private static void AddWithAncestors(HashSet<IElement> set, IElement element)
    {
        for (var e = element; e is not null && set.Add(e); e = e.ParentElement)
        {
        }
    }

    /// <summary>
    /// The headline when no heading carries the original's title (the best titled heading, kept out of the chrome
    /// with its ancestors, is the headline when there is one): the nearest h1, else h2, close before the story.
    /// </summary>
    private static IElement? Headline(PageDocument page, TextBlock firstStory, int[] chromeRoot)
    {
        foreach (var tag in new[] { "h1", "h2" })
        {
            var limit = tag == "h1" ? HeadlineMaxDistanceChars : HeadlineMaxDistanceChars / 2;
            var chars = 0;
            for (var i = page.Blocks.Count - 1; i >= 0; i--)
            {
                var block = page.Blocks[i];
                if (block.Order >= firstStory.Order || chromeRoot[block.Order] >= 0)
                {
                    continue;
                }

                if (block.Element.LocalName == tag && block.Text.Length > 0)
                {
                    return block.Element;
                }

                chars += block.Text.Length;
                if (chars > limit)
                {
                    break;
                }
            }
        }

        return null;
    }

    /// <summary>The region starts at the headline's small header group, plus a few siblings before it (kicker, logo).</summary>
    private static int Start(PageDocument page, IElement anchor, TextBlock firstStory, int[] chromeRoot)
    {
        var order = page.Order;
        var stats = page.Stats;
        var start = anchor;
        while (start.ParentElement is { } parent && !order.Contains(parent, firstStory.Element)
            && stats.TextLength(order.IndexOf(parent)) <= 600 && parent.LocalName is not "body" and not "html")
        {
            start = parent;
        }

        var chars = 0;
        var siblings = 0;
        for (var sibling = start.PreviousElementSibling; sibling is not null && siblings < LookBackSiblings; sibling = sibling.PreviousElementSibling)
        {
            var index = order.IndexOf(sibling);
            if (chromeRoot[index] >= 0)
            {
                break;
            }

            chars += stats.TextLength(index);
            if (chars > LookBackChars)
            {
                break;
            }

            start = sibling;
            if (stats.TextLength(index) > 0 || sibling.LocalName is "img" or "picture" or "svg" or "figure" || sibling.QuerySelector("img, svg, picture, amp-img") is not null)
            {
                siblings++;
            }
        }

        return order.IndexOf(start);
    }

    /// <summary>
    /// The region ends a bounded distance past the story's last paragraph: closing credit lines, the article's own
    /// footer, an author box. It stops at a new headline or another article.
    /// </summary>
    private static (int End, string? Why) End(PageDocument page, IElement body, TextBlock lastStory, int[] chromeRoot)
    {
        var order = page.Order;
        var storyEnd = order.EndOf(lastStory.Element);

        // The story's own <article> closes the article: what follows it on the page is the site's.
        var articleEnd = lastStory.Element.Closest("article") is { } own && order.Contains(own, body) ? order.EndOf(own) : int.MaxValue;
        var chars = 0;
        foreach (var block in page.Blocks)
        {
            if (block.Order <= storyEnd || chromeRoot[block.Order] >= 0)
            {
                continue;
            }

            if (block.Order > articleEnd)
            {
                return (articleEnd, $"the end of the story's <article> at {SelectorPath.For(lastStory.Element.Closest("article")!)}");
            }

            var element = block.Element;
            var startsNewArticle = element.LocalName == "h1"
                || (element.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" && element.QuerySelector("a[href]:not([href^='#'])") is not null)
                || (element.LocalName == "article" && !order.Contains(element, body))
                || element.Closest("article") is { } article && !order.Contains(article, body) && !order.Contains(body, article) && !order.Contains(article, lastStory.Element);
            // Short paragraphs still inside the story's container (notes, contact lines) are the story's own; they
            // get a larger allowance than what follows the container.
            var insideBody = order.Contains(body, element) && !ReferenceEquals(body, page.Document.Body);
            chars += insideBody ? block.Text.Length / 3 : block.Text.Length;
            if (startsNewArticle)
            {
                var what = element.LocalName == "h1" ? "a new headline (<h1>)" : element.LocalName == "article" || element.Closest("article") is not null ? "another <article>" : "a linked heading (another article's teaser)";
                return (block.Order - 1, $"{what} at {SelectorPath.For(element)}");
            }

            if (chars > ClosingChars)
            {
                return (block.Order - 1, $"{ClosingChars:N0} characters of text past the story's last paragraph, at {SelectorPath.For(element)}");
            }
        }

        return (order.Count - 1, null);
    }
}
