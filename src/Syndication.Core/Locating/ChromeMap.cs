using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Locating;

/// <summary>
/// Decides which subtrees of a page are site chrome around a located story, and says why. Markup that names a
/// place (nav, aside, role, class and id words: <see cref="ChromeRules"/>) is one signal; structure is the other:
/// lists that are mostly links, runs of linked headlines, the site footer beside the article, and, against the words,
/// the small credit box between a headline and its story.
/// </summary>
public static partial class ChromeMap
{
    private const int HeaderLookBackChars = 1000;

    /// <summary>
    /// Marks every chrome subtree: ChromeRoot[i] is the document-order number of the chrome root holding element i, or
    /// -1. <paramref name="keep"/> holds the story's blocks, its container and the headline with their ancestors;
    /// <paramref name="headerFrom"/>..<paramref name="storyStart"/> is the article's header (between the headline and
    /// the story), <paramref name="storyEnd"/> the last element of the story's last block.
    /// </summary>
    public static (int[] ChromeRoot, Dictionary<int, string> Reasons) Build(
        PageDocument page, HashSet<IElement> keep, IElement body, int headerFrom, int storyStart, int storyEnd)
    {
        var order = page.Order;
        var chromeRoot = new int[order.Count];
        Array.Fill(chromeRoot, -1);
        var reasons = new Dictionary<int, string>();
        var inArticle = new bool[order.Count];
        var bodyIsPage = body.LocalName is "body" or "html";
        var layoutWords = LayoutWords.Of(page);
        for (var i = 0; i < order.Count; i++)
        {
            var element = order[i];
            var parent = element.ParentElement;
            var parentIndex = parent is null ? -1 : order.IndexOf(parent);
            inArticle[i] = parentIndex >= 0 && (inArticle[parentIndex] || IsArticleLike(parent!));
            if (parentIndex >= 0 && chromeRoot[parentIndex] >= 0)
            {
                chromeRoot[i] = chromeRoot[parentIndex];
                continue;
            }

            if (keep.Contains(element))
            {
                continue;
            }

            var reason = WithFacts(page, i, ChromeRules.Reason(element, pageLevel: !inArticle[i], layoutWords)) ?? LinkListReason(page, i);
            var inHeader = i > headerFrom && order.EndOf(element) < storyStart;
            var mayBeCreditBox = inHeader || (inArticle[i] && element.LocalName == "aside");
            if (reason is not null && mayBeCreditBox && IsCreditBox(page, i, inHeader))
            {
                reason = null;
            }

            // The site footer: a branch beside the article's own chain of containers, after the story, holding the
            // copyright line among its links. A <div> footer is found as a <footer> is.
            if (reason is null && !bodyIsPage && i > storyEnd && parent is not null && keep.Contains(parent) && !order.Contains(body, element))
            {
                reason = SiteFooterReason(page, i, parent);
            }

            // A <footer> after the story that carries the site's copyright is the site's, even inside the story's container.
            if (reason is null && i > storyEnd && parent is not null && (element.LocalName == "footer" || element.GetAttribute("role") == "contentinfo"))
            {
                reason = SiteFooterReason(page, i, parent);
            }

            if (reason is not null)
            {
                chromeRoot[i] = i;
                reasons[i] = reason;
            }
        }

        return (chromeRoot, reasons);
    }

    /// <summary>A reason from the markup's words, with what the element holds: a reader can tell a menu from a byline box.</summary>
    private static string? WithFacts(PageDocument page, int index, string? reason)
    {
        if (reason is null)
        {
            return null;
        }

        var stats = page.Stats;
        var links = stats.LinkCount(index);
        var teasers = stats.LinkedHeadings(index);
        var text = stats.TextLength(index);
        var holds = links == 0 && text == 0 ? "no text" : $"{links} link{(links == 1 ? string.Empty : "s")}{(teasers > 0 ? $", {teasers} linked headline{(teasers == 1 ? string.Empty : "s")}" : string.Empty)} and {text:N0} characters";
        return $"{reason}; it holds {holds}";
    }

    /// <summary>
    /// Where the article's header begins when no heading carries the original's title: the nearest &lt;h1&gt; before the
    /// story, looking back at most <see cref="HeaderLookBackChars"/> characters of text.
    /// </summary>
    public static int HeaderSpanStart(PageDocument page, TextBlock firstStory)
    {
        var chars = 0;
        var start = firstStory.Order;
        for (var i = page.Blocks.Count - 1; i >= 0; i--)
        {
            var block = page.Blocks[i];
            if (block.Order >= firstStory.Order || block.Text.Length == 0)
            {
                continue;
            }

            start = block.Order;
            chars += block.Text.Length;
            if (block.Element.LocalName == "h1" || chars > HeaderLookBackChars)
            {
                break;
            }
        }

        return start - 1;
    }

    /// <summary>
    /// A small box that holds a byline: an &lt;aside&gt; inside the article with the author, date and permalink, or
    /// any small box between the headline and the story (<paramref name="inHeader"/>) that holds a line opening with
    /// "By" or a byline element, whatever its class says ("share-wrap", "article-sidebar", "social-tools"): no menu,
    /// teaser list or widget stands between a headline and its story carrying a byline. Its own share bar or menu
    /// inside it is still chrome, judged on its own.
    /// </summary>
    private static bool IsCreditBox(PageDocument page, int index, bool inHeader)
    {
        var layoutWords = LayoutWords.Of(page);
        var element = page.Order[index];
        var stats = page.Stats;
        if (stats.TextLength(index) > Checks.CreditMarkers.MaxBylineChars || stats.LinkedHeadings(index) > 0
            || element.LocalName is "nav" || ChromeRules.IsNavigationRole(element))
        {
            return false;
        }

        // Out of the header, an aside named for its role ("related", "share") is that, whatever it holds.
        if (!inHeader && ChromeRules.MatchesWords((element.GetAttribute("class") ?? string.Empty) + " " + element.Id, layoutWords) is not null)
        {
            return false;
        }

        return HoldsByline(page, index, anyLine: inHeader);
    }

    /// <summary>A byline element inside the element, or (with <paramref name="anyLine"/>) a line opening with "By" or "Written by".</summary>
    private static bool HoldsByline(PageDocument page, int index, bool anyLine)
    {
        // The box and its descendants are the DomOrder range index..EndOf(box).
        for (int i = index, end = page.Order.EndOf(page.Order[index]); i <= end; i++)
        {
            var inner = page.Order[i];
            if (Checks.CreditMarkers.IsBylineElement(inner)
                || (anyLine && page.BlockOf(inner) is { } block && block.Lines.Any(Checks.CreditMarkers.OpensWithCreditWord)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsArticleLike(IElement element) =>
        element.LocalName is "article" or "main"
        || element.GetAttribute("role") is "main" or "article"
        || element.GetAttribute("itemtype")?.Contains("Article", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// A list that is mostly links to other pages (a menu, a teaser list, a tag cloud), or a run of teasers: at least
    /// three children that each lead with a linked headline. A byline's few links (author, date, share buttons) are not one.
    /// </summary>
    private static string? LinkListReason(PageDocument page, int index)
    {
        var element = page.Order[index];
        var stats = page.Stats;
        var links = stats.LinkCount(index);
        if (links < 3)
        {
            return null;
        }

        var text = stats.TextLength(index);
        if (element.LocalName is "ul" or "ol" or "menu" or "dl" && text >= 100 && stats.LinkTextLength(index) >= text * 0.6)
        {
            return $"a list of {links} links, {stats.LinkTextLength(index) * 100 / text}% of its text linked";
        }

        if (stats.LinkedHeadings(index) < 3)
        {
            return null;
        }

        var teasers = 0;
        foreach (var child in ElementChildren.Of(element))
        {
            var c = page.Order.IndexOf(child);
            if (c >= 0 && stats.LinkedHeadings(c) > 0)
            {
                teasers++;
            }
        }

        return teasers >= 3 ? $"a run of {teasers} linked headlines (teasers for other articles)" : null;
    }

    /// <summary>
    /// The footer's marks, among at least three links: a copyright line, the site's own &lt;footer&gt; (or
    /// role=contentinfo) inside it, or being the page's last text, mostly links.
    /// </summary>
    private static string? SiteFooterReason(PageDocument page, int index, IElement parent)
    {
        var stats = page.Stats;
        var links = stats.LinkCount(index);
        if (links < 3)
        {
            return null;
        }

        var order = page.Order;
        var element = order[index];
        var end = order.EndOf(element);
        var where = $"the site footer: after the story, beside the article under {SelectorPath.For(parent)},";
        foreach (var block in BlocksBetween(page, index, end))
        {
            foreach (var line in block.Lines)
            {
                if (Copyright().IsMatch(line))
                {
                    return $"{where} it holds the copyright line \"{TextShortening.End(line, 60)}\" and {links} links";
                }
            }
        }

        for (var i = index + 1; i <= end; i++)
        {
            if (order[i].LocalName == "footer" || order[i].GetAttribute("role") == "contentinfo")
            {
                return $"{where} it holds the site's <{order[i].LocalName}> and {links} links";
            }
        }

        var text = stats.TextLength(index);
        var last = page.Blocks.Count == 0 || page.Blocks[^1].Order <= end || page.Blocks.SkipWhile(b => b.Order <= end).All(b => b.Text.Length == 0);
        if (last && links >= 5 && text > 0 && stats.LinkTextLength(index) * 2 >= text)
        {
            return $"{where} it is the page's last text, {links} links making {stats.LinkTextLength(index) * 100 / text}% of it";
        }

        return null;
    }

    private static IEnumerable<TextBlock> BlocksBetween(PageDocument page, int first, int last)
    {
        var blocks = page.Blocks;
        for (var i = BlockOrder.FirstAtOrAfter(blocks, first); i < blocks.Count && blocks[i].Order <= last; i++)
        {
            yield return blocks[i];
        }
    }

    [GeneratedRegex(@"©|&copy;|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();
}
