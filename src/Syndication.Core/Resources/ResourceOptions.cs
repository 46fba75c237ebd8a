using Syndication.Images;

namespace Syndication.Resources;

/// <summary>What the runner fetches for a page's checks, and how much it may cost.</summary>
public sealed record ResourceOptions
{
    public static readonly ResourceOptions Default = new();

    /// <summary>False: no image is fetched and logos are judged by their markup alone (<c>--no-images</c>).</summary>
    public bool Images { get; init; } = true;

    /// <summary>The most images fetched for one page; the checks ask most likely first.</summary>
    public int MaxImagesPerPage { get; init; } = 4;

    /// <summary>The deadline of one image: every attempt, redirect and its body.</summary>
    public TimeSpan ImageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public ImageLimits ImageLimits { get; init; } = ImageLimits.Default;
}
