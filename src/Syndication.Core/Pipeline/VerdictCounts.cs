using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>How many pages got each verdict.</summary>
public sealed record VerdictCounts(int Pages, int Compliant, int NonCompliant, int NeedsReview, int NotApplicable, int Errors)
{
    public static VerdictCounts Of(IEnumerable<PageResult> pages) => Of(pages.Select(p => p.Verdict));

    public static VerdictCounts Of(IEnumerable<PageVerdict> verdicts)
    {
        int total = 0, compliant = 0, nonCompliant = 0, review = 0, notApplicable = 0, errors = 0;
        foreach (var verdict in verdicts)
        {
            total++;
            switch (verdict)
            {
                case PageVerdict.Compliant: compliant++; break;
                case PageVerdict.NonCompliant: nonCompliant++; break;
                case PageVerdict.NeedsReview: review++; break;
                case PageVerdict.NotApplicable: notApplicable++; break;
                case PageVerdict.Error: errors++; break;
            }
        }

        return new VerdictCounts(total, compliant, nonCompliant, review, notApplicable, errors);
    }

    public int Count(PageVerdict verdict) => verdict switch
    {
        PageVerdict.Compliant => Compliant,
        PageVerdict.NonCompliant => NonCompliant,
        PageVerdict.NeedsReview => NeedsReview,
        PageVerdict.NotApplicable => NotApplicable,
        _ => Errors,
    };
}
