namespace Syndication.Verdicts;

/// <summary>The page verdict is the worst requirement outcome.</summary>
public static class VerdictRules
{
    public static PageVerdict FromOutcomes(IEnumerable<RequirementOutcome> outcomes)
    {
        var worst = Outcome.Pass;
        foreach (var outcome in outcomes)
        {
            if (outcome.Status > worst)
            {
                worst = outcome.Status;
            }
        }

        return worst switch
        {
            Outcome.Fail => PageVerdict.NonCompliant,
            Outcome.Review => PageVerdict.NeedsReview,
            _ => PageVerdict.Compliant,
        };
    }
}
