namespace Syndication.Reporting.Tests.Support;

/// <summary>Counts read back from one report, to check that every format tells the same story.</summary>
public sealed record ReadCounts(int Pages, int Compliant, int NonCompliant, int NeedsReview, int NotApplicable, int Errors)
{
    public static ReadCounts Of(Pipeline.VerdictCounts c) => new(c.Pages, c.Compliant, c.NonCompliant, c.NeedsReview, c.NotApplicable, c.Errors);

    public static ReadCounts FromVerdicts(IEnumerable<string> verdicts)
    {
        var list = verdicts.ToList();
        int Count(string v) => list.Count(x => x == v);
        return new ReadCounts(list.Count, Count("compliant"), Count("non-compliant"), Count("needs-review"), Count("not-applicable"), Count("error"));
    }
}
