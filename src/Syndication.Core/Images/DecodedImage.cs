namespace Syndication.Images;

/// <summary>
/// A decoded image in grey scale, its transparency flattened twice: on white (how most pages show it) and on black
/// (how a dark page shows it). For an opaque image both are the same image.
/// </summary>
public sealed record DecodedImage(string Format, int Width, int Height, GreyImage OnWhite, GreyImage OnBlack)
{
    /// <summary>Something worth saying about how it was decoded ("animated: its first frame"), or null.</summary>
    public string? Note { get; init; }

    public bool HasTransparency => !ReferenceEquals(OnWhite, OnBlack);

    public IEnumerable<GreyImage> Flattenings => HasTransparency ? [OnWhite, OnBlack] : [OnWhite];
}
