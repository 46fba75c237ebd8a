using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Images;
using Syndication.Locating;
using Syndication.Originals;
using Syndication.Resources;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Requirements.Photos;

/// <summary>
/// The page's pictures against the original's. A picture is the original's when its address is one of theirs (compared
/// as a reader would), its file name is one of theirs and distinctive, or — when the runner fetched both — its pixels
/// match one (the image matcher the logos use: resized, re-encoded, or inside a larger picture). Pass: none is on the
/// page (or, with <c>with-story</c>, only the original's own). Fail: one is, with its element as evidence. Review: a
/// picture whose pixels are only close, whose caption credits the licensor or repeats the original's under a file not
/// theirs, a camera-named file both share, a picture from the licensor's site that is not this story's
/// (<c>with-story</c>), or the original's photos unknown.
/// </summary>
internal sealed class PhotosCheck(string id, bool withStory) : IRequirementCheck, IAsksForResources
{
    private const int MostEvidence = 6;

    /// <summary>
    /// The matcher's "similar" is for review only when every part of the picture is close too (a crop or a retouch);
    /// two photos of one kind of scene (a sky, a horizon) correlate as a whole but not in every part.
    /// </summary>
    private const double CloseEverywhere = 0.55;

    /// <summary>How many of the article's unknown pictures, and of the original's photos, are fetched to compare pixels.</summary>
    private const int Compared = 2;

    public string Id => id;

    public IReadOnlyList<ResourceRequest> Needs(CheckContext context)
    {
        if (context.Original?.Images is not { Count: > 0 } images)
        {
            return [];
        }

        var theirs = new OriginalPhotos(context, images);
        var unknown = Pictures(context)
            .Where(p => p.InArticle && !theirs.IsTheirs(p.Url) && !theirs.HasStem(PhotoFile.Stem(p.Url)))
            .DistinctBy(p => p.Element)
            .Take(Compared)
            .ToList();
        return unknown.Count == 0
            ? []
            : [
                .. unknown.Select(p => new ResourceRequest(ResourceKind.Image, p.Url.AbsoluteUri, "a picture with the article, compared with the original's photos") { AgainstReferenceLogos = false }),
                .. theirs.Addresses.Take(Compared).Select(a => new ResourceRequest(ResourceKind.Image, a.AbsoluteUri, "the original's photo") { AgainstReferenceLogos = false }),
            ];
    }

    public RequirementOutcome Evaluate(CheckContext context)
    {
        if (context.Original is not { } original)
        {
            return RequirementOutcome.Review(Id, "no original is at hand (the article was found from the page, with --reporter): its photos are unknown");
        }

        if (original.Images is not { } images)
        {
            return RequirementOutcome.Review(Id, "the original's photos are unknown: its source gave no markup (an original kept by an older catalogue: 'originals sync' reads it again)");
        }

        var theirs = new OriginalPhotos(context, images);
        var references = theirs.References(context);
        var reused = new List<Finding>();
        var doubtful = new List<Finding>();
        var judged = new HashSet<IElement>();
        var compared = 0;
        foreach (var picture in Pictures(context))
        {
            if (judged.Contains(picture.Element))
            {
                // One finding per picture, however many sizes its srcset lists.
                continue;
            }

            var stem = PhotoFile.Stem(picture.Url);
            var byAddress = theirs.IsTheirs(picture.Url);
            var byName = !byAddress && theirs.HasStem(stem);
            var pixels = byAddress || byName || !picture.InArticle ? null : Pixels(context, picture, references);
            var (same, close) = (pixels?.Verdict == PixelVerdict.Same, pixels is { Verdict: PixelVerdict.Similar, Score.WorstTile: >= CloseEverywhere });
            compared += pixels is null ? 0 : 1;
            Finding? finding = null;
            var isTheirs = false;
            if (byAddress || (byName && PhotoFile.IsDistinctive(stem!)) || same)
            {
                var how = byAddress ? $"the original's photo {picture.Url}"
                    : byName ? $"a copy of the original's photo (same file name \"{stem}\": {picture.Url})"
                    : $"a copy of the original's photo under another name ({picture.Url}; its pixels match {Pixels(pixels!)})";
                isTheirs = true;
                if (!withStory)
                {
                    finding = new Finding($"{how} {picture.Where}", EvidenceFactory.For(picture.Element, "the original's photo", picture.Url.ToString()));
                    reused.Add(finding);
                }
            }
            else if (close)
            {
                finding = new Finding($"a picture {picture.Where} whose pixels come close to {Pixels(pixels!)} ({picture.Url}): the same photo, cropped or retouched?", EvidenceFactory.For(picture.Element, "pixels close to the original's photo", picture.Url.ToString()));
                doubtful.Add(finding);
            }
            else if (byName)
            {
                finding = new Finding($"a picture whose camera-given file name \"{stem}\" the original's photo also has ({picture.Url}): the same photo?", EvidenceFactory.For(picture.Element, "same camera file name", picture.Url.ToString()));
                doubtful.Add(finding);
            }
            else if (Credit(context, picture.Element, theirs) is { } credit)
            {
                finding = new Finding($"a picture {picture.Where} whose {credit} ({picture.Url}): the licensor's photo, copied under another name?", EvidenceFactory.For(picture.Element, credit, picture.Url.ToString()));
                doubtful.Add(finding);
            }
            else if (withStory && theirs.LicensorHosts.Contains(WebAddress.Host(picture.Url)))
            {
                finding = new Finding($"a picture from the licensor's site that is not this story's ({picture.Url}) {picture.Where}", EvidenceFactory.For(picture.Element, "the licensor's picture, not this story's", picture.Url.ToString()));
                doubtful.Add(finding);
            }

            if (finding is not null || isTheirs)
            {
                judged.Add(picture.Element);
            }
        }

        if (reused.Count > 0)
        {
            return RequirementOutcome.Fail(Id, $"the licence does not cover the photos, yet the page shows {string.Join("; ", reused.Take(3).Select(f => f.Message))}{More(reused, 3)}", [.. reused.Concat(doubtful).Take(MostEvidence).Select(f => f.Evidence)]);
        }

        if (doubtful.Count > 0)
        {
            return RequirementOutcome.Review(Id, $"{string.Join("; ", doubtful.Take(3).Select(f => f.Message))}{More(doubtful, 3)}: a person should look", [.. doubtful.Take(MostEvidence).Select(f => f.Evidence)]);
        }

        var looked = $"looked for the original's {theirs.Addresses.Count} photo(s) by address and file name, and for captions crediting {context.Profile.Licensor}"
            + (compared > 0 ? $"; {compared} other picture(s) compared by their pixels" : string.Empty);
        return theirs.Addresses.Count == 0
            ? RequirementOutcome.Pass(Id, "the original has no photos")
            : RequirementOutcome.Pass(Id, withStory ? $"only the original's own photos, if any, are on the page ({looked})" : $"none of the original's photos is on the page ({looked})");
    }

    /// <summary>"the original's photo URL (correlation 0.93, worst part 0.81, hash distance 4 of 63)".</summary>
    private static string Pixels(PixelMatch match) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{match.Reference} ({match.Where}: correlation {match.Score.Whole:0.00}, worst part {match.Score.WorstTile:0.00}, hash distance {match.HashDistance} of {PerceptualHash.Bits})");

    private static string More(List<Finding> findings, int shown) => findings.Count > shown ? $"; and {findings.Count - shown} more" : string.Empty;

    /// <summary>The picture's pixels against the original's photos, when the runner fetched it and them; else null.</summary>
    private static PixelMatch? Pixels(CheckContext context, Picture picture, IReadOnlyList<ReferenceLogo> references)
    {
        if (references.Count == 0 || context.Resources.Find(ResourceKind.Image, picture.Url.AbsoluteUri)?.Bytes is not { } bytes)
        {
            return null;
        }

        try
        {
            return LogoMatcher.Compare(ImageDecoder.Decode(bytes, context.ImageLimits), references, context.ImageLimits);
        }
        catch (ImageException)
        {
            return null;
        }
    }

    /// <summary>What ties a picture to the licensor: its caption or alt text repeats the original's caption, or credits the licensor.</summary>
    private static string? Credit(CheckContext context, IElement element, OriginalPhotos theirs)
    {
        var figure = element.Closest("figure");
        var caption = figure?.QuerySelector("figcaption")?.TextContent ?? element.GetAttribute("alt") ?? string.Empty;
        if (theirs.RepeatsCaption(caption))
        {
            return "caption repeats the original's";
        }

        return context.Profile.Names.Any(n => NameFinder.Find(caption, n).Count > 0) ? $"caption credits {context.Profile.Licensor}" : null;
    }

    /// <summary>The page's pictures that a reader sees: in the article, or anywhere but tracking pixels and hidden ones.</summary>
    private static IEnumerable<Picture> Pictures(CheckContext context)
    {
        foreach (var element in context.Page.Document.QuerySelectorAll("img, amp-img, picture source"))
        {
            if (context.Page.Visibility.ReasonFor(element) is not null || StoryMarkup.IsPixel(element))
            {
                continue;
            }

            var inArticle = context.Region.ZoneOf(element) != RegionZone.Outside;
            var sources = new[] { StoryMarkup.Source(element) }.Concat(Srcset(element)).OfType<string>().Distinct(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                if (WebAddress.Resolve(source, context.PageUrl) is { } url)
                {
                    yield return new Picture(element, url, inArticle, inArticle ? "with the article" : "on the page, outside the article");
                }
            }
        }
    }

    private static IEnumerable<string> Srcset(IElement element) =>
        (element.GetAttribute("srcset") ?? element.GetAttribute("data-srcset") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split(' ')[0]);

    private sealed record Picture(IElement Element, Uri Url, bool InArticle, string Where);

    private sealed record Finding(string Message, Evidence Evidence);
}
