namespace Syndication.Verdicts;

/// <summary>The exact words the reports use for outcomes and verdicts (DESIGN.md).</summary>
public static class VerdictNames
{
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.Review => "review",
        Outcome.Fail => "fail",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static string Of(PageVerdict verdict) => verdict switch
    {
        PageVerdict.Compliant => "compliant",
        PageVerdict.NonCompliant => "non-compliant",
        PageVerdict.NeedsReview => "needs-review",
        PageVerdict.NotApplicable => "not-applicable",
        PageVerdict.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    public static PageVerdict ParseVerdict(string name) =>
        Enum.GetValues<PageVerdict>().FirstOrDefault(v => Of(v) == name) is var v && Of(v) == name
            ? v
            : throw new ArgumentException($"unknown verdict '{name}'; valid: {string.Join(", ", Enum.GetValues<PageVerdict>().Select(Of))}");

    public static Outcome ParseOutcome(string name) =>
        Enum.GetValues<Outcome>().FirstOrDefault(o => Of(o) == name) is var o && Of(o) == name
            ? o
            : throw new ArgumentException($"unknown outcome '{name}'; valid: pass, review, fail");
}
