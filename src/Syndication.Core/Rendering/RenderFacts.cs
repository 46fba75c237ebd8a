namespace Syndication.Rendering;

/// <summary>How a page was rendered: why, what its browser asked for and was refused, and the screenshots kept.</summary>
public sealed record RenderFacts
{
    /// <summary>Why the page was rendered ("--render always", or what made auto render it).</summary>
    public required string Why { get; init; }

    public double ElapsedMs { get; init; }

    /// <summary>Requests the page's browser made, its own document excepted.</summary>
    public int Requests { get; init; }

    public long Bytes { get; init; }

    /// <summary>Requests refused or failed, one line each (the first 20), and how many in all.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    public int RefusedCount { get; init; }

    /// <summary>Elements in the rendered page, and how many the browser saw hidden.</summary>
    public int Elements { get; init; }

    public int Hidden { get; init; }

    public IReadOnlyList<Screenshot> Screenshots { get; init; } = [];

    /// <summary>Why a page that should have screenshots has none (the browser failed to take them), or null.</summary>
    public string? ScreenshotProblem { get; init; }
}
