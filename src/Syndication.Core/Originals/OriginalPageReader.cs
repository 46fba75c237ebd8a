using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Locating;
using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Originals;

/// <summary>
/// Reads one original from the HTML page of the article on the licensor's site: the title, the reporters (visible
/// byline first, then <c>meta author</c>, then JSON-LD) and the body paragraphs.
/// </summary>
public static partial class OriginalPageReader
{
    public static Original Read(PageDocument page, string source)
    {
        var document = page.Document;
        var title = Meta(document, "og:title") ?? document.QuerySelector("h1")?.TextContent ?? document.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new OriginalsException($"{source}: the page has no title (og:title, h1 or <title>), so it cannot be an original article");
        }

        var story = MainContentFinder.StoryBlocks(page);
        if (story.Count == 0)
        {
            throw new OriginalsException($"{source}: no article text found on the page");
        }

        var url = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url") ?? source;
        var paragraphs = story.Select(b => b.Element).ToList();
        var (links, images, captions) = StoryMarkup.Read(paragraphs, CommonAncestor(paragraphs), Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) ? baseUrl : null);
        return new Original
        {
            Title = TextFolding.CollapseWhiteSpace(title),
            Url = url,
            Reporters = Reporters(document),
            Paragraphs = story.SelectMany(b => b.Lines).ToList(),
            Links = links,
            Images = images,
            Captions = captions,
            Published = Date(Meta(document, "article:published_time")),
            Modified = Date(Meta(document, "article:modified_time") ?? Meta(document, "og:updated_time")),
            Source = source,
        };
    }

    /// <summary>The deepest element holding every paragraph of the story (its pictures stand among them).</summary>
    private static IElement CommonAncestor(List<IElement> paragraphs)
    {
        var container = paragraphs[0].ParentElement ?? paragraphs[0];
        while (container.ParentElement is not null && !paragraphs.All(p => container.Contains(p)))
        {
            container = container.ParentElement;
        }

        return container;
    }

    private static List<string> Reporters(IDocument document)
    {
        foreach (var element in document.QuerySelectorAll("[rel~=author], [itemprop~=author], .byline, .author, .author-name, .byline__name"))
        {
            if (!CreditMarkers.IsBylineElement(element))
            {
                continue;
            }

            var text = TextFolding.CollapseWhiteSpace(element.TextContent);
            var cleaned = ByPrefix().Replace(text, string.Empty).Split(['|', '•', '\n'], 2)[0].Trim();
            if (cleaned.Length is > 2 and < 80)
            {
                return FeedReader.SplitNames(cleaned).ToList();
            }
        }

        if (document.QuerySelector("meta[name=author]")?.GetAttribute("content") is { Length: > 0 } author)
        {
            return FeedReader.SplitNames(author).ToList();
        }

        return JsonLdAuthors.Read(document);
    }

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content") is { Length: > 0 } value ? value : null;

    [GeneratedRegex(@"^\s*(written\s+)?by[:\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();
}
