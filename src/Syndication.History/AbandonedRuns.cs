namespace Syndication.History;

/// <summary>Runs found unfinished when a writer opens the history: how many stopped before every page was checked, and which were checked but never reported.</summary>
public sealed record AbandonedRuns(int Incomplete, IReadOnlyList<long> Unreported);
