using SkiaSharp;
using Syndication.Images;
using static Syndication.Core.Tests.Images.TestImages;

namespace Syndication.Core.Tests.Images;

/// <summary>
/// The matcher on the partner's ways of re-hosting the logo (all must match) and on other pictures (none may): these
/// cases are also the calibration of the thresholds in <see cref="LogoMatcher"/>; each prints its measures.
/// </summary>
public class LogoMatcherTests
{
    private static readonly Lazy<IReadOnlyList<ReferenceLogo>> References = new(() =>
    [
        ReferenceLogo.From("dcnf-logo.png", Png(Logo()), ImageLimits.Default),
    ]);

    public static IEnumerable<TestCaseData> SameLogo()
    {
        yield return Case("PNG", () => Png(Logo()));
        yield return Case("JPEG quality 60", () => Encode(Logo(), SKEncodedImageFormat.Jpeg, 60));
        yield return Case("WebP", () => Encode(Logo(), SKEncodedImageFormat.Webp, 75));
        foreach (var scale in new[] { 0.5, 0.75, 1.5, 2.0 })
        {
            yield return Case($"resized to {scale:P0}", () => Png(Resized(Logo(), scale)));
        }

        yield return Case("JPEG at 50% and quality 60", () => Encode(Resized(Logo(), 0.5), SKEncodedImageFormat.Jpeg, 60));
        yield return Case("padded with white", () => Encode(Padded(Logo(), 60, SKColors.White), SKEncodedImageFormat.Jpeg, 80));
        yield return Case("padded, transparent", () => Png(Padded(Logo(), 40)));
        yield return Case("on a dark background", () => Png(Padded(Logo(), 30, new SKColor(0x12, 0x12, 0x12))));
        yield return Case("inside a 1200 x 300 banner", () => Encode(Banner(Logo()), SKEncodedImageFormat.Jpeg, 80));
        yield return Case("small inside a 1200 x 300 banner", () => Png(Banner(Logo(), logoHeight: 60)));
    }

    public static IEnumerable<TestCaseData> OtherPictures()
    {
        yield return Case("a look-alike: same emblem, colours and layout, other letters", () => Png(Logo("NEWS")));
        yield return Case("a look-alike: other letters, no emblem", () => Png(Logo("TDC", emblem: false)));
        yield return Case("a look-alike inside a banner", () => Png(Banner(Logo("HRLD"))));
        yield return Case("a photo", () => Encode(Photo(), SKEncodedImageFormat.Jpeg, 80));
        yield return Case("a banner without the logo", () => Png(Banner(Blank(400, 100, SKColors.Transparent))));
        yield return Case("a blank image", () => Png(Blank()));
        yield return Case("a blank image, transparent", () => Png(Blank(colour: SKColors.Transparent)));
    }

    [TestCaseSource(nameof(SameLogo))]
    public void The_licensors_logo_re_hosted_matches(Func<byte[]> bytes)
    {
        var match = Compare(bytes());
        Assert.That(match.Verdict, Is.EqualTo(PixelVerdict.Same), match.Describe());
        Assert.That(match.Reference, Is.EqualTo("dcnf-logo.png"));
    }

    [TestCaseSource(nameof(OtherPictures))]
    public void Another_picture_does_not_match(Func<byte[]> bytes)
    {
        var match = Compare(bytes());
        Assert.That(match.Verdict, Is.Not.EqualTo(PixelVerdict.Same), match.Describe());
    }

    private static PixelMatch Compare(byte[] bytes)
    {
        var match = LogoMatcher.Compare(ImageDecoder.Decode(bytes, ImageLimits.Default), References.Value, ImageLimits.Default);
        TestContext.Out.WriteLine(match.Describe());
        return match;
    }

    private static TestCaseData Case(string name, Func<byte[]> bytes) => new TestCaseData(bytes).SetArgDisplayNames(name);
}
