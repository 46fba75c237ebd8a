using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Locating;

/// <summary>
/// Guesses the story's paragraphs when no original is at hand (only reporters were named): Readability's idea of
/// scoring containers by the prose paragraphs they hold, skipping chrome by its markup and link-heavy blocks.
/// </summary>
public static class MainContentFinder
{
    private const int MinWords = 20;

    public static List<TextBlock> StoryBlocks(PageDocument page)
    {
        var candidates = new List<TextBlock>();
        foreach (var block in page.Blocks)
        {
            if (block.WordCount < MinWords || block.Element.LocalName is "body" or "html" or "li" or "td" or "th" or "a"
                || IsInChrome(block.Element) || IsLinkHeavy(page, block))
            {
                continue;
            }

            candidates.Add(block);
        }

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

        var container = scores.MaxBy(kv => kv.Value).Key;

        // Pages that split the story into sibling wrappers (ads between) are held by the parent; climb while the
        // parent holds clearly more prose than the container alone.
        while (container.ParentElement is { } parent && parent.LocalName is not "body" and not "html"
            && scores.GetValueOrDefault(parent) > scores[container] * 1.3
            && candidates.Count(c => page.Order.Contains(parent, c.Element)) > candidates.Count(c => page.Order.Contains(container, c.Element)) * 1.5)
        {
            container = parent;
        }

        return candidates.Where(c => page.Order.Contains(container, c.Element)).ToList();
    }

    private static bool IsInChrome(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (ChromeRules.Reason(e, pageLevel: false) is not null && e.LocalName is not "body" and not "html")
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
