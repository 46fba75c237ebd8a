using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Images;
using Syndication.Resources;
using Syndication.Verdicts;

namespace Syndication.Requirements.Logo;

/// <summary>What the pixels of one fetched image say: the comparison with the reference logos, or why there is none.</summary>
public sealed record LogoPixels(IElement Element, string Source, PixelMatch? Match, string? Problem)
{
    public bool IsLogo => Match?.Verdict == PixelVerdict.Same;

    public bool IsSimilar => Match?.Verdict == PixelVerdict.Similar;

    /// <summary>One line: "pixels: the whole image matches ..." or "image not compared: HTTP 404 Not Found".</summary>
    public string Describe() => Match is not null ? $"pixels: {Match.Describe()}" + (Note is null ? string.Empty : $"; {Note}") : $"image {Source} not compared: {Problem}";

    public string? Note { get; init; }

    public Evidence Evidence(string label) => EvidenceFactory.For(Element, Describe(), label);

    /// <summary>Compares what was fetched for the element's source with the context's reference logos. Never throws for an image.</summary>
    public static LogoPixels? Of(CheckContext context, IElement element, string source)
    {
        if (context.Resources.Find(ResourceKind.Image, source) is not { } fetched)
        {
            return null;
        }

        if (fetched.Bytes is null)
        {
            return new LogoPixels(element, source, null, fetched.Problem);
        }

        try
        {
            var image = ImageDecoder.Decode(fetched.Bytes, context.ImageLimits);
            return new LogoPixels(element, source, LogoMatcher.Compare(image, context.References, context.ImageLimits), null) { Note = image.Note };
        }
        catch (ImageException e)
        {
            return new LogoPixels(element, source, null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // An image that breaks the decoder costs that image, never the page's other evidence.
            return new LogoPixels(element, source, null, $"the image broke the decoder: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
