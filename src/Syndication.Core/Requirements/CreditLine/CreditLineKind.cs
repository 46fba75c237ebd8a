using Syndication.Checks;
using Syndication.Profiles;

namespace Syndication.Requirements.CreditLine;

/// <summary>A line of text the licence requires with the story ("This story was originally published by CalMatters").</summary>
public sealed class CreditLineKind : IRequirementKind
{
    public string Id => "credit-line";

    public string Summary => "a line of text the licence requires, visible with the story, where the licence asks for it";

    public IReadOnlyList<RequirementOption> Options { get; } =
    [
        new("text", OptionType.Texts, "the line, one or more accepted wordings; {licensor} is any of the profile's names, {reporter} any reporter of the original, {title} the original's title") { Required = true },
        new("where", OptionType.Choices, "where it must stand: top (the article's header or first paragraph), end (the last paragraph or after it), anywhere (in the article)") { Choices = ArticlePlacement.Choices, Default = ArticlePlacement.Anywhere },
        new("misplaced", OptionType.Choice, "the outcome when the line is in the article but not where asked") { Choices = ["review", "fail"], Default = "review" },
    ];

    public IRequirementCheck Create(RequirementSettings settings)
    {
        var templates = settings.Options.Texts("text").Select(t => new CreditLineTemplate(t)).ToList();
        foreach (var template in templates)
        {
            if (template.UnknownPlaceholders.FirstOrDefault() is { } unknown)
            {
                throw new ProfileException($"text \"{template.Text}\": unknown placeholder {{{unknown}}}; valid: {string.Join(", ", CreditLineTemplate.Placeholders.Select(p => "{" + p + "}"))}");
            }
        }

        return new CreditLineCheck(settings.Id, templates, settings.Options.Choices("where"), settings.Options.Choice("misplaced") == "fail");
    }
}
