namespace Syndication.Pipeline;

/// <summary>One run: when, which pages, with what verdicts. Every reporter reads this, so no two formats disagree.</summary>
public sealed record RunSummary
{
    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required IReadOnlyList<PageResult> Pages { get; init; }

    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>False when the run was stopped (Ctrl+C, budget) before every page was checked.</summary>
    public bool Complete { get; init; } = true;

    public VerdictCounts Counts => VerdictCounts.Of(Pages);
}
