namespace Syndication.Pipeline;

/// <summary>The original a page republishes, as reports show it. <see cref="Match"/> is the share of its text found (0..1).</summary>
public sealed record OriginalInfo(string Title, string? Url, IReadOnlyList<string> Reporters, double Match);
