using System.Text.RegularExpressions;
using Syndication.Checks;
using Syndication.Requirements;
using Syndication.Text;

namespace Syndication.Profiles;

/// <summary>
/// One licensor's requirements as data: its names, the names that must not count for it, how its logo is
/// recognised, its licensing boilerplate, and the requirements it lists (kinds from <see cref="RequirementCatalogue"/>,
/// each with its options).
/// </summary>
public sealed class LicenceProfile
{
    public LicenceProfile(
        string id,
        string licensor,
        IReadOnlyList<string> names,
        IReadOnlyList<string> notNames,
        IReadOnlyList<RequirementSettings> requirements,
        LogoRecognition logo,
        IReadOnlyList<Regex> boilerplate,
        LicensorSite? site = null)
    {
        Id = id;
        Licensor = licensor;
        // Longest first (stable), so a longer name claims its words before a shorter one inside it.
        Names = names.Select(n => new PersonName(n)).OrderByDescending(n => n.Words.Count).ToList();
        NotNames = notNames.Select(n => new PersonName(n)).OrderByDescending(n => n.Words.Count).ToList();
        Requirements = requirements;
        Checks = requirements.Select(Check).ToList();
        Logo = logo;
        Boilerplate = boilerplate;
        Site = site;
    }

    public string Id { get; }

    public string Licensor { get; }

    /// <summary>Names that credit the licensor, longest first (as words; matched like person names).</summary>
    public IReadOnlyList<PersonName> Names { get; }

    /// <summary>Names of other organisations that must not count for the licensor, longest first.</summary>
    public IReadOnlyList<PersonName> NotNames { get; }

    /// <summary>The requirements in the profile's order: their ids are the ids reports carry.</summary>
    public IReadOnlyList<RequirementSettings> Requirements { get; }

    public IEnumerable<string> RequirementIds => Requirements.Select(r => r.Id);

    /// <summary>One check per requirement, made once when the profile loads (checks keep no state between pages).</summary>
    public IReadOnlyList<IRequirementCheck> Checks { get; }

    public LogoRecognition Logo { get; }

    public IReadOnlyList<Regex> Boilerplate { get; }

    /// <summary>Where the licensor publishes its originals (for <c>originals sync</c>), or null when the profile does not say.</summary>
    public LicensorSite? Site { get; }

    /// <summary>The licence's own words, quoted in case files (<c>licence:</c>); null when the profile does not give them.</summary>
    public string? LicenceText { get; init; }

    public bool IsBoilerplate(string text)
    {
        if (Boilerplate.Count == 0)
        {
            return false;
        }

        var folded = TextFolding.Fold(text);
        return Boilerplate.Any(r => r.IsMatch(folded));
    }

    private static IRequirementCheck Check(RequirementSettings requirement)
    {
        var check = requirement.Kind.Create(requirement);
        return check.Id == requirement.Id ? check : new RenamedCheck(check, requirement.Id);
    }
}
