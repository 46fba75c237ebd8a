using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// The order a person works through a night's pages in: new violations first, then persisting ones, then the rest
/// from most to least in need of a look (other violations, needs review, could not check, waived, fixed, compliant,
/// not applicable). Within a rank the partner list's order is kept. Read from the gists, so a spooled run of any size
/// is ordered without reading a page.
/// </summary>
public static class Triage
{
    /// <summary>The ranks' names, in order: the HTML report's data-triage values.</summary>
    public static IReadOnlyList<string> Ranks { get; } =
        ["new-violation", "persisting-violation", "violation", "needs-review", "error", "waived", "fixed", "compliant", "not-applicable"];

    public static int Rank(PageGist page) => page switch
    {
        { Verdict: PageVerdict.NonCompliant, Waived: false, Change: Changes.New } => 0,
        { Verdict: PageVerdict.NonCompliant, Waived: false, Change: Changes.Persisting } => 1,
        { Verdict: PageVerdict.NonCompliant, Waived: false } => 2,
        { Verdict: PageVerdict.NeedsReview } => 3,
        { Verdict: PageVerdict.Error } => 4,
        { Verdict: PageVerdict.NonCompliant } => 5,
        { Change: Changes.Fixed } => 6,
        { Verdict: PageVerdict.Compliant } => 7,
        _ => 8,
    };

    /// <summary>
    /// Whether a page belongs in a list of what needs a person's attention: anything but compliant, and not applicable
    /// only for a page listed by hand (the list or the catalogue is out of date); a page discovery found that republishes
    /// no original, or one checked without a partner, is not news.
    /// </summary>
    public static bool NeedsAttention(PageGist page) =>
        page.Verdict is not PageVerdict.Compliant && (page.Verdict is not PageVerdict.NotApplicable || (page.Partner is not null && !page.Discovered));

    /// <summary>The pages' indexes in <see cref="RunSummary.Pages"/>, in triage order (a stable sort: list order within a rank).</summary>
    public static int[] Order(RunSummary summary)
    {
        var gists = summary.Gists;
        var order = new int[gists.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var ranks = gists.Select(Rank).ToArray();
        // Array.Sort is not stable; the index breaks ties, so the list's order is kept within a rank.
        Array.Sort(order, (a, b) => ranks[a] != ranks[b] ? ranks[a].CompareTo(ranks[b]) : a.CompareTo(b));
        return order;
    }
}
