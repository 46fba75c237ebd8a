using Syndication.Checks;

namespace Syndication.Requirements.LinksKept;

/// <summary>The original's in-story links, still links on the page.</summary>
public sealed class LinksKeptKind : IRequirementKind
{
    public string Id => "links-kept";

    public string Summary => "the links in the original's story are still links in the republished article (which were dropped is reported)";

    public IReadOnlyList<RequirementOption> Options { get; } =
    [
        new("ignore", OptionType.Patterns, "regular expressions for links that need not be kept (a newsletter sign-up, a donation page), tested on the link's address"),
    ];

    public IRequirementCheck Create(RequirementSettings settings) => new LinksKeptCheck(settings.Id, settings.Options.Patterns("ignore"));
}
