using System.Diagnostics;
using System.Globalization;

namespace Syndication.Images;

/// <summary>
/// Compares an image with the reference logos. Both are grey-scaled, flattened on white and on black, and trimmed of
/// uniform borders, so re-encoding, resizing, padding and a dark background do not matter. Two methods: the whole
/// trimmed image against each reference (when their shapes agree), and a search for the reference inside the image
/// (a logo placed in a larger banner). Each is measured by correlation (as a whole and tile by tile) and by
/// perceptual-hash distance; the thresholds in <see cref="Judge"/> were calibrated on the tests' re-hosted logos,
/// look-alikes, photos and blanks (LogoMatcherTests prints every case's measures).
/// </summary>
public static class LogoMatcher
{
    /// <summary>Below this contrast (standard deviation of the luminance) an image is blank.</summary>
    public const double BlankContrast = 0.02;

    /// <summary>A logo's shape may differ by this factor (aspect ratio) and still be compared whole.</summary>
    private const double AspectTolerance = 1.25;

    public static PixelMatch Compare(DecodedImage image, IReadOnlyList<ReferenceLogo> references, ImageLimits limits)
    {
        if (references.Count == 0)
        {
            throw new ArgumentException("no reference logos to compare with", nameof(references));
        }

        var clock = Stopwatch.StartNew();
        var flattenings = new List<(string Background, GreyImage Content)>();
        foreach (var (background, flat) in new[] { ("white", image.OnWhite), ("black", image.OnBlack) }.DistinctBy(f => f.Item2))
        {
            if (flat.Trim() is { } content && content.Contrast() >= BlankContrast)
            {
                flattenings.Add((background, content.FitWithin(limits.WorkingSide)));
            }
        }

        if (flattenings.Count == 0)
        {
            return new PixelMatch(PixelVerdict.Different, references[0].Name, new Correlation.Score(0, 0), PerceptualHash.Bits, "the image is blank (one colour) and");
        }

        // A transparent image is compared on the background the reference was flattened on; an opaque one with both.
        var pairs = (from reference in references
                     from variant in reference.Variants
                     from flat in flattenings
                     where !image.HasTransparency || flat.Background == variant.Background
                     select (Reference: reference, Variant: variant, flat.Content)).ToList();
        PixelMatch? best = null;
        var unlike = new List<(string Name, ReferenceLogo.Variant Variant, GreyImage Content)>();
        foreach (var (reference, variant, content) in pairs)
        {
            var name = reference.Name;
            var whole = Whole(content, variant, name);
            best = Better(best, whole);
            if (best.Verdict == PixelVerdict.Same)
            {
                return best;
            }

            // An opaque image is searched with the reference flattened on the background nearest its own.
            if (whole.Verdict == PixelVerdict.Different && (image.HasTransparency || variant.Background == (image.OnWhite.Corners() >= 0.5 ? "white" : "black") || reference.Variants.Count == 1))
            {
                unlike.Add((name, variant, content));
            }
        }

        // Not like the logo as a whole: it may hold the logo beside other content (a banner).
        foreach (var (name, variant, content) in unlike)
        {
            ImageDecoder.Check(clock, limits, "comparing");
            if (TemplateSearch.Search(content, variant.Content, clock, limits) is { } found)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"a part of the image ({found.HeightShare:P0} of its height)");
                best = Better(best, Judge(Correlation.Of(found.Window, variant.Content), PerceptualHash.Distance(PerceptualHash.Of(found.Window), variant.Hash), name, where));
                if (best.Verdict == PixelVerdict.Same)
                {
                    return best;
                }
            }
        }

        return best!;
    }

    private static PixelMatch Whole(GreyImage content, ReferenceLogo.Variant variant, string name)
    {
        var distance = PerceptualHash.Distance(PerceptualHash.Of(content), variant.Hash);
        return !SameShape(content, variant.Content)
            ? new PixelMatch(PixelVerdict.Different, name, new Correlation.Score(0, 0), distance, "the whole image (of another shape)")
            : Judge(Correlation.Of(content, variant.Content), distance, name, "the whole image");
    }

    private static bool SameShape(GreyImage a, GreyImage b)
    {
        var ratio = a.Aspect / b.Aspect;
        return ratio <= AspectTolerance && ratio >= 1 / AspectTolerance;
    }

    /// <summary>
    /// The calibrated decision. The same logo: the whole correlates at 0.85 or more, no part below 0.55, the hash
    /// within 20 bits (re-hosted logos measured at least 0.91, 0.70 and at most 14 bits; look-alikes, photos and other
    /// banners at most 0.40 in their worst part). Close as a whole but not in every part: a person should look.
    /// </summary>
    private static PixelMatch Judge(Correlation.Score score, int distance, string name, string where)
    {
        var verdict = score is { Whole: >= 0.85, WorstTile: >= 0.55 } && distance <= 20 ? PixelVerdict.Same
            : score.Whole >= 0.7 && distance <= 24 ? PixelVerdict.Similar
            : PixelVerdict.Different;
        return new PixelMatch(verdict, name, score, distance, where);
    }

    private static PixelMatch Better(PixelMatch? current, PixelMatch next) =>
        current is null || next.Verdict > current.Verdict || (next.Verdict == current.Verdict && next.Score.Whole > current.Score.Whole) ? next : current;
}
