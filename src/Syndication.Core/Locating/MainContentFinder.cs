using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Locating;

/// <summary>
/// Guesses the story's paragraphs when no original is at hand (only reporters were named), Readability's way:
/// prose paragraphs vote for the containers that hold them; the best container that is not itself chrome (a comment
/// thread can outvote a short story) holds the story; paragraphs in chrome inside it are left out.
/// </summary>
public static partial class MainContentFinder
{
    /// <summary>The fewest words a block needs to be taken for a paragraph of the story.</summary>
    public const int MinWords = 20;

    public static List<TextBlock> StoryBlocks(PageDocument page)
    {
        var prose = page.Blocks
            .Where(b => b.WordCount >= MinWords && b.Element.LocalName is not ("body" or "html" or "td" or "th" or "a" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                && !IsLinkHeavy(page, b))
            .ToList();
        var words = new PageWords(Layout(prose), LayoutWords.Of(page));
        var candidates = prose.Where(b => !InMediaWidget(b.Element, words)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var scores = new Dictionary<IElement, double>(ReferenceEqualityComparer.Instance);
        foreach (var block in candidates)
        {
            var score = 1 + block.Text.Count(c => c is ',' or '，' or '、') + Math.Min(block.WordCount / 20.0, 5);
            var weight = 1.0;
            for (var e = block.Element.ParentElement; e is not null && weight >= 0.25; e = e.ParentElement, weight /= 2)
            {
                scores[e] = scores.GetValueOrDefault(e) + (score * weight);
            }
        }

        foreach (var (container, _) in scores.OrderByDescending(kv => kv.Value))
        {
            if (IsChrome(container, words))
            {
                continue;
            }

            var story = StoryIn(page, candidates, Widen(page, candidates, container, words), words);
            if (story.Count > 0)
            {
                return Trim(page, story);
            }
        }

        return [];
    }

    /// <summary>Share of the story's words the run of its paragraphs holds; stray blocks around it may hold the rest.</summary>
    private const double RunShare = 0.7;

    /// <summary>
    /// The story ends where its prose ends and begins where it begins: blocks before or after the run of its
    /// paragraphs (the deepest element holding <see cref="RunShare"/> of its words) are not the story when they are
    /// few: a standfirst above the byline, an author's bio or a note below the closing credit. A closing credit line
    /// ("— Jane Doe, …", "By Jane Doe") between paragraphs also ends the story when little follows it.
    /// </summary>
    private static List<TextBlock> Trim(PageDocument page, List<TextBlock> story)
    {
        if (story.Count < 3)
        {
            return story;
        }

        var order = page.Order;
        var total = story.Sum(b => b.WordCount);
        var run = RunContainer(page, story, total);
        var first = story.FindIndex(b => order.Contains(run, b.Element));
        var last = story.FindLastIndex(b => order.Contains(run, b.Element));
        if (story.Take(first).Sum(b => b.WordCount) > total * (1 - RunShare) || story.Skip(last + 1).Sum(b => b.WordCount) > total * (1 - RunShare))
        {
            first = 0;
            last = story.Count - 1;
        }

        var trimmed = story.GetRange(first, last - first + 1);
        var words = trimmed.Sum(b => b.WordCount);
        var tail = 0;
        for (var i = trimmed.Count - 1; i > 0; i--)
        {
            tail += trimmed[i].WordCount;
            if (tail > words * (1 - RunShare))
            {
                break;
            }

            if (ClosingCreditBetween(page, trimmed[i - 1], trimmed[i]))
            {
                return trimmed.GetRange(0, i);
            }
        }

        return trimmed;
    }

    private static IElement RunContainer(PageDocument page, List<TextBlock> story, int total)
    {
        var weights = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        foreach (var block in story)
        {
            for (var e = block.Element.ParentElement; e is not null; e = e.ParentElement)
            {
                weights[e] = weights.GetValueOrDefault(e) + block.WordCount;
            }
        }

        return weights.Where(kv => kv.Value >= total * RunShare).OrderByDescending(kv => page.Order.IndexOf(kv.Key)).First().Key;
    }

    /// <summary>A short line between two blocks that reads as a closing credit: "— Jane Doe, Agency", "By Jane Doe".</summary>
    private static bool ClosingCreditBetween(PageDocument page, TextBlock before, TextBlock after)
    {
        var blocks = page.Blocks;
        var from = BlockOrder.FirstAtOrAfter(blocks, before.Order);
        for (var i = from + 1; i < blocks.Count && blocks[i].Order < after.Order; i++)
        {
            if (page.Order.Contains(blocks[i].Element, after.Element))
            {
                continue;
            }

            foreach (var line in blocks[i].Lines)
            {
                if (line.Length <= 160 && (DashCredit().IsMatch(line) || Checks.CreditMarkers.OpensWithCreditWord(line)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[—–]\s*\p{Lu}")]
    private static partial System.Text.RegularExpressions.Regex DashCredit();

    /// <summary>The substrings this finder tests names for, and the chrome words, that the page's layout uses for its prose's containers.</summary>
    private sealed record PageWords(HashSet<string> LayoutSubstrings, IReadOnlySet<string> LayoutChromeWords);

    /// <summary>
    /// The media and chrome substrings on the boxes right around at least half the page's prose: on this page they name
    /// the layout (a gallery-style article, a page builder's "widget" boxes), not a place for other prose. Thread words
    /// always count.
    /// </summary>
    private static HashSet<string> Layout(List<TextBlock> prose) =>
        LayoutWords.AroundMostOf(prose, e =>
        {
            var names = ((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).ToLowerInvariant();
            return LayoutCandidates.Where(word => names.Contains(word, StringComparison.Ordinal));
        });

    private static List<TextBlock> StoryIn(PageDocument page, List<TextBlock> candidates, IElement container, PageWords words) =>
        candidates.Where(c => page.Order.Contains(container, c.Element) && !InChromeBelow(c.Element, container, words)).ToList();

    /// <summary>
    /// A story split into sections (a photo or pull quote between them) is held by an ancestor of the best container:
    /// climb while the next ancestor adds a sixth more prose (two paragraphs at least), through wrappers that add none.
    /// Teasers do not count as prose added: a list of other stories, each a linked headline over its summary, is not a
    /// section of this one.
    /// </summary>
    private static IElement Widen(PageDocument page, List<TextBlock> candidates, IElement container, PageWords layout)
    {
        var current = container;
        var words = StoryIn(page, candidates, current, layout).Sum(b => b.WordCount);
        for (var level = 0; level < 8 && current.ParentElement is { } parent && parent.LocalName is not ("body" or "html") && !IsChrome(parent, layout); level++)
        {
            var parentStory = StoryIn(page, candidates, parent, layout).Where(b => page.Order.Contains(current, b.Element) || !IsTeaser(page, b, parent)).ToList();
            var parentWords = parentStory.Sum(b => b.WordCount);
            if (parentWords == words)
            {
                current = parent;
                continue;
            }

            var added = parentStory.Count - StoryIn(page, candidates, current, layout).Count;
            if (parentWords - words < words * 0.15 || added < 2)
            {
                break;
            }

            current = parent;
            words = parentWords;
            container = parent;
        }

        return container;
    }

    /// <summary>
    /// The block is the summary of another story: below <paramref name="within"/>, a small box (the teaser's card) holds
    /// it and, before it, a heading that links to another page.
    /// </summary>
    private static bool IsTeaser(PageDocument page, TextBlock block, IElement within)
    {
        var level = 0;
        for (var e = block.Element.ParentElement; e is not null && level < 4 && !ReferenceEquals(e, within); e = e.ParentElement, level++)
        {
            var index = page.Order.IndexOf(e);
            if (index < 0 || page.Stats.TextLength(index) > (2 * block.Text.Length) + 200)
            {
                return false;
            }

            foreach (var heading in e.QuerySelectorAll("h1, h2, h3, h4, h5, h6"))
            {
                if (page.Order.IndexOf(heading) < block.Order
                    && (heading.QuerySelector("a[href]:not([href^='#'])") is not null || heading.Closest("a[href]:not([href^='#'])") is not null))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The container or one of its two nearest ancestors is a place for other prose than the story: comments,
    /// related stories, sidebars. (Weaker chrome words such as "share" are common in real article wrappers' ids.)
    /// </summary>
    private static bool IsChrome(IElement container, PageWords layout)
    {
        var e = container;
        for (var level = 0; level < 3 && e is not null && e.LocalName is not ("body" or "html"); level++, e = e.ParentElement)
        {
            // Wrappers further up may be named for the layout ("contentWithSidebar"); only threads and teasers count there.
            if (e.LocalName is "aside" or "nav" or "footer" || ProseChrome(e, level == 0 ? ProseChromeWords : ThreadWords, layout.LayoutSubstrings))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ThreadWords = ["comment", "replies", "disqus", "discussion", "related", "recommend"];

    private static readonly string[] ProseChromeWords = [.. ThreadWords, "sidebar", "widget", "more-stories", "read-next", "popular", "trending"];

    private static bool ProseChrome(IElement e, string[] words, HashSet<string> layout)
    {
        var names = ((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).ToLowerInvariant();
        return words.Any(w => !layout.Contains(w) && names.Contains(w, StringComparison.Ordinal));
    }

    private static readonly string[] MediaWords = ["gallery", "slideshow", "carousel", "slider", "legend", "caption", "lightbox"];

    /// <summary>What may name the layout rather than a place for other prose (never a thread's words).</summary>
    private static readonly string[] LayoutCandidates = [.. MediaWords, "sidebar", "widget", "more-stories", "read-next", "popular", "trending"];

    /// <summary>Captions of a photo gallery are many short paragraphs that would outvote the story.</summary>
    private static bool InMediaWidget(IElement element, PageWords layout)
    {
        var level = 0;
        for (var e = element; e is not null && level < 6; e = e.ParentElement, level++)
        {
            var names = ((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).ToLowerInvariant();
            if (e.LocalName is "figure" or "figcaption" || MediaWords.Any(w => !layout.LayoutSubstrings.Contains(w) && names.Contains(w, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InChromeBelow(IElement element, IElement container, PageWords layout)
    {
        for (var e = element; e is not null && !ReferenceEquals(e, container); e = e.ParentElement)
        {
            if (ChromeRules.Reason(e, pageLevel: false, layout.LayoutChromeWords) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLinkHeavy(PageDocument page, TextBlock block)
    {
        var index = block.Order;
        var text = page.Stats.TextLength(index);
        return text > 0 && page.Stats.LinkTextLength(index) > text * 0.5;
    }
}
