namespace Syndication.History;

/// <summary>A screenshot kept for a rendered page: which run and page, what it shows and outlines, and its PNG bytes.</summary>
public sealed record ScreenshotRecord(
    long RunId, string Url, string? Partner, string Name, string Sha256, int Width, int Height, IReadOnlyList<string> Outlined, DateTimeOffset TakenAt, byte[] Png);
