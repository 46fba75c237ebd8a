namespace Syndication.Verdicts;

/// <summary>The answer for one page.</summary>
public enum PageVerdict
{
    Compliant,
    NonCompliant,
    NeedsReview,
    NotApplicable,
    Error,
}
