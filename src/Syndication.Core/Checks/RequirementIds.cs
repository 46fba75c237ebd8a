namespace Syndication.Checks;

/// <summary>The requirement ids that appear in every report.</summary>
public static class RequirementIds
{
    public const string Logo = "logo";
    public const string Byline = "byline";
    public const string Affiliation = "affiliation";

    public static IReadOnlyList<string> All { get; } = [Logo, Byline, Affiliation];
}
