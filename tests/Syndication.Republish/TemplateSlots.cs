using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Republish;

/// <summary>
/// Where a real page's template holds its article: the headline, the byline (the element naming the page's true
/// author), the story's paragraphs and their container, and the site's own sidebar, footer and related list when it has
/// them. Found from the page and its known author with simple rules of its own (not the engine's), and kept as
/// document-order numbers so every variant can find them again in its own copy of the page.
/// </summary>
public sealed partial class TemplateSlots
{
    private const int MinParagraphChars = 60;

    private TemplateSlots(int headline, int byline, int body, List<int> paragraphs, List<int> otherProse, int sidebar, int footer, int related, int article)
    {
        Headline = headline;
        Byline = byline;
        Body = body;
        Paragraphs = paragraphs;
        OtherProse = otherProse;
        Sidebar = sidebar;
        Footer = footer;
        Related = related;
        Article = article;
    }

    /// <summary>The headline element, or -1.</summary>
    public int Headline { get; }

    /// <summary>The smallest element that holds the true author's name in the byline.</summary>
    public int Byline { get; }

    /// <summary>The element holding most of the story's paragraphs.</summary>
    public int Body { get; }

    /// <summary>The story's paragraphs (at least <see cref="MinParagraphChars"/> characters each) inside <see cref="Body"/>, in order.</summary>
    public IReadOnlyList<int> Paragraphs { get; }

    /// <summary>
    /// Paragraphs of prose after the byline, outside the story's container, in the article or the &lt;article&gt; element
    /// around it (not in a related list, a sidebar or a footer): the rest of the template's story.
    /// </summary>
    public IReadOnlyList<int> OtherProse { get; }

    /// <summary>The site's sidebar (an &lt;aside&gt; or a box named sidebar, apart from the story), or -1.</summary>
    public int Sidebar { get; }

    /// <summary>The site's footer (a &lt;footer&gt;, role=contentinfo or a box named footer, apart from the story), or -1.</summary>
    public int Footer { get; }

    /// <summary>The site's list of related or recommended stories, apart from the story, or -1.</summary>
    public int Related { get; }

    /// <summary>The outermost element that holds the headline, the byline and the story (below &lt;body&gt;).</summary>
    public int Article { get; }

    /// <summary>The text of the template's own story: its paragraphs and the rest of its prose after the byline.</summary>
    public IEnumerable<string> StoryTexts(IDocument document) =>
        Paragraphs.Concat(OtherProse).Select(i => Collapse(document.All[i].TextContent));

    /// <summary>The slots in words: each element's path and a little of its text.</summary>
    public string Describe(IDocument document)
    {
        var all = document.All;
        string Of(int i) => i < 0 ? "none" : $"{Parsing.SelectorPath.For(all[i])}";
        string Text(int i, int n) => i < 0 ? string.Empty : Collapse(all[i].TextContent) is var t && t.Length > n ? t[..n] + "…" : Collapse(all[i].TextContent);
        return $"\n  headline {Of(Headline)} \"{Text(Headline, 60)}\"\n  byline {Of(Byline)} in \"{(Byline < 0 ? string.Empty : Collapse(all[Byline].ParentElement?.TextContent ?? string.Empty) is var b && b.Length > 90 ? b[..90] + "…" : Collapse(all[Byline].ParentElement?.TextContent ?? string.Empty))}\"\n  body {Of(Body)} ({Paragraphs.Count} paragraphs, {OtherProse.Count} more in other sections)\n  sidebar {Of(Sidebar)}; footer {Of(Footer)}; related {Of(Related)}";
    }

    /// <summary>Finds the slots, or says why the page cannot serve as a template.</summary>
    public static TemplateSlots? Find(IDocument document, IReadOnlyList<string> authors, out string? problem) => Find(document, authors, null, out problem);

    /// <summary>As <see cref="Find(IDocument, IReadOnlyList{string}, out string?)"/>, with the byline named by a selector when the rules miss it.</summary>
    public static TemplateSlots? Find(IDocument document, IReadOnlyList<string> authors, string? bylineSelector, out string? problem)
    {
        var all = document.All.ToList();
        var index = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            index[all[i]] = i;
        }

        var body = StoryContainer(document, out var paragraphs, out var prose);
        if (body is null || paragraphs.Count == 0)
        {
            problem = "no paragraphs of prose";
            return null;
        }

        var headline = HeadlineOf(document, paragraphs[0]);
        var byline = bylineSelector is null ? BylineOf(document, authors, headline, paragraphs[0], index) : document.QuerySelector(bylineSelector);
        if (byline is null)
        {
            problem = $"the author {string.Join(" and ", authors)} is not named in visible text";
            return null;
        }

        // Paragraphs above the byline are the template's standfirst, not its story: they stay as they are.
        var afterByline = paragraphs.Where(p => byline.CompareDocumentPosition(p).HasFlag(DocumentPositions.Following)).ToList();
        if (afterByline.Count >= 3 && afterByline.Count < paragraphs.Count)
        {
            paragraphs = afterByline;
        }

        var article = CommonAncestor([.. new[] { headline, byline, body }.OfType<IElement>()]);

        // The template's story may go on in other sections of its <article> (a Medium post: one section per run of
        // text between pictures), outside the box that holds the headline, the byline and the story's main section.
        var storyScope = body.Closest("article") is { } own && own.Contains(article) ? own : article;
        var otherProse = prose.Where(p => storyScope.Contains(p) && !body.Contains(p) && byline.CompareDocumentPosition(p).HasFlag(DocumentPositions.Following)
            && !p.Ancestors<IElement>().TakeWhile(e => e != storyScope).Any(e => IsRelated(e) || IsSidebar(e) || IsFooter(e)));
        problem = null;
        return new TemplateSlots(
            headline is null ? -1 : index[headline],
            index[byline],
            index[body],
            [.. paragraphs.Select(p => index[p])],
            [.. otherProse.Select(p => index[p])],
            IndexOrNone(index, Apart(document, article, IsSidebar).FirstOrDefault()),
            IndexOrNone(index, Apart(document, article, IsFooter).LastOrDefault()),
            IndexOrNone(index, Apart(document, article, IsRelated).FirstOrDefault()),
            index[article]);
    }

    private static int IndexOrNone(Dictionary<IElement, int> index, IElement? element) => element is null ? -1 : index[element];

    /// <summary>
    /// The element that holds the most text in paragraphs of prose, each paragraph counting fully for its parent and
    /// half for its grandparent (a story often wraps each paragraph in a box of its own); its paragraphs in order.
    /// </summary>
    private static IElement? StoryContainer(IDocument document, out List<IElement> paragraphs, out List<IElement> prose)
    {
        var weights = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        prose = document.QuerySelectorAll("body p").Where(p => Collapse(p.TextContent).Length >= MinParagraphChars && !InNonContent(p)).ToList();
        foreach (var p in prose)
        {
            var length = Collapse(p.TextContent).Length;
            if (p.ParentElement is { } parent)
            {
                weights[parent] = weights.GetValueOrDefault(parent) + length;
                if (parent.ParentElement is { LocalName: not ("body" or "html") } grandparent)
                {
                    weights[grandparent] = weights.GetValueOrDefault(grandparent) + (length / 2);
                }
            }
        }

        var best = weights.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).FirstOrDefault();
        paragraphs = best is null ? [] : [.. prose.Where(best.Contains)];
        return best;
    }

    /// <summary>Boxes that show the author's name only on hover or in a menu, not as the byline.</summary>
    private static readonly string[] PopupNames = ["hovercard", "dropdown", "popover", "tooltip", "follow-controls"];

    private static readonly HashSet<string> NonContentNames = new(StringComparer.OrdinalIgnoreCase) { "comments", "comment-list", "commentlist", "lightbox", "modal" };

    private static bool InNonContent(IElement element) =>
        element.Closest("nav, footer, aside, form, noscript, template, blockquote, figure, [hidden]") is not null
        || element.Ancestors<IElement>().Any(e => e.ClassList.Concat([e.Id ?? string.Empty]).Any(NonContentNames.Contains) || e.Id?.EndsWith("-lightbox", StringComparison.Ordinal) == true || PictureTextNames.Any(word => NameHas(e, word)));

    /// <summary>Boxes of captions for a set of pictures (not "gallery": a gallery-style article calls its sections so).</summary>
    private static readonly string[] PictureTextNames = ["caption", "legend", "slideshow", "carousel"];

    /// <summary>
    /// The heading sharing the most words with the page's title (og:title, else &lt;title&gt;), the last such before the
    /// story (a sticky bar may repeat it above); else the first &lt;h1&gt;.
    /// </summary>
    private static IElement? HeadlineOf(IDocument document, IElement firstParagraph)
    {
        var title = document.QuerySelector("meta[property='og:title']")?.GetAttribute("content") ?? document.Title ?? string.Empty;
        var titleWords = Words(title).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool BeforeStory(IElement h) => h.CompareDocumentPosition(firstParagraph).HasFlag(DocumentPositions.Following) && Collapse(h.TextContent).Length < 300;
        var headings = document.QuerySelectorAll("body h1, body h2, body h3").Where(BeforeStory).ToList();

        // A box named "title" may hold the kicker and the byline too: only one that holds no other element counts.
        var titled = document.QuerySelectorAll("body [class*=title]").Where(e => BeforeStory(e) && e.Children.Length == 0).ToList();
        foreach (var candidates in new[] { headings, titled })
        {
            var scored = candidates.Select(h => (Heading: h, Shared: Words(h.TextContent).Count(titleWords.Contains))).Where(c => c.Shared >= 2).ToList();
            if (scored.Count > 0)
            {
                var most = scored.Max(c => c.Shared);
                return scored.Last(c => c.Shared == most).Heading;
            }
        }

        return headings.FirstOrDefault(h => h.LocalName == "h1");
    }

    /// <summary>
    /// The smallest visible element naming the author: the first after the headline and before the story, else the
    /// first after the headline, else the first on the page.
    /// </summary>
    private static IElement? BylineOf(IDocument document, IReadOnlyList<string> authors, IElement? headline, IElement firstParagraph, Dictionary<IElement, int> index)
    {
        var pattern = NamePattern(authors[0]);
        var firstWord = Words(authors[0])[0];

        // Only the elements above a text node holding the name's first word can hold the name.
        var near = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        foreach (var text in document.Body?.Descendants<IText>() ?? [])
        {
            if (text.Data.Contains(firstWord, StringComparison.OrdinalIgnoreCase))
            {
                var e = text.ParentElement;
                for (var level = 0; e is not null && level < 4; level++, e = e.ParentElement)
                {
                    near.Add(e);
                }
            }
        }

        var holders = near.OrderBy(e => index[e])
            .Where(e => e.LocalName is not ("script" or "style" or "noscript" or "template" or "title" or "meta")
                && pattern.IsMatch(Collapse(e.TextContent))
                && !e.Children.Any(c => pattern.IsMatch(Collapse(c.TextContent)))
                && e.Closest("[hidden], [aria-hidden='true'], script, style, noscript, template, figure, figcaption") is null
                && !e.Ancestors<IElement>().Take(5).Any(a => a.LocalName is not ("body" or "html") && PopupNames.Any(w => NameHas(a, w))))
            .ToList() ?? [];
        var after = headline is null ? -1 : index[headline];
        var storyStart = index[firstParagraph];
        var inHeader = holders.Where(e => index[e] > after && index[e] < storyStart).ToList();
        return inHeader.FirstOrDefault(ReadsAsByline)
            ?? inHeader.FirstOrDefault()
            ?? holders.FirstOrDefault(e => index[e] > after && ReadsAsByline(e))
            ?? holders.FirstOrDefault(e => index[e] > after)
            ?? holders.FirstOrDefault();
    }

    /// <summary>The name's element or a close ancestor reads "By …" or is named for a byline or an author.</summary>
    private static bool ReadsAsByline(IElement element)
    {
        var e = element;
        for (var level = 0; level < 3 && e is not null; level++, e = e.ParentElement)
        {
            if (ByWord().IsMatch(Collapse(e.TextContent)) || NameHas(e, "byline") || NameHas(e, "author"))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(by|written by|words by|story by)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ByWord();

    /// <summary>The author's name in any case, with any white space between its words.</summary>
    public static Regex NamePattern(string name) =>
        new(string.Join(@"\s+", Words(name).Select(Regex.Escape)), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static IElement CommonAncestor(List<IElement> elements)
    {
        var first = elements[0];
        for (var candidate = first; candidate is not null; candidate = candidate.ParentElement)
        {
            if (elements.All(e => candidate.Contains(e)))
            {
                return candidate.LocalName is "body" or "html" ? first.Closest("body > *") ?? candidate : candidate;
            }
        }

        return first;
    }

    /// <summary>Elements matching the test that neither hold the article nor sit inside it.</summary>
    private static IEnumerable<IElement> Apart(IDocument document, IElement body, Func<IElement, bool> test) =>
        document.Body?.QuerySelectorAll("*").Where(e => test(e) && !e.Contains(body) && !body.Contains(e)) ?? [];

    private static bool IsSidebar(IElement e) =>
        (e.LocalName == "aside" || e.GetAttribute("role") == "complementary" || NameHas(e, "sidebar"))
        && Collapse(e.TextContent).Length >= 100
        && e.ParentElement?.Closest("aside, [role=complementary]") is null;

    private static bool IsFooter(IElement e) =>
        (e.LocalName == "footer" || e.GetAttribute("role") == "contentinfo" || NameHas(e, "footer"))
        && e.QuerySelectorAll("a[href]").Length >= 3 && Collapse(e.TextContent).Length >= 100
        && e.Closest("article") is null && e.ParentElement?.Closest("footer, [role=contentinfo]") is null;

    private static bool IsRelated(IElement e) =>
        (NameHas(e, "related") || NameHas(e, "recommend") || NameHas(e, "more-stories") || NameHas(e, "read-next"))
        && e.QuerySelectorAll("a[href]").Length >= 2 && e.ParentElement?.Closest("[class*=related], [id*=related]") is null;

    private static bool NameHas(IElement e, string word) =>
        ((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).Contains(word, StringComparison.OrdinalIgnoreCase);

    public static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    private static string[] Words(string text) => WordPattern().Matches(text).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.\-]*")]
    private static partial Regex WordPattern();
}
