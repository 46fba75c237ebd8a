using Syndication.Checks;

namespace Syndication.Requirements.Pixel;

/// <summary>The licensor's tracking pixel (or counting script) in the page as served, where it loads.</summary>
public sealed class PixelKind : IRequirementKind
{
    public string Id => "pixel";

    public string Summary => "the licensor's tracking pixel (an image, or a script the profile names) in the page as served, loaded: not stripped, commented out, escaped into text or left to a lazy loader";

    public IReadOnlyList<RequirementOption> Options { get; } =
    [
        new("src", OptionType.Patterns, "regular expressions for the pixel image's URL (an <img> whose src matches)"),
        new("script", OptionType.Patterns, "regular expressions for a counting script: its src, or the text of an inline script"),
        new("storyId", OptionType.Patterns, "a regular expression with one group that takes the story's id from the original's URL or id; the pixel's URL must carry it (a pixel copied from another story counts that story)"),
    ];

    public IRequirementCheck Create(RequirementSettings settings)
    {
        var images = settings.Options.Patterns("src");
        var scripts = settings.Options.Patterns("script");
        if (images.Count == 0 && scripts.Count == 0)
        {
            throw new Profiles.ProfileException("pixel needs 'src' (the pixel image's URL pattern) or 'script' (the counting script's)");
        }

        return new PixelCheck(settings.Id, images, scripts, settings.Options.Patterns("storyId"));
    }
}
