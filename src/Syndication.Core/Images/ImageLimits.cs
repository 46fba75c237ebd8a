namespace Syndication.Images;

/// <summary>What one image may cost before it is refused: bytes read, pixels declared, decoding and matching time.</summary>
public sealed record ImageLimits
{
    public static readonly ImageLimits Default = new();

    /// <summary>The most bytes read for one image (a logo is a few kilobytes; a large photo a few megabytes).</summary>
    public long MaxBytes { get; init; } = 3 * 1024 * 1024;

    /// <summary>The most pixels an image may declare in its header; more is refused before any pixel is decoded.</summary>
    public long MaxPixels { get; init; } = 25_000_000;

    /// <summary>The longest side an image may declare.</summary>
    public int MaxSide { get; init; } = 16_384;

    /// <summary>The longest side kept after decoding: comparisons need no more detail than this.</summary>
    public int WorkingSide { get; init; } = 640;

    /// <summary>The longest decoding and matching of one image may take.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(2);
}
