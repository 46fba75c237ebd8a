using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>How many pages got each verdict.</summary>
public sealed record VerdictCounts(int Pages, int Compliant, int NonCompliant, int NeedsReview, int NotApplicable, int Errors)
{
    public static VerdictCounts Of(IEnumerable<PageResult> pages) => Of(pages.Select(p => p.Verdict));

    public static VerdictCounts Of(IEnumerable<PageVerdict> verdicts) => verdicts.Aggregate(None, (counts, verdict) => counts.Plus(verdict));

    public static readonly VerdictCounts None = new(0, 0, 0, 0, 0, 0);

    /// <summary>These counts with one more page of the verdict.</summary>
    public VerdictCounts Plus(PageVerdict verdict) => verdict switch
    {
        PageVerdict.Compliant => this with { Pages = Pages + 1, Compliant = Compliant + 1 },
        PageVerdict.NonCompliant => this with { Pages = Pages + 1, NonCompliant = NonCompliant + 1 },
        PageVerdict.NeedsReview => this with { Pages = Pages + 1, NeedsReview = NeedsReview + 1 },
        PageVerdict.NotApplicable => this with { Pages = Pages + 1, NotApplicable = NotApplicable + 1 },
        _ => this with { Pages = Pages + 1, Errors = Errors + 1 },
    };

    public int Count(PageVerdict verdict) => verdict switch
    {
        PageVerdict.Compliant => Compliant,
        PageVerdict.NonCompliant => NonCompliant,
        PageVerdict.NeedsReview => NeedsReview,
        PageVerdict.NotApplicable => NotApplicable,
        _ => Errors,
    };
}
