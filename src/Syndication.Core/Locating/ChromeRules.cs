using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Locating;

/// <summary>
/// Site chrome by its markup: navigation, sidebars and widgets, related and most-read lists, comments, ads, site
/// header and footer, and dense lists of links. Credit found there never counts.
/// </summary>
public static class ChromeRules
{
    private static readonly HashSet<string> ChromeWords = new(StringComparer.Ordinal)
    {
        "related", "relatedposts", "relatedarticles", "relatedstories", "recommended", "recommendations", "recirc", "recirculation",
        "sidebar", "widget", "widgets", "comment", "comments", "commentlist", "disqus", "discussion", "newsletter", "popular",
        "trending", "mostread", "mostpopular", "taboola", "outbrain", "zergnet", "breadcrumb", "breadcrumbs", "advert",
        "advertisement", "advertising", "ad", "ads", "adslot", "adunit", "dfp", "sponsor", "sponsored", "promo", "promotion",
        "pagination", "pager", "nav", "navbar", "navigation", "menu", "submenu", "share", "sharing", "sharedaddy", "social",
        "masthead", "colophon", "rail", "cookie", "consent", "modal", "popup", "recent", "readnext", "viafoura", "spotim",
        "openweb", "coral", "replies",
    };

    private static readonly string[] ChromePhrases =
    [
        "read-next", "you-may-like", "more-stories", "also-read", "site-footer", "site-header", "post-navigation", "more-from",
        "most-read", "most-popular", "read-more-stories", "global-header", "global-footer", "page-footer", "page-header-nav",
        "top-stories", "latest-news", "latest-posts", "recent-posts", "in-case-you-missed",
    ];

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "contentinfo", "search", "menu", "menubar", "dialog", "alertdialog", "banner",
    };

    private static readonly HashSet<string> NavigationRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "search", "menu", "menubar", "dialog", "alertdialog",
    };

    /// <summary>The element is a menu, a search form or a dialog by its ARIA role.</summary>
    public static bool IsNavigationRole(IElement element) => element.GetAttribute("role") is { } role && NavigationRoles.Contains(role.Trim());

    /// <summary>Returns why the element is chrome, or null. <paramref name="pageLevel"/>: not inside an article or main element.</summary>
    public static string? Reason(IElement element, bool pageLevel) => Reason(element, pageLevel, NoWords);

    private static readonly HashSet<string> NoWords = [];

    /// <summary>
    /// As <see cref="Reason(IElement, bool)"/>, passing over <paramref name="layoutWords"/>: words the page's layout puts on
    /// the containers of its prose (an Elementor page calls every box a "widget"), which cannot tell chrome there.
    /// </summary>
    public static string? Reason(IElement element, bool pageLevel, IReadOnlySet<string> layoutWords)
    {
        var tag = element.LocalName;
        if (tag is "nav" or "aside")
        {
            return tag == "nav" ? "a <nav> (navigation)" : "an <aside> (a sidebar or box beside the story)";
        }

        if (pageLevel && tag is "footer" or "header")
        {
            return $"the site's <{tag}>, outside any <article> or <main>";
        }

        var role = element.GetAttribute("role");
        if (role is not null && ChromeRoles.Contains(role.Trim()))
        {
            return $"its role=\"{role}\"";
        }

        if (element.Id is { Length: > 0 } id && MatchesWords(id, layoutWords) is { } idWord)
        {
            return $"its id \"{id}\" says \"{idWord}\"";
        }

        if (pageLevel && element.Id is "footer" or "header" or "secondary" or "sidebar")
        {
            return $"its id \"{element.Id}\" names the page's {element.Id}";
        }

        if (ClassNames.Ask(element, nameof(ChromeRules), ChromeClass) is { } byClass)
        {
            // The cached answer holds for every page; a page's layout words may leave another of its classes, or none.
            return layoutWords.Count == 0 ? byClass : ChromeClass(element.ClassList.ToArray(), layoutWords);
        }

        if (element.GetAttribute("aria-label") is { Length: > 0 } label && MatchesWords(label.Replace(' ', '-'), layoutWords) is { } labelWord)
        {
            return $"its aria-label \"{label}\" says \"{labelWord}\"";
        }

        if (element.GetAttribute("data-ad") is not null || element.GetAttribute("data-ad-slot") is not null)
        {
            return "an ad slot (data-ad)";
        }

        return null;
    }

    private static string? ChromeClass(string[] classes) => ChromeClass(classes, NoWords);

    private static string? ChromeClass(string[] classes, IReadOnlySet<string> layoutWords)
    {
        foreach (var cls in classes)
        {
            if (MatchesWords(cls, layoutWords) is { } word)
            {
                return $"its class \"{cls}\" says \"{word}\"";
            }
        }

        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Known = new(StringComparer.Ordinal);

    /// <summary>The chrome word a class name or id holds, if any ("jp-relatedposts" → "relatedposts").</summary>
    public static string? MatchesWords(string name) => WordsOf(name).FirstOrDefault();

    /// <summary>As <see cref="MatchesWords(string)"/>, passing over the page's layout words.</summary>
    public static string? MatchesWords(string name, IReadOnlySet<string> layoutWords) =>
        layoutWords.Count == 0 ? MatchesWords(name) : WordsOf(name).FirstOrDefault(w => !layoutWords.Contains(w));

    /// <summary>Every chrome word a class name or id holds. Cached: names repeat across a page and across pages.</summary>
    public static string[] WordsOf(string name)
    {
        if (Known.TryGetValue(name, out var known))
        {
            return known;
        }

        if (Known.Count > 50_000)
        {
            Known.Clear();
        }

        return Known[name] = FindWords(name);
    }

    private static string[] FindWords(string name)
    {
        var lower = SplitCamelCase(name).ToLowerInvariant();
        if (lower.Contains("byline", StringComparison.Ordinal))
        {
            // "share-byline-timestamp": the credit itself, whatever else the name says.
            return [];
        }

        var words = new List<string>();
        foreach (var phrase in ChromePhrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
            {
                words.Add(phrase);
            }
        }

        foreach (var part in SplitName(lower))
        {
            if (ChromeWords.Contains(part) && !words.Contains(part))
            {
                words.Add(part);
            }
        }

        return [.. words];
    }

    /// <summary>"contentPromo" becomes "content-Promo", so its words can be told apart.</summary>
    private static string SplitCamelCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                builder.Append('-');
            }

            builder.Append(name[i]);
        }

        return builder.ToString();
    }

    /// <summary>Splits "relatedPosts__item--big" or "comment-author" into its words.</summary>
    private static IEnumerable<string> SplitName(string lower)
    {
        var start = 0;
        for (var i = 0; i <= lower.Length; i++)
        {
            if (i == lower.Length || !char.IsLetterOrDigit(lower[i]))
            {
                if (i > start)
                {
                    yield return lower[start..i];
                }

                start = i + 1;
            }
        }
    }
}
