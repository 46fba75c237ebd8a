using System.Globalization;

namespace Syndication.Images;

/// <summary>How alike an image is to the licensor's logo: decided from the correlation and the perceptual-hash distance.</summary>
public enum PixelVerdict
{
    /// <summary>Another picture.</summary>
    Different,

    /// <summary>Close, but not close enough to be sure: a person should look.</summary>
    Similar,

    /// <summary>The licensor's logo.</summary>
    Same,
}

/// <summary>The best comparison of one image with the reference logos: which reference, how, and how close.</summary>
public sealed record PixelMatch(PixelVerdict Verdict, string Reference, Correlation.Score Score, int HashDistance, string Where)
{
    /// <summary>"the whole image matches the reference logo dcnf.png (correlation 0.97, worst part 0.91, hash distance 3 of 63)".</summary>
    public string Describe()
    {
        var how = Verdict switch
        {
            PixelVerdict.Same => "matches",
            PixelVerdict.Similar => "resembles but does not clearly match",
            _ => "does not match",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Where} {how} the reference logo {Reference} (correlation {Score.Whole:0.00}, worst part {Score.WorstTile:0.00}, hash distance {HashDistance} of {PerceptualHash.Bits})");
    }
}
