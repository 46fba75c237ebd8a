using System.Collections.Concurrent;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// What the totals, the exit code and the reports' triage order need to know of a page, without the page: a spooled
/// run keeps one per page in memory, so counting, deciding the exit code and ordering never read results back from disk.
/// </summary>
/// <param name="Change">Since the last complete run (<see cref="Changes"/>); null without history.</param>
/// <param name="ElapsedMs">How long the page's fetch took (JUnit's suite times are their cases' sum); 0 when nothing was fetched.</param>
/// <param name="Discovered">Found by discovery rather than listed by hand.</param>
public readonly record struct PageGist(PageVerdict Verdict, string? Partner, bool Waived, string? Change = null, double ElapsedMs = 0, bool Discovered = false)
{
    /// <summary>The same lists of requirement ids, shared: a run of 100,000 pages holds a handful of lists, not 100,000.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> SharedIds = new(StringComparer.Ordinal);

    /// <summary>The ids of the page's requirements, in the profile's order (the reports' filters list them).</summary>
    public IReadOnlyList<string> RequirementIds { get; init; } = [];

    public static PageGist Of(PageResult page) => new(page.Verdict, page.Partner, page.Waived, page.Change, page.Fetch?.ElapsedMs ?? 0, page.Found is not null)
    {
        RequirementIds = page.Requirements.Count == 0
            ? []
            : SharedIds.GetOrAdd(string.Join('\n', page.Requirements.Select(r => r.Id)), key => key.Split('\n')),
    };
}
