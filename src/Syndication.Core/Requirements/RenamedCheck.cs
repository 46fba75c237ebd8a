using Syndication.Checks;
using Syndication.Resources;
using Syndication.Verdicts;

namespace Syndication.Requirements;

/// <summary>A check whose outcomes carry the id the profile gave (a kind listed twice), not its kind's id.</summary>
internal sealed class RenamedCheck(IRequirementCheck inner, string id) : IRequirementCheck, IAsksForResources
{
    public string Id => id;

    public IReadOnlyList<ResourceRequest> Needs(CheckContext context) => inner is IAsksForResources asks ? asks.Needs(context) : [];

    public RequirementOutcome Evaluate(CheckContext context) => inner.Evaluate(context) with { Id = id };
}
