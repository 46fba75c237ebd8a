namespace Syndication.Checks;

/// <summary>The ids of the DCNF licence's three requirement kinds (every kind is listed in <see cref="Requirements.RequirementCatalogue"/>).</summary>
public static class RequirementIds
{
    public const string Logo = "logo";
    public const string Byline = "byline";
    public const string Affiliation = "affiliation";
}
