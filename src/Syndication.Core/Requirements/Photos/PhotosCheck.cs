using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Locating;
using Syndication.Originals;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Requirements.Photos;

/// <summary>
/// The page's pictures against the original's. A picture is the original's when its address is one of them (compared
/// as a reader would), or its file name is one of theirs and distinctive. Pass: none is on the page (or, with
/// <c>with-story</c>, only the original's own). Fail: one is, with its element as evidence. Review: a picture whose
/// caption or credit names the licensor or repeats the original's caption but whose file is not known, a picture from
/// the licensor's site that is not this story's (with-story), a camera-named file, or the original's photos unknown.
/// </summary>
internal sealed class PhotosCheck(string id, bool withStory) : IRequirementCheck
{
    private const int MostEvidence = 6;

    public string Id => id;

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

        var theirs = images.Select(i => WebAddress.Resolve(i, null)).OfType<Uri>().ToList();
        var keys = theirs.Select(WebAddress.Key).ToHashSet(StringComparer.Ordinal);
        var stems = theirs.Select(PhotoFile.Stem).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var captions = original.Captions.Select(Fold).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var licensorHosts = theirs.Select(WebAddress.Host).Append(context.Original.Url is { } u && WebAddress.Resolve(u, null) is { } o ? WebAddress.Host(o) : null)
            .Append(context.Profile.Site is { } site ? WebAddress.Host(site.Url) : null).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var reused = new List<Finding>();
        var doubtful = new List<Finding>();
        var judged = new HashSet<IElement>();
        foreach (var picture in Pictures(context))
        {
            if (judged.Contains(picture.Element))
            {
                // One finding per picture, however many sizes its srcset lists.
                continue;
            }

            var stem = PhotoFile.Stem(picture.Url);
            var byAddress = keys.Contains(WebAddress.Key(picture.Url)) || theirs.Any(t => WebAddress.LeadsTo(picture.Url, WebAddress.Key(t)));
            var byName = !byAddress && stem is not null && stems.Contains(stem);
            var credit = Credit(context, picture.Element, captions);
            if (byAddress || (byName && PhotoFile.IsDistinctive(stem!)))
            {
                var how = byAddress ? $"the original's photo {picture.Url}" : $"a copy of the original's photo (same file name \"{stem}\": {picture.Url})";
                judged.Add(picture.Element);
                if (!withStory)
                {
                    reused.Add(new Finding($"{how} {picture.Where}", EvidenceFactory.For(picture.Element, "the original's photo", picture.Url.ToString())));
                }
            }
            else if (byName)
            {
                judged.Add(picture.Element);
                doubtful.Add(new Finding($"a picture whose camera-given file name \"{stem}\" the original's photo also has ({picture.Url}): the same photo?", EvidenceFactory.For(picture.Element, "same camera file name", picture.Url.ToString())));
            }
            else if (credit is not null)
            {
                judged.Add(picture.Element);
                doubtful.Add(new Finding($"a picture {picture.Where} whose {credit} ({picture.Url}): the licensor's photo, copied under another name?", EvidenceFactory.For(picture.Element, credit, picture.Url.ToString())));
            }
            else if (withStory && licensorHosts.Contains(WebAddress.Host(picture.Url)))
            {
                judged.Add(picture.Element);
                doubtful.Add(new Finding($"a picture from the licensor's site that is not this story's ({picture.Url}) {picture.Where}", EvidenceFactory.For(picture.Element, "the licensor's picture, not this story's", picture.Url.ToString())));
            }
        }

        var looked = $"looked for the original's {theirs.Count} photo(s) by address and file name, and for captions crediting {context.Profile.Licensor}";
        if (reused.Count > 0)
        {
            return RequirementOutcome.Fail(Id, $"the licence does not cover the photos, yet the page shows {string.Join("; ", reused.Take(3).Select(f => f.Message))}{More(reused, 3)}", [.. reused.Concat(doubtful).Take(MostEvidence).Select(f => f.Evidence)]);
        }

        if (doubtful.Count > 0)
        {
            return RequirementOutcome.Review(Id, $"{string.Join("; ", doubtful.Take(3).Select(f => f.Message))}{More(doubtful, 3)}: a person should look", [.. doubtful.Take(MostEvidence).Select(f => f.Evidence)]);
        }

        return theirs.Count == 0
            ? RequirementOutcome.Pass(Id, "the original has no photos")
            : RequirementOutcome.Pass(Id, withStory ? $"only the original's own photos, if any, are on the page ({looked})" : $"none of the original's photos is on the page ({looked})");
    }

    private static string More(List<Finding> findings, int shown) => findings.Count > shown ? $"; and {findings.Count - shown} more" : string.Empty;

    /// <summary>What ties a picture to the licensor: its caption or alt text repeats the original's caption, or credits the licensor.</summary>
    private static string? Credit(CheckContext context, IElement element, HashSet<string> captions)
    {
        var figure = element.Closest("figure");
        var caption = figure?.QuerySelector("figcaption")?.TextContent ?? element.GetAttribute("alt") ?? string.Empty;
        var folded = Fold(caption);
        if (folded.Length > 0 && captions.Any(c => c.Contains(folded, StringComparison.Ordinal) || folded.Contains(c, StringComparison.Ordinal)))
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

            var sources = new[] { StoryMarkup.Source(element) }.Concat(Srcset(element)).OfType<string>().Distinct(StringComparer.Ordinal);
            foreach (var source in sources)
            {
                if (WebAddress.Resolve(source, context.PageUrl) is { } url)
                {
                    var zone = context.Region.ZoneOf(element);
                    yield return new Picture(element, url, zone == RegionZone.Outside ? "on the page, outside the article" : "with the article");
                }
            }
        }
    }

    private static IEnumerable<string> Srcset(IElement element) =>
        (element.GetAttribute("srcset") ?? element.GetAttribute("data-srcset") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split(' ')[0]);

    private static string Fold(string text) => string.Join(' ', Tokenizer.Words(text));

    private sealed record Picture(IElement Element, Uri Url, string Where);

    private sealed record Finding(string Message, Evidence Evidence);
}
