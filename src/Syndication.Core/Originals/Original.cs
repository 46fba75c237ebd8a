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

    public DateTimeOffset? Published { get; init; }

    /// <summary>Where it was read from (feed path or URL, page path or URL, or "--reporter").</summary>
    public required string Source { get; init; }
}
