using Syndication.Checks;

namespace Syndication.Requirements.Logo;

/// <summary>The licensor's logo, seen with the article. How it is recognised is the profile's <c>logo:</c> section.</summary>
public sealed class LogoKind : IRequirementKind
{
    public string Id => "logo";

    public string Summary => "an image of the licensor's logo that a reader sees with the article (recognised as the profile's logo section says)";

    public IReadOnlyList<RequirementOption> Options { get; } = [];

    public IRequirementCheck Create(RequirementSettings settings) => new LogoCheck();
}
