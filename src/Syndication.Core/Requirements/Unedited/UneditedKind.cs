using Syndication.Checks;

namespace Syndication.Requirements.Unedited;

/// <summary>The story as the licensor wrote it: edits of time, place and style only.</summary>
public sealed class UneditedKind : IRequirementKind
{
    public string Id => "unedited";

    public string Summary => "the republished text against the original, with a readable diff: time and place references, style, spelling, an editor's note and dropped captions are allowed; cut or added sentences, changed quotes and changed numbers are not";

    public IReadOnlyList<RequirementOption> Options { get; } =
    [
        new("headline", OptionType.Choice, "free: the headline may be rewritten (listed); style: the headline too may change only in style") { Choices = ["free", "style"], Default = "free" },
        new("withNote", OptionType.Flag, "true: added sentences and reworded ones are allowed when a note such as \"Additional reporting by ...\" says so (cuts, quotes and numbers still may not change)") { Default = "false" },
    ];

    public IRequirementCheck Create(RequirementSettings settings) =>
        new UneditedCheck(settings.Id, settings.Options.Choice("headline") == "style", settings.Options.Flag("withNote"));
}
