using AngleSharp.Dom;
using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Originals;

/// <summary>
/// What an original's markup holds besides its text: the story's links, its pictures and their captions. Read from a
/// feed item's body or the story on the original's page; a republication is measured against them (links kept, photos).
/// </summary>
public static class StoryMarkup
{
    /// <summary>The links inside <paramref name="paragraphs"/>; the pictures and captions inside <paramref name="container"/>.</summary>
    public static (List<StoryLink> Links, List<string> Images, List<string> Captions) Read(IReadOnlyList<IElement> paragraphs, IElement container, Uri? baseUrl)
    {
        var links = new List<StoryLink>();
        foreach (var anchor in paragraphs.SelectMany(p => p.LocalName == "a" ? [p] : (IEnumerable<IElement>)p.QuerySelectorAll("a[href]")).Where(a => a.HasAttribute("href")).Distinct())
        {
            if (InCaption(anchor))
            {
                // A caption's link (the photographer's page) goes with the photo, which a republication may drop.
                continue;
            }

            var href = Absolute(anchor.GetAttribute("href")!, baseUrl);
            var text = TextFolding.CollapseWhiteSpace(anchor.TextContent);
            if (href is not null && text.Length > 0)
            {
                links.Add(new StoryLink(href, text));
            }
        }

        var images = new List<string>();
        foreach (var image in container.QuerySelectorAll("img, amp-img"))
        {
            if (IsPixel(image) || Source(image) is not { } source || Absolute(source, baseUrl) is not { } url)
            {
                continue;
            }

            if (!images.Contains(url, StringComparer.Ordinal))
            {
                images.Add(url);
            }
        }

        var captions = container.QuerySelectorAll("figcaption, .wp-caption-text")
            .Select(c => TextFolding.CollapseWhiteSpace(c.TextContent))
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (links, images, captions);
    }

    private static bool InCaption(IElement element) =>
        element.Closest("figcaption, figure, .wp-caption, .wp-caption-text") is not null;

    /// <summary>Reads an HTML fragment (a feed item's body, a REST API post's content).</summary>
    public static (List<StoryLink> Links, List<string> Images, List<string> Captions) ReadFragment(string html, string? url)
    {
        var document = Parsers.ParseHtml("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return Read([document.Body!], document.Body!, Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) ? baseUrl : null);
    }

    /// <summary>The picture's address as the markup gives it: src, else the lazy loaders' attributes, else the first srcset entry.</summary>
    public static string? Source(IElement image)
    {
        foreach (var name in new[] { "src", "data-src", "data-lazy-src", "data-original" })
        {
            var value = image.GetAttribute(name)?.Trim();
            if (!string.IsNullOrEmpty(value) && !value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var srcset = image.GetAttribute("srcset") ?? image.GetAttribute("data-srcset");
        return srcset?.Split(',')[0].Trim().Split(' ')[0] is { Length: > 0 } first ? first : null;
    }

    /// <summary>An image 2 px or less on a side: a tracking pixel or a spacer, not a picture.</summary>
    public static bool IsPixel(IElement image) =>
        ImageSize.Width(image) is <= ImageSize.PixelSize || ImageSize.Height(image) is <= ImageSize.PixelSize;

    /// <summary>An http(s) address of <paramref name="href"/>, resolved against <paramref name="baseUrl"/> when relative; else null.</summary>
    public static string? Absolute(string href, Uri? baseUrl)
    {
        var trimmed = href.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
        {
            return null;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            trimmed = (baseUrl?.Scheme ?? "https") + ":" + trimmed;
        }

        // On Unix "/path" parses as an absolute file URI: a path is relative to the page here.
        if (!trimmed.StartsWith('/') && Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute))
        {
            return absolute.Scheme is "http" or "https" ? absolute.AbsoluteUri : null;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, trimmed, out var resolved) && resolved.Scheme is "http" or "https"
            ? resolved.AbsoluteUri
            : null;
    }
}
