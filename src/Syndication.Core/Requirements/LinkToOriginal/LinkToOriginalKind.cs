using Syndication.Checks;

namespace Syndication.Requirements.LinkToOriginal;

/// <summary>A visible link to the original (or the licensor's site), and/or the original named as the page's canonical URL.</summary>
public sealed class LinkToOriginalKind : IRequirementKind
{
    public string Id => "link-to-original";

    public string Summary => "a visible link to the original's URL (or the licensor's site), or <link rel=\"canonical\"> naming the original, as the profile accepts";

    public IReadOnlyList<RequirementOption> Options { get; } =
    [
        new("to", OptionType.Choice, "what the link must reach: original (the original's URL) or site (any page of the licensor's site, its home page included)") { Choices = ["original", "site"], Default = "original" },
        new("accept", OptionType.Choices, "what satisfies the clause: link (a visible link in the article) and/or canonical (<link rel=\"canonical\"> naming the original)") { Choices = ["link", "canonical"], Default = "link" },
        new("where", OptionType.Choices, "where the link must stand: top, end or anywhere in the article") { Choices = ArticlePlacement.Choices, Default = ArticlePlacement.Anywhere },
        new("hosts", OptionType.Texts, "the licensor's site hosts (default: the host of the profile's site.url and of the original's URL)"),
    ];

    public IRequirementCheck Create(RequirementSettings settings) => new LinkToOriginalCheck(
        settings.Id,
        settings.Options.Choice("to") == "site",
        settings.Options.Choices("accept"),
        settings.Options.Choices("where"),
        settings.Options.Texts("hosts").Select(h => h.Trim().ToLowerInvariant().Replace("www.", string.Empty, StringComparison.Ordinal)).ToList());
}
