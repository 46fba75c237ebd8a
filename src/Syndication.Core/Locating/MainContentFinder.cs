using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Locating;

/// <summary>
/// Guesses the story's paragraphs when no original is at hand (only reporters were named), Readability's way:
/// prose paragraphs vote for the containers that hold them; the best container that is not itself chrome (a comment
/// thread can outvote a short story) holds the story; paragraphs in chrome inside it are left out.
/// </summary>
public static class MainContentFinder
{
    private const int MinWords = 20;

    public static List<TextBlock> StoryBlocks(PageDocument page)
    {
        var candidates = page.Blocks
            .Where(b => b.WordCount >= MinWords && b.Element.LocalName is not ("body" or "html" or "td" or "th" or "a" or "ul" or "ol" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                && !IsLinkHeavy(page, b) && !InMediaWidget(b.Element))
            .ToList();
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
            if (IsChrome(container))
            {
                continue;
            }

            var story = StoryIn(page, candidates, Widen(page, candidates, container));
            if (story.Count > 0)
            {
                return story;
            }
        }

        return [];
    }

    private static List<TextBlock> StoryIn(PageDocument page, List<TextBlock> candidates, IElement container) =>
        candidates.Where(c => page.Order.Contains(container, c.Element) && !InChromeBelow(c.Element, container)).ToList();

    /// <summary>
    /// A story split into sections (a photo or pull quote between them) is held by an ancestor of the best container:
    /// climb while the next ancestor adds a sixth more prose (two paragraphs at least), through wrappers that add none.
    /// </summary>
    private static IElement Widen(PageDocument page, List<TextBlock> candidates, IElement container)
    {
        var current = container;
        var words = StoryIn(page, candidates, current).Sum(b => b.WordCount);
        for (var level = 0; level < 8 && current.ParentElement is { } parent && parent.LocalName is not ("body" or "html") && !IsChrome(parent); level++)
        {
            var parentStory = StoryIn(page, candidates, parent);
            var parentWords = parentStory.Sum(b => b.WordCount);
            if (parentWords == words)
            {
                current = parent;
                continue;
            }

            var added = parentStory.Count - StoryIn(page, candidates, current).Count;
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
    /// The container or one of its two nearest ancestors is a place for other prose than the story: comments,
    /// related stories, sidebars. (Weaker chrome words such as "share" are common in real article wrappers' ids.)
    /// </summary>
    private static bool IsChrome(IElement container)
    {
        var e = container;
        for (var level = 0; level < 3 && e is not null && e.LocalName is not ("body" or "html"); level++, e = e.ParentElement)
        {
            // Wrappers further up may be named for the layout ("contentWithSidebar"); only threads and teasers count there.
            if (e.LocalName is "aside" or "nav" or "footer" || ProseChrome(e, level == 0 ? ProseChromeWords : ThreadWords))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] ThreadWords = ["comment", "replies", "disqus", "discussion", "related", "recommend"];

    private static readonly string[] ProseChromeWords = [.. ThreadWords, "sidebar", "widget", "more-stories", "read-next", "popular", "trending"];

    private static bool ProseChrome(IElement e, string[] words)
    {
        var names = ((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).ToLowerInvariant();
        return words.Any(w => names.Contains(w, StringComparison.Ordinal));
    }

    private static readonly string[] MediaWords = ["gallery", "slideshow", "carousel", "slider", "legend", "caption", "lightbox"];

    /// <summary>Captions of a photo gallery are many short paragraphs that would outvote the story.</summary>
    private static bool InMediaWidget(IElement element)
    {
        var level = 0;
        for (var e = element; e is not null && level < 6; e = e.ParentElement, level++)
        {
            var names = ((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).ToLowerInvariant();
            if (e.LocalName is "figure" or "figcaption" || MediaWords.Any(w => names.Contains(w, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InChromeBelow(IElement element, IElement container)
    {
        for (var e = element; e is not null && !ReferenceEquals(e, container); e = e.ParentElement)
        {
            if (ChromeRules.Reason(e, pageLevel: false) is not null)
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
