using Syndication.Checks;

namespace Syndication.Requirements.Photos;

/// <summary>The original's photos, reused only as the licence allows: not at all, or only with their own story.</summary>
public sealed class PhotosKind : IRequirementKind
{
    public const string None = "none";
    public const string WithStory = "with-story";

    public string Id => "photos";

    public string Summary => "the original's photos are not reused where the licence excludes them (found by address, by file name, or by a caption that credits the licensor)";

    public IReadOnlyList<RequirementOption> Options { get; } =
    [
        new("allow", OptionType.Choice, "none: the licence does not cover the photos, none may be reused; with-story: the original's own photos may go with its republication, not the licensor's other photos") { Choices = [None, WithStory], Default = None },
    ];

    public IRequirementCheck Create(RequirementSettings settings) => new PhotosCheck(settings.Id, settings.Options.Choice("allow") == WithStory);
}
