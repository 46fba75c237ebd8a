using System.Runtime.CompilerServices;
using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Locating;

/// <summary>
/// Chrome words that a page's layout puts on the boxes right around most of its prose (the paragraph's own box and the
/// two around it): a page builder may call every box a "widget", a gallery-style article every section a "gallery".
/// On that page such a word names the layout, not chrome, and is passed over. Words for comment threads, recommendation
/// widgets and navigation always count: a long thread may hold more prose than the story.
/// </summary>
public static class LayoutWords
{
    private const int ProseWords = 20;

    /// <summary>The share of the prose's words a word must stand around to name the layout.</summary>
    private const double Share = 0.5;

    private static readonly HashSet<string> AlwaysChrome = new(StringComparer.Ordinal)
    {
        "comment", "comments", "commentlist", "disqus", "discussion", "replies", "viafoura", "spotim", "openweb", "coral",
        "related", "relatedposts", "relatedarticles", "relatedstories", "recommended", "recommendations", "taboola",
        "outbrain", "zergnet", "newsletter", "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs",
    };

    private static readonly ConditionalWeakTable<PageDocument, IReadOnlySet<string>> Cache = new();

    /// <summary>The chrome words (<see cref="ChromeRules.WordsOf"/>) that name this page's layout.</summary>
    public static IReadOnlySet<string> Of(PageDocument page) => Cache.GetValue(page, Compute);

    /// <summary>
    /// The words <paramref name="wordsOn"/> finds on the boxes right around at least half the words of
    /// <paramref name="prose"/>: each block's own element and the two around it, below &lt;body&gt; (a word higher up may
    /// name a page region, "has-sidebar", that also holds a real sidebar).
    /// </summary>
    public static HashSet<string> AroundMostOf(IEnumerable<TextBlock> prose, Func<IElement, IEnumerable<string>> wordsOn)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in prose)
        {
            total += block.WordCount;
            seen.Clear();
            var level = 0;
            for (var e = block.Element; e is not null && level < 3 && e.LocalName is not ("body" or "html"); e = e.ParentElement, level++)
            {
                foreach (var word in wordsOn(e))
                {
                    if (seen.Add(word))
                    {
                        weights[word] = weights.GetValueOrDefault(word) + block.WordCount;
                    }
                }
            }
        }

        return [.. weights.Where(kv => kv.Value >= total * Share).Select(kv => kv.Key)];
    }

    private static HashSet<string> Compute(PageDocument page)
    {
        var words = AroundMostOf(page.Blocks.Where(b => b.WordCount >= ProseWords), ChromeWordsOn);
        words.ExceptWith(AlwaysChrome);
        return words;
    }

    private static IEnumerable<string> ChromeWordsOn(IElement element)
    {
        if (element.Id is { Length: > 0 } id)
        {
            foreach (var word in ChromeRules.WordsOf(id))
            {
                yield return word;
            }
        }

        foreach (var cls in element.ClassList)
        {
            foreach (var word in ChromeRules.WordsOf(cls))
            {
                yield return word;
            }
        }
    }
}
