namespace Syndication.Originals;

/// <summary>An article published by the licensor: what a partner page may republish.</summary>
public sealed record Original
{
    public required string Title { get; init; }

    public string? Url { get; init; }

    /// <summary>The reporters credited on the original, in order. Empty when unknown.</summary>
    public IReadOnlyList<string> Reporters { get; init; } = [];

    /// <summary>The body as paragraphs of plain text.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>
    /// The links in the story (their target and words), in order; null when its source gives no markup (named with
    /// --reporter, or kept by an older catalogue): the checks that need them answer review.
    /// </summary>
    public IReadOnlyList<StoryLink>? Links { get; init; }

    /// <summary>The story's pictures (their addresses as written, tracking pixels left out); null when unknown.</summary>
    public IReadOnlyList<string>? Images { get; init; }

    /// <summary>The text of the story's picture captions: a republication may drop them with the pictures.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];

    /// <summary>When the licensor published it, when known.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>When the licensor last changed it, when its source says (a feed's updated, the REST API's modified, a sitemap's lastmod).</summary>
    public DateTimeOffset? Modified { get; init; }

    /// <summary>The licensor's own id for it, when its source gives one (a WordPress post id, a feed item's guid).</summary>
    public string? LicensorId { get; init; }

    /// <summary>Where it was read from (feed path or URL, page path or URL, the REST API, or "--reporter").</summary>
    public required string Source { get; init; }

    /// <summary>When it was read from <see cref="Source"/>; null when not recorded.</summary>
    public DateTimeOffset? ReadAt { get; init; }
}
