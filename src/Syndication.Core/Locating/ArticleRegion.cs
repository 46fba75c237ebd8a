using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Locating;

/// <summary>
/// The part of a page that holds the republished story: its header (headline, byline area), the story's
/// paragraphs and the credit lines after them, minus site chrome inside that span. Answers "where is this element".
/// </summary>
public sealed class ArticleRegion
{
    private readonly PageDocument _page;
    private readonly int[] _chromeRoot;
    private readonly Dictionary<int, string> _chromeReasonAt = [];

    internal ArticleRegion(
        PageDocument page,
        IElement body,
        IElement? headline,
        IReadOnlyList<TextBlock> storyBlocks,
        int start,
        int end,
        int[] chromeRoot,
        IReadOnlyDictionary<int, string> chromeReasons,
        string method)
    {
        _page = page;
        Body = body;
        Headline = headline;
        StoryBlocks = storyBlocks;
        Start = start;
        End = end;
        _chromeRoot = chromeRoot;
        ChromeReasons = chromeReasons;
        Method = method;
    }

    /// <summary>The deepest element that holds most of the story.</summary>
    public IElement Body { get; }

    public IElement? Headline { get; }

    /// <summary>The page blocks that carry the story's text, in document order.</summary>
    public IReadOnlyList<TextBlock> StoryBlocks { get; }

    /// <summary>The first and last document-order numbers the region spans.</summary>
    public int Start { get; }

    public int End { get; }

    /// <summary>"original" when located from the matched original's text, "main-content" when guessed from the page.</summary>
    public string Method { get; }

    /// <summary>Where the region stops after the story, and why (null when it runs to the page's end).</summary>
    public string? EndReason { get; init; }

    /// <summary>
    /// Why an element outside the region is outside, in words: the chrome it sits in (and what decided it), or where it
    /// stands relative to the article's header and end. Null for an element inside the region.
    /// </summary>
    public string? WhyOutside(IElement element)
    {
        if (ChromeReason(element) is { } chrome)
        {
            return $"in site chrome ({chrome})";
        }

        var index = _page.Order.IndexOf(element);
        if (index >= 0 && index < Start)
        {
            return $"before the article's header, which begins at {SelectorPath.For(_page.Order[Start])}";
        }

        if (index > End)
        {
            return EndReason is null ? "past the article's end" : $"past the article's end: the region stops at {EndReason}";
        }

        return index < 0 ? "outside the article region" : null;
    }

    /// <summary>Chrome roots (document-order number) and why each is chrome.</summary>
    public IReadOnlyDictionary<int, string> ChromeReasons { get; }

    public TextBlock FirstStoryBlock => StoryBlocks[0];

    public TextBlock LastStoryBlock => StoryBlocks[^1];

    /// <summary>Why the element is site chrome (its own or an ancestor's markup), or null.</summary>
    public string? ChromeReason(IElement element)
    {
        var index = _page.Order.IndexOf(element);
        if (index < 0 || _chromeRoot[index] < 0)
        {
            return null;
        }

        // Every sighting inside one chrome subtree gives the same reason: build its selector path once.
        var root = _chromeRoot[index];
        if (!_chromeReasonAt.TryGetValue(root, out var reason))
        {
            _chromeReasonAt[root] = reason = $"{SelectorPath.For(_page.Order[root])}: {ChromeReasons[root]}";
        }

        return reason;
    }

    public RegionZone ZoneOf(IElement element)
    {
        var index = _page.Order.IndexOf(element);
        if (index < Start || index > End || _chromeRoot[index] >= 0)
        {
            return RegionZone.Outside;
        }

        var block = _page.EnclosingBlock(element);
        if (block is not null && ReferenceEquals(block, FirstStoryBlock))
        {
            return RegionZone.FirstParagraph;
        }

        if (block is not null && ReferenceEquals(block, LastStoryBlock))
        {
            return RegionZone.LastParagraph;
        }

        if (index < FirstStoryBlock.Order)
        {
            return RegionZone.Opening;
        }

        return index > _page.Order.EndOf(LastStoryBlock.Element) ? RegionZone.Closing : RegionZone.Story;
    }

    /// <summary>A one-line description for evidence: where the story and its headline were found.</summary>
    public string Describe() =>
        $"story in {SelectorPath.For(Body)}" + (Headline is null ? ", no headline found" : $", headline {SelectorPath.For(Headline)}");
}
