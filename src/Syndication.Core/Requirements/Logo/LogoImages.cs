using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Locating;
using Syndication.Parsing;

namespace Syndication.Requirements.Logo;

/// <summary>
/// Which images the logo check asks to see, most likely to be the logo first: the images a reader sees with the
/// article (in its region, visible, larger than a tracking pixel) that its markup leaves undecided. Likelihood: near
/// the headline, byline or the story's end rather than inside the text; a logo's shape and size (wide and short, or
/// small and square) rather than a photo's; a file name or class saying "logo"; a link to the licensor's site.
/// </summary>
public static class LogoImages
{
    private static readonly string[] SourcePreference =
        ["data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "src", "href", "xlink:href"];

    private static readonly string[] SetPreference = ["data-srcset", "data-lazy-srcset", "srcset"];

    /// <summary>The one source a browser would show for the element (a lazy image's real source before its placeholder), or null.</summary>
    public static string? SourceOf(IElement element)
    {
        foreach (var attribute in SourcePreference)
        {
            if (Usable(element.GetAttribute(attribute)) is { } source)
            {
                return source;
            }
        }

        foreach (var attribute in SetPreference)
        {
            if (element.GetAttribute(attribute) is { } set
                && set.Split(',').Select(s => s.Trim().Split(' ')[0]).Select(Usable).FirstOrDefault(s => s is not null) is { } source)
            {
                return source;
            }
        }

        return element.GetAttribute("style") is { } style && LogoFinder.BackgroundUrls(style).Select(Usable).FirstOrDefault(s => s is not null) is { } background
            ? background
            : null;
    }

    /// <summary>Visible images in the article that no markup names, with their source, most likely first.</summary>
    public static IEnumerable<(IElement Element, IElement Placement, string Source)> Unnamed(CheckContext context, IReadOnlySet<IElement> named)
    {
        var region = context.Region;
        var anchors = new[] { region.Headline, region.FirstStoryBlock.Element, region.LastStoryBlock.Element }
            .Where(e => e is not null).Select(e => context.Page.Order.IndexOf(e!)).Where(i => i >= 0).ToArray();
        var found = new List<(double Score, int Order, IElement Element, IElement Placement, string Source)>();
        for (var index = Math.Max(0, region.Start); index <= Math.Min(region.End, context.Page.Order.Count - 1); index++)
        {
            var element = context.Page.Order[index];
            if (named.Contains(element) || !IsImage(element) || SourceOf(element) is not { } source)
            {
                continue;
            }

            if (IsPhotoSized(element))
            {
                continue;
            }

            var placement = LogoFinder.Placement(element);
            var candidate = new LogoCandidate(element, placement, [source], string.Empty, LogoIdentity.Licensor, string.Empty);
            if (LogoCheck.Problem(context, candidate) is not null)
            {
                continue;
            }

            var distance = anchors.Length == 0 ? 0 : anchors.Min(a => Math.Abs(a - index));
            found.Add((Score(context, element, placement, source) - Math.Min(2, distance / 40.0), index, element, placement, source));
        }

        return found.OrderByDescending(f => f.Score).ThenBy(f => f.Order).Select(f => (f.Element, f.Placement, f.Source));
    }

    private static double Score(CheckContext context, IElement element, IElement placement, string source)
    {
        var score = context.Region.ZoneOf(placement) switch
        {
            RegionZone.Opening or RegionZone.Closing => 3,
            RegionZone.FirstParagraph or RegionZone.LastParagraph => 2,
            _ => 0,
        };
        var width = ImageSize.Attribute(element, "width");
        var height = ImageSize.Attribute(element, "height");
        if (width is { } w && height is { } h && h > 0)
        {
            var aspect = w / h;
            score += aspect is >= 1.6 and <= 8 && w <= 700 ? 2
                : aspect is >= 0.6 and < 1.6 && w <= 200 ? 1
                : 0;
        }

        var names = $"{LogoFinder.FileName(source)} {element.GetAttribute("class")} {element.Id}";
        if (names.Contains("logo", StringComparison.OrdinalIgnoreCase))
        {
            score += 1;
        }

        if (element.Closest("figure")?.QuerySelector("figcaption") is not null)
        {
            score -= 1;
        }

        if (element.Closest("a")?.GetAttribute("href") is { } href && LogoFinder.LinksToLicensor(context.Profile, href))
        {
            score += 2;
        }

        return score;
    }

    /// <summary>Declared as large as a photo and shaped like one (a logo is wide and short, or small): not worth a fetch.</summary>
    private static bool IsPhotoSized(IElement element) =>
        ImageSize.Attribute(element, "width") is >= 500 and var w && ImageSize.Attribute(element, "height") is > 0 and var h && w / h < 2.2;

    private static bool IsImage(IElement element) => element.LocalName switch
    {
        "img" => element.ParentElement?.LocalName != "amp-img",
        "amp-img" => true,
        "input" => string.Equals(element.GetAttribute("type"), "image", StringComparison.OrdinalIgnoreCase),
        _ => element.GetAttribute("role") == "img" && element.GetAttribute("style")?.Contains("url(", StringComparison.OrdinalIgnoreCase) == true,
    };

    /// <summary>A source worth fetching: not empty, not inline data, not SVG (judged by its markup: it is never rasterised).</summary>
    private static string? Usable(string? source)
    {
        if (string.IsNullOrWhiteSpace(source) || source.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var trimmed = source.Trim();
        return LogoFinder.FileName(trimmed).EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? null : trimmed;
    }
}
