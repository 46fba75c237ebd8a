using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Locating;
using Syndication.Parsing;

namespace Syndication.Requirements;

/// <summary>Where a licence may ask a line or a link to stand: at the top of the article, at its end, or anywhere in it.</summary>
public static class ArticlePlacement
{
    public const string Top = "top";
    public const string End = "end";
    public const string Anywhere = "anywhere";

    public static IReadOnlyList<string> Choices { get; } = [Top, End, Anywhere];

    /// <summary>How many text blocks above the article's header still count as its top (a credit line over the headline).</summary>
    private const int BlocksAboveHeader = 2;

    /// <summary>Where the element stands for a reader, and in words.</summary>
    public static (Spot Spot, string Words) Of(CheckContext context, IElement element)
    {
        var region = context.Region;
        var zone = region.ZoneOf(element);
        switch (zone)
        {
            case RegionZone.Opening or RegionZone.FirstParagraph:
                return (Spot.Top, CreditAnalysis.ZoneWords(zone));
            case RegionZone.LastParagraph or RegionZone.Closing:
                return (Spot.End, CreditAnalysis.ZoneWords(zone));
            case RegionZone.Story:
                return (Spot.Middle, CreditAnalysis.ZoneWords(zone));
        }

        if (region.ChromeReason(element) is { } chrome)
        {
            return (Spot.Chrome, $"in site chrome ({chrome})");
        }

        var index = context.Page.Order.IndexOf(element);
        if (index >= 0 && index < region.Start && BlocksBetween(context.Page, index, region.Start) <= BlocksAboveHeader)
        {
            return (Spot.Top, "right above the article's header");
        }

        return (Spot.Away, region.WhyOutside(element) ?? "outside the article region");
    }

    /// <summary>Whether a spot is one of the placements the profile asks for.</summary>
    public static bool Accepts(IReadOnlyList<string> asked, Spot spot) => spot switch
    {
        Spot.Top => asked.Contains(Top) || asked.Contains(Anywhere),
        Spot.End => asked.Contains(End) || asked.Contains(Anywhere),
        Spot.Middle => asked.Contains(Anywhere),
        _ => false,
    };

    /// <summary>"at the top of the article or at its end", for messages.</summary>
    public static string Describe(IReadOnlyList<string> asked) => asked.Contains(Anywhere)
        ? "anywhere in the article"
        : string.Join(" or ", asked.Select(a => a == Top ? "at the top of the article" : "at its end"));

    private static int BlocksBetween(PageDocument page, int from, int to) =>
        page.Blocks.Count(b => b.Order > from && b.Order < to && b.Text.Length > 0);
}

/// <summary>Where something stands relative to the article.</summary>
public enum Spot
{
    /// <summary>The article's header, its first paragraph, or right above the header.</summary>
    Top,

    /// <summary>Inside the story's text.</summary>
    Middle,

    /// <summary>The story's last paragraph or after it (credit lines, the article's footer).</summary>
    End,

    /// <summary>On the page, away from the article (not in chrome).</summary>
    Away,

    /// <summary>In site chrome: navigation, sidebars, the site's header and footer.</summary>
    Chrome,
}
