namespace Syndication.Images;

/// <summary>
/// One reference image of the licensor's logo, prepared for comparison: each flattening (on white, on black) with its
/// uniform border trimmed, and its perceptual hash.
/// </summary>
public sealed class ReferenceLogo
{
    private ReferenceLogo(string name, IReadOnlyList<Variant> variants)
    {
        Name = name;
        Variants = variants;
    }

    /// <summary>The reference as the profile lists it (a path or a URL).</summary>
    public string Name { get; }

    public IReadOnlyList<Variant> Variants { get; }

    public sealed record Variant(string Background, GreyImage Content, ulong Hash);

    public static ReferenceLogo From(string name, DecodedImage image)
    {
        var variants = new List<Variant>();
        foreach (var (background, flat) in new[] { ("white", image.OnWhite), ("black", image.OnBlack) }.DistinctBy(v => v.Item2))
        {
            if (flat.Trim()?.FitWithin(512) is { } content && content.Contrast() >= LogoMatcher.BlankContrast)
            {
                variants.Add(new Variant(background, content, PerceptualHash.Of(content)));
            }
        }

        return variants.Count == 0
            ? throw new ImageException("the reference image is blank: nothing but one colour")
            : new ReferenceLogo(name, variants);
    }

    public static ReferenceLogo From(string name, ReadOnlySpan<byte> bytes, ImageLimits limits) =>
        From(name, ImageDecoder.Decode(bytes, limits));
}
