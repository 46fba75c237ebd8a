namespace Syndication.Republish;

/// <summary>
/// What a republication is, by construction: the verdict the licence calls for, the requirements it must fail (none
/// for a compliant page) and those it must pass. A requirement in neither list is not judged (a page already
/// non-compliant for its byline need not be judged on an affiliation that has no byline to stand with).
/// </summary>
public sealed record Label(string Verdict, IReadOnlyList<string> Fails, IReadOnlyList<string> Passes, string What)
{
    public const string Compliant = "compliant";
    public const string NonCompliant = "non-compliant";

    private static readonly string[] All = ["logo", "byline", "affiliation"];

    public static Label Complies(string what) => new(Compliant, [], All, what);

    public static Label Breaks(string what, string[] fails, params string[] passes) => new(NonCompliant, fails, passes, what);
}
