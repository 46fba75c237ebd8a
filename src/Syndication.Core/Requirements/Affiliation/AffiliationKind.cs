using Syndication.Checks;

namespace Syndication.Requirements.Affiliation;

/// <summary>The licensor's name standing as the reporter's affiliation.</summary>
public sealed class AffiliationKind : IRequirementKind
{
    public string Id => "affiliation";

    public string Summary => "the licensor's name (the profile's names) presented as the reporter's affiliation, in or beside the byline";

    public IReadOnlyList<RequirementOption> Options { get; } = [];

    public IRequirementCheck Create(RequirementSettings settings) => new AffiliationCheck();
}
