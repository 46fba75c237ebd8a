namespace Syndication.Locating;

/// <summary>Where in the article region a block stands. Credit counts in the opening and closing, not in the story's middle.</summary>
public enum RegionZone
{
    /// <summary>Not in the article region: site chrome, or too far from the article.</summary>
    Outside,

    /// <summary>The article's header and anything before its first paragraph (headline, byline area, opening credit lines).</summary>
    Opening,

    /// <summary>The first paragraph of the story (it may open with a dateline credit: "WASHINGTON (DCNF) —").</summary>
    FirstParagraph,

    /// <summary>The story's text between its first and last paragraphs.</summary>
    Story,

    /// <summary>The last paragraph of the story.</summary>
    LastParagraph,

    /// <summary>After the story: closing credit lines, author box, the article's own footer.</summary>
    Closing,
}
