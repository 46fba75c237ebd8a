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
    /// <summary>The same lists of requirement ids and outcomes, shared: a run of 100,000 pages holds a handful of lists, not 100,000.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> SharedIds = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Outcome>> SharedOutcomes = new(StringComparer.Ordinal);

    /// <summary>The ids of the page's requirements, in the profile's order (the reports' filters list them).</summary>
    public IReadOnlyList<string> RequirementIds { get; init; } = [];

    /// <summary>Each requirement's outcome, in the order of <see cref="RequirementIds"/> (the HTML report's filters read them).</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    public static PageGist Of(PageResult page) => new(page.Verdict, page.Partner, page.Waived, page.Change, page.Fetch?.ElapsedMs ?? 0, page.Found is not null)
    {
        RequirementIds = Ids(page.Requirements.Select(r => r.Id)),
        Outcomes = Shared(page.Requirements.Select(r => r.Status)),
    };

    /// <summary>The shared list of these requirement ids.</summary>
    public static IReadOnlyList<string> Ids(IEnumerable<string> ids)
    {
        var key = string.Join('\n', ids);
        return key.Length == 0 ? [] : SharedIds.GetOrAdd(key, k => k.Split('\n'));
    }

    /// <summary>The shared list of these outcomes.</summary>
    public static IReadOnlyList<Outcome> Shared(IEnumerable<Outcome> outcomes)
    {
        var key = string.Concat(outcomes.Select(o => (char)('0' + (int)o)));
        return key.Length == 0 ? [] : SharedOutcomes.GetOrAdd(key, k => [.. k.Select(c => (Outcome)(c - '0'))]);
    }
}
