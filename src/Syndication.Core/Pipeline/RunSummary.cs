namespace Syndication.Pipeline;

/// <summary>
/// One run: when, which pages, with what verdicts. Every reporter reads this, so no two formats disagree. The pages
/// may live on disk (a spooled audit of thousands): reporters read them in order, once, and keep none of them.
/// </summary>
public sealed record RunSummary
{
    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Every page, in the order they were given (grouped by partner for an audit).</summary>
    public required IReadOnlyList<PageResult> Pages { get; init; }

    /// <summary>Counts over all pages.</summary>
    public required VerdictCounts Counts { get; init; }

    /// <summary>Per-partner counts, in the order partners first appear. Pages without a partner are not counted here.</summary>
    public required IReadOnlyList<PartnerSummary> Partners { get; init; }

    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>The history run id, when the run is recorded.</summary>
    public string? RunId { get; init; }

    /// <summary>The on-disk store of the pages, when they are spooled; disposed with the run.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IDisposable? Spool { get; init; }

    /// <summary>False when the run was stopped (Ctrl+C, budget) before every page was checked.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Builds a summary, computing the counts in one pass over the pages.</summary>
    public static RunSummary Create(DateTimeOffset startedAt, DateTimeOffset finishedAt, IReadOnlyList<PageResult> pages, bool complete = true)
    {
        var partners = new List<string>();
        var byPartner = new Dictionary<string, List<Verdicts.PageVerdict>>(StringComparer.Ordinal);
        var all = new List<Verdicts.PageVerdict>(pages.Count);
        foreach (var page in pages)
        {
            all.Add(page.Verdict);
            if (page.Partner is { } partner)
            {
                if (!byPartner.TryGetValue(partner, out var list))
                {
                    byPartner[partner] = list = [];
                    partners.Add(partner);
                }

                list.Add(page.Verdict);
            }
        }

        return new RunSummary
        {
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Pages = pages,
            Counts = VerdictCounts.Of(all),
            Partners = partners.Select(p => new PartnerSummary(p, VerdictCounts.Of(byPartner[p]))).ToList(),
            Complete = complete,
        };
    }
}
