using Syndication.Checks;

namespace Syndication.Requirements.Byline;

/// <summary>Each reporter of the original credited by name in visible text with the article.</summary>
public sealed class BylineKind : IRequirementKind
{
    public string Id => "byline";

    public string Summary => "each reporter of the original named as visible text that credits the article (byline, credit line, author box)";

    public IReadOnlyList<RequirementOption> Options { get; } = [];

    public IRequirementCheck Create(RequirementSettings settings) => new BylineCheck();
}
