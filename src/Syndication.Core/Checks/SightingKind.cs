namespace Syndication.Checks;

/// <summary>How a name (a reporter's or the licensor's) was seen on a page, best first.</summary>
public enum SightingKind
{
    /// <summary>Visible, in the article region, in a credit (byline area or a credit line at the story's start or end).</summary>
    Credit,

    /// <summary>Visible in the article region, but inside the story's text or other prose, not as a credit.</summary>
    Mention,

    /// <summary>Named as a contributor ("Jane Doe contributed to this report"), not in a byline.</summary>
    Contributor,

    /// <summary>Only part of a person's name (first or last name alone) in a credit.</summary>
    Partial,

    /// <summary>Visible, but outside the article region (site chrome, sidebars, comments, footers).</summary>
    Outside,

    /// <summary>Present in the markup but hidden from readers.</summary>
    Hidden,

    /// <summary>Only in metadata: meta tags, JSON-LD, attributes.</summary>
    Metadata,
}
