using AngleSharp.Dom;
using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Checks;

/// <summary>
/// Where a line stands among its neighbours, as a reader sees it: right under a picture (a photo credit), one of many
/// links in a row (tags, topics), or inside a small card that carries its own linked headline (a teaser for another
/// article). Each answer says what was found, so a refusal can name it.
/// </summary>
public static class CreditStructure
{
    private const int CardChars = 400;
    private const int CardLevels = 4;
    private const int LookBackElements = 80;

    /// <summary>
    /// The picture whose caption or credit line this block is: the picture right above it (no text between) when the
    /// block stands outside the story's container, or shares a small box with the picture and no story paragraph. A
    /// first line of the story's own container under a picture in a box of its own is the story's, not a caption.
    /// </summary>
    public static IElement? PictureCaptioned(PageDocument page, Locating.ArticleRegion region, TextBlock block)
    {
        var image = ImageRightAbove(page, block);
        if (image is null)
        {
            return null;
        }

        var order = page.Order;
        if (!order.Contains(region.Body, block.Element))
        {
            return image;
        }

        var box = block.Element;
        while (box.ParentElement is { } parent && !order.Contains(box, image))
        {
            box = parent;
        }

        var index = order.IndexOf(box);
        var holdsStory = region.StoryBlocks.Any(b => order.Contains(box, b.Element));
        return !holdsStory && page.Stats.TextLength(index) <= CardChars ? image : null;
    }

    /// <summary>
    /// The quotation whose source the line names: the line sits in a &lt;blockquote&gt; or &lt;q&gt; that holds none of the
    /// story's paragraphs, or follows a block that is itself a quotation (opens and closes with quotation marks) and
    /// is not a story paragraph. Null otherwise.
    /// </summary>
    public static IElement? QuotationSourced(PageDocument page, Locating.ArticleRegion region, TextBlock block, IElement element)
    {
        var order = page.Order;
        if (element.Closest("blockquote, q") is { } quote && !region.StoryBlocks.Any(b => order.Contains(quote, b.Element)))
        {
            return quote;
        }

        var previous = PreviousTextBlock(page, block);
        if (previous is null || region.StoryBlocks.Contains(previous))
        {
            return null;
        }

        var text = previous.Text.Trim();
        return text.Length > 2 && OpeningQuotes.Contains(text[0]) && ClosingQuotes.Contains(text[^1]) ? previous.Element : null;
    }

    private const string OpeningQuotes = "“\"«„‘'";
    private const string ClosingQuotes = "”\"»“’'";

    private static TextBlock? PreviousTextBlock(PageDocument page, TextBlock block)
    {
        var blocks = page.Blocks;
        for (var i = blocks.Count - 1; i >= 0; i--)
        {
            if (blocks[i].Order < block.Order && blocks[i].Text.Length > 0 && !page.Order.Contains(blocks[i].Element, block.Element))
            {
                return blocks[i];
            }
        }

        return null;
    }

    private static readonly HashSet<string> ImageTags = new(StringComparer.Ordinal) { "img", "picture", "amp-img", "video", "figure", "svg" };

    /// <summary>
    /// The image right above the block, with no text between them: the block is what a reader takes for that image's
    /// caption or credit line. Null when other text comes between (or no image comes before).
    /// </summary>
    public static IElement? ImageRightAbove(PageDocument page, TextBlock block)
    {
        var order = page.Order;
        var steps = 0;
        for (var i = block.Order - 1; i >= 0 && steps < LookBackElements; i--, steps++)
        {
            var element = order[i];
            if (order.Contains(element, block.Element))
            {
                // An ancestor: its own text (if any) is around the block, not between.
                continue;
            }

            if (ImageTags.Contains(element.LocalName) && !page.Visibility.IsHidden(element) && !IsThumbnail(element) && !IsAvatarOf(element, block))
            {
                return element;
            }

            if (page.BlockOf(element) is { Text.Length: > 0 })
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>An image shown at most 100 pixels wide or high (its width, height or sizes say so): an icon or a portrait thumbnail, not a photo with a credit line.</summary>
    private static bool IsThumbnail(IElement image) =>
        Pixels(image.GetAttribute("width")) is <= 100
        || Pixels(image.GetAttribute("height")) is <= 100
        || Pixels(image.GetAttribute("sizes")) is <= 100;

    private static int? Pixels(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^2];
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>
    /// The author's portrait beside the name: the picture links where a link in the name's block links (the author's
    /// page), or it or its link is marked as an avatar.
    /// </summary>
    private static bool IsAvatarOf(IElement image, TextBlock block)
    {
        // The picture itself and its parent, or everything up to its link.
        var link = image.Closest("a[href]");
        var stop = link?.ParentElement ?? image.ParentElement?.ParentElement;
        for (var e = image; e is not null && !ReferenceEquals(e, stop); e = e.ParentElement)
        {
            if (((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).Contains("avatar", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (link?.GetAttribute("href") is not { Length: > 0 } href)
        {
            return false;
        }

        var target = WithoutQuery(href);
        return block.Element.QuerySelectorAll("a[href]").Any(a => WithoutQuery(a.GetAttribute("href")!) == target);
    }

    private static string WithoutQuery(string href)
    {
        var cut = href.IndexOfAny(['?', '#']);
        return (cut < 0 ? href : href[..cut]).TrimEnd('/');
    }

    /// <summary>
    /// The name's element is one of at least three links sharing its line, and links make most of the line ("Tags:
    /// ann wilson, drama, eighties"): a list of topics or tags. Returns how many links, or 0.
    /// </summary>
    public static int LinksInRow(PageDocument page, TextBlock block, string line, IElement element)
    {
        var link = element.Closest("a[href]");
        if (link is null || !page.Order.Contains(block.Element, link))
        {
            return 0;
        }

        var links = 0;
        var linkChars = 0;
        foreach (var a in block.Element.QuerySelectorAll("a[href]"))
        {
            var text = TextFolding.CollapseWhiteSpace(a.TextContent);
            if (text.Length > 0 && line.Contains(text, StringComparison.Ordinal))
            {
                links++;
                linkChars += text.Length;
            }
        }

        return links >= 3 && linkChars >= line.Length * 0.5 ? links : 0;
    }

    /// <summary>
    /// The small card around the line (up to <see cref="CardChars"/> characters) holds a linked headline that is not
    /// the article's own: the line belongs to a teaser for another article. Returns that headline element, or null.
    /// </summary>
    public static IElement? TeaserHeadline(PageDocument page, TextBlock block, IElement? articleHeadline)
    {
        var order = page.Order;
        var stats = page.Stats;
        var card = block.Element;
        for (var level = 0; level < CardLevels && card.ParentElement is { } parent && parent.LocalName is not ("body" or "html"); level++)
        {
            var index = order.IndexOf(parent);
            if (stats.TextLength(index) > CardChars)
            {
                break;
            }

            card = parent;
        }

        var cardIndex = order.IndexOf(card);
        if (stats.LinkedHeadings(cardIndex) == 0 && stats.LinkCount(cardIndex) == 0)
        {
            return null;
        }

        for (int i = cardIndex, end = order.EndOf(card); i <= end; i++)
        {
            var element = order[i];
            if (articleHeadline is not null && (order.Contains(element, articleHeadline) || order.Contains(articleHeadline, element)))
            {
                continue;
            }

            var isHeading = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
            var linkedHeading = (isHeading && stats.LinkCount(i) > 0 && !order.Contains(element, block.Element))
                || (element.LocalName == "a" && element.HasAttribute("href") && stats.LinkedHeadings(i) > 0);
            if (linkedHeading && IsHeadlineLike(element, block))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>A headline is a phrase (four words or more), not a section label ("Politics") nor the author's name.</summary>
    private static bool IsHeadlineLike(IElement heading, TextBlock block)
    {
        var text = TextFolding.CollapseWhiteSpace(heading.TextContent);
        return Tokenizer.Words(text).Length >= 4 && !block.Text.Contains(text, StringComparison.OrdinalIgnoreCase);
    }
}
