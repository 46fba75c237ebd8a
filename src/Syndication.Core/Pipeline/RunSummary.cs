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

    /// <summary>The PNG of a screenshot by its SHA-256 (this run's store, or the history), for reports that show them; null: none at hand.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Func<string, byte[]?>? Screenshots { get; init; }

    /// <summary>What discovery did on each partner's and watched site, in list order; empty without discovery.</summary>
    public IReadOnlyList<SiteDiscovery> Discovery { get; init; } = [];

    /// <summary>Republications found on watched sites (no licence at all), checked tonight; new ones first found tonight.</summary>
    public IReadOnlyList<UnlicensedPage> Unlicensed { get; init; } = [];

    /// <summary>False when the run was stopped (Ctrl+C, budget) before every page was checked.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Verdict, partner and waiver of every page, in the order of <see cref="Pages"/>: what the counts and the exit code read.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<PageGist> Gists
    {
        get => _gists ??= Pages.Select(PageGist.Of).ToList();
        init => _gists = value;
    }

    private IReadOnlyList<PageGist>? _gists;

    /// <summary>The requirement ids the run's pages carry, in the order they first appear (the profile's order).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> RequirementIds
    {
        get
        {
            // Gists share their lists of ids (a run holds a handful): each list is read once, not once a page.
            var lists = new HashSet<IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
            var ids = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var gist in Gists)
            {
                if (lists.Add(gist.RequirementIds))
                {
                    ids.AddRange(gist.RequirementIds.Where(seen.Add));
                }
            }

            return ids;
        }
    }

    /// <summary>Builds a summary of pages held in memory, computing the counts in one pass over them.</summary>
    public static RunSummary Create(DateTimeOffset startedAt, DateTimeOffset finishedAt, IReadOnlyList<PageResult> pages, bool complete = true) =>
        Create(startedAt, finishedAt, pages, pages.Select(PageGist.Of).ToList(), complete);

    /// <summary>Builds a summary from the pages' gists, without reading the pages (which may be on disk).</summary>
    public static RunSummary Create(DateTimeOffset startedAt, DateTimeOffset finishedAt, IReadOnlyList<PageResult> pages, IReadOnlyList<PageGist> gists, bool complete = true)
    {
        var all = VerdictCounts.None;
        var byPartner = new Dictionary<string, VerdictCounts>(StringComparer.Ordinal);
        var partners = new List<string>();
        foreach (var gist in gists)
        {
            all = all.Plus(gist.Verdict);
            if (gist.Partner is { } partner)
            {
                if (!byPartner.TryGetValue(partner, out var counts))
                {
                    counts = VerdictCounts.None;
                    partners.Add(partner);
                }

                byPartner[partner] = counts.Plus(gist.Verdict);
            }
        }

        return new RunSummary
        {
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            Pages = pages,
            Gists = gists,
            Counts = all,
            Partners = partners.Select(p => new PartnerSummary(p, byPartner[p])).ToList(),
            Complete = complete,
        };
    }
}
