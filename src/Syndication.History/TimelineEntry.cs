namespace Syndication.History;

/// <summary>A page in one run, for a timeline: when, what verdict, what changed, which requirements failed.</summary>
public sealed record TimelineEntry(long RunId, DateTimeOffset RunStarted, string RunStatus, string Url, string? Partner, string Verdict, string? Change, DateTimeOffset? Since, string? ErrorKind, IReadOnlyList<string> Failed);
