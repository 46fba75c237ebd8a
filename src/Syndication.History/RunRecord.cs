using Syndication.Pipeline;

namespace Syndication.History;

/// <summary>One run as the history keeps it.</summary>
public sealed record RunRecord(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string? Source, string? Shard, VerdictCounts Counts);
