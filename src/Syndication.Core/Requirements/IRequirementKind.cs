using Syndication.Checks;

namespace Syndication.Requirements;

/// <summary>
/// One clause a licence can ask for (a logo, a credit line, the tracking pixel...): its id, what it asks, the options
/// a profile may set, and how it makes the check for one profile's settings. A kind is a folder under
/// <c>Requirements/</c> with one entry in <see cref="RequirementCatalogue"/>.
/// </summary>
public interface IRequirementKind
{
    /// <summary>The id a profile lists and reports show ("logo", "credit-line").</summary>
    string Id { get; }

    /// <summary>What the requirement asks, in one sentence (listed by <c>syndication requirements</c>).</summary>
    string Summary { get; }

    IReadOnlyList<RequirementOption> Options { get; }

    /// <summary>The check for one requirement of a profile; options were validated against <see cref="Options"/>.</summary>
    IRequirementCheck Create(RequirementSettings settings);
}
