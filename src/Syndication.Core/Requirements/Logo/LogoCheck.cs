using Syndication.Checks;
using Syndication.Images;
using Syndication.Locating;
using Syndication.Parsing;
using Syndication.Resources;
using Syndication.Verdicts;

namespace Syndication.Requirements.Logo;

/// <summary>
/// Logo: an image of the licensor's logo that a reader sees with the article. Hidden, tracking-pixel sized,
/// outside the article region or another organisation's logo does not count. The markup names the logo (alt text,
/// file name, known URL); where the profile has reference logos, the pixels decide: the check asks to see the images
/// its markup leaves undecided (<see cref="Needs"/>), and a named logo that shows another picture is for review.
/// </summary>
public sealed class LogoCheck : IRequirementCheck, IAsksForResources
{
    public string Id => RequirementIds.Logo;

    /// <summary>
    /// The images whose pixels would decide: a logo named by file name or label (is it the logo?), else the images in
    /// the article whose markup is undecided, most likely first. Nothing when the profile has no reference logo or the
    /// page shows the profile's own logo URL.
    /// </summary>
    public IReadOnlyList<ResourceRequest> Needs(CheckContext context)
    {
        if (context.Profile.Logo.Images.Count == 0)
        {
            return [];
        }

        var assessed = Assess(context);
        var seen = assessed.Where(a => a.Problem is null && a.Candidate.Identity == LogoIdentity.Licensor).Select(a => a.Candidate).ToList();
        if (seen.Any(c => c.Sources.Any(context.Profile.Logo.IsKnownUrl)))
        {
            return [];
        }

        if (seen.Count > 0)
        {
            return seen.Take(2).Select(c => LogoImages.SourceOf(c.Element)).OfType<string>()
                .Select(s => new ResourceRequest(ResourceKind.Image, s, "is the image named as the logo the logo?")).ToList();
        }

        var undecided = assessed.Where(a => a.Problem is null && a.Candidate.Identity is LogoIdentity.Conflicting or LogoIdentity.LinksToLicensor)
            .Select(a => LogoImages.SourceOf(a.Candidate.Element)).OfType<string>()
            .Select(s => new ResourceRequest(ResourceKind.Image, s, "an image whose markup may name the logo"));
        var unnamed = LogoImages.Unnamed(context, assessed.Select(a => a.Candidate.Element).ToHashSet())
            .Select(u => new ResourceRequest(ResourceKind.Image, u.Source, "an unnamed image in the article"));
        return undecided.Concat(unnamed).ToList();
    }

    public RequirementOutcome Evaluate(CheckContext context)
    {
        var byMarkup = ByMarkup(context, Assess(context));
        return context.References.Count == 0 || context.Resources.Count == 0 ? byMarkup : ByPixels(context, byMarkup);
    }

    private static List<(LogoCandidate Candidate, string? Problem)> Assess(CheckContext context) =>
        LogoFinder.Find(context.Page, context.Profile).Select(c => (Candidate: c, Problem: Problem(context, c))).ToList();

    /// <summary>
    /// The pixels of the images the check asked for, against the markup's answer: a named logo that shows another
    /// picture is for review (both facts given); an unnamed image that is the logo passes; one that resembles it is
    /// for review; otherwise the markup's answer stands, with what the pixels showed.
    /// </summary>
    private RequirementOutcome ByPixels(CheckContext context, RequirementOutcome byMarkup)
    {
        var licensor = context.Profile.Licensor;
        var assessed = Assess(context);
        var looked = new List<LogoPixels>();
        if (byMarkup.Status == Outcome.Pass)
        {
            foreach (var (candidate, _) in assessed.Where(a => a.Problem is null && a.Candidate.Identity == LogoIdentity.Licensor))
            {
                if (LogoImages.SourceOf(candidate.Element) is { } source && LogoPixels.Of(context, candidate.Element, source) is { } pixels)
                {
                    if (pixels.Match is null || pixels.Match.Verdict != PixelVerdict.Different)
                    {
                        var how = pixels.Match is null ? $"its image could not be compared ({pixels.Problem})" : pixels.Match.Describe();
                        return byMarkup with { Message = $"{byMarkup.Message}; {how}", Evidence = [pixels.Evidence(candidate.Label), .. byMarkup.Evidence.Skip(1)] };
                    }

                    looked.Add(pixels);
                }
            }

            return looked.Count == 0 ? byMarkup : RequirementOutcome.Review(
                Id,
                $"an image in the article is named as the {licensor} logo ({assessed.First(a => a.Candidate.Element == looked[0].Element).Candidate.Why}), but its pixels show another picture: {looked[0].Match!.Describe()}",
                [.. looked.Select(p => p.Evidence(string.Empty))]);
        }

        var named = assessed.Select(a => a.Candidate.Element).ToHashSet();
        var images = assessed.Where(a => a.Problem is null && a.Candidate.Identity is LogoIdentity.Conflicting or LogoIdentity.LinksToLicensor).Select(a => a.Candidate.Element)
            .Concat(LogoImages.Unnamed(context, named).Select(u => u.Element));
        foreach (var element in images)
        {
            if (LogoImages.SourceOf(element) is not { } source || LogoPixels.Of(context, element, source) is not { } pixels)
            {
                continue;
            }

            var where = CreditAnalysis.ZoneWords(context.Region.ZoneOf(LogoFinder.Placement(element)));
            if (pixels.IsLogo)
            {
                return RequirementOutcome.Pass(Id, $"shows the {licensor} logo {where}, recognised by its pixels ({pixels.Match!.Describe()}); its markup does not name the licensor", pixels.Evidence("logo"));
            }

            if (pixels.IsSimilar && byMarkup.Status == Outcome.Fail)
            {
                return RequirementOutcome.Review(Id, $"an image {where} resembles the {licensor} logo but does not clearly match it: {pixels.Match!.Describe()}", pixels.Evidence("possible logo"));
            }

            looked.Add(pixels);
        }

        if (looked.Count == 0)
        {
            return byMarkup;
        }

        var compared = looked.Count(p => p.Match is not null);
        var failed = looked.Count - compared;
        var summary = $"{compared} image(s) in the article compared by their pixels, none is the logo" + (failed > 0 ? $"; {failed} could not be compared" : string.Empty);
        return byMarkup with { Message = $"{byMarkup.Message}; {summary}", Evidence = [.. byMarkup.Evidence, .. looked.Take(3).Select(p => p.Evidence(string.Empty))] };
    }

    private RequirementOutcome ByMarkup(CheckContext context, List<(LogoCandidate Candidate, string? Problem)> assessed)
    {
        var licensor = context.Profile.Licensor;
        var seen = assessed.FirstOrDefault(a => a.Problem is null && a.Candidate.Identity == LogoIdentity.Licensor);
        if (seen.Candidate is not null)
        {
            return RequirementOutcome.Pass(Id, $"shows the {licensor} logo {Where(context, seen.Candidate)}: {seen.Candidate.Why}", Evidence(seen.Candidate, "logo"));
        }

        foreach (var (identity, message) in new[]
        {
            (LogoIdentity.Conflicting, "an image in the article may be the licensor's logo, but its signals disagree"),
            (LogoIdentity.ClassOnly, "an element in the article names the licensor's logo in its class, but its image comes from a stylesheet the tool does not read"),
            (LogoIdentity.LinksToLicensor, "an unlabelled image in the article links to the licensor's site; it may be the logo"),
        })
        {
            var maybe = assessed.FirstOrDefault(a => a.Problem is null && a.Candidate.Identity == identity);
            if (maybe.Candidate is not null)
            {
                return RequirementOutcome.Review(Id, $"{message} ({maybe.Candidate.Why})", Evidence(maybe.Candidate, "possible logo"));
            }
        }

        var other = assessed.FirstOrDefault(a => a.Problem is null && a.Candidate.Identity == LogoIdentity.Other);
        var misplaced = assessed.Where(a => a.Problem is not null && a.Candidate.Identity != LogoIdentity.Other).ToList();
        var found = new List<string>();
        if (other.Candidate is not null)
        {
            found.Add($"the article shows another organisation's logo ({other.Candidate.Why})");
        }

        found.AddRange(misplaced.Take(2).Select(a => $"a {licensor} logo is {a.Problem}"));
        var evidence = misplaced.Take(3).Select(a => Evidence(a.Candidate, a.Problem!))
            .Concat(other.Candidate is null ? [] : [Evidence(other.Candidate, "another organisation's logo")]);
        var instead = found.Count == 0 ? "no image on the page names the licensor" : string.Join("; ", found);
        return RequirementOutcome.Fail(Id, $"no visible {licensor} logo with the article: {instead}", [.. evidence]);
    }

    /// <summary>Why a candidate does not count where it is, or null when a reader sees it with the article.</summary>
    internal static string? Problem(CheckContext context, LogoCandidate candidate)
    {
        var zone = context.Region.ZoneOf(candidate.Placement);
        if (zone == RegionZone.Outside)
        {
            return context.Region.WhyOutside(candidate.Placement) ?? "outside the article region";
        }

        if (zone == RegionZone.Story && candidate.Identity != LogoIdentity.Licensor)
        {
            return "inside the story's text";
        }

        var hidden = context.Page.Visibility.ReasonFor(candidate.Element) ?? context.Page.Visibility.ReasonFor(candidate.Placement);
        if (hidden is not null)
        {
            return $"hidden ({hidden})";
        }

        if (IsPixel(candidate))
        {
            return "tracking-pixel sized";
        }

        return null;
    }

    private static bool IsPixel(LogoCandidate candidate)
    {
        var width = ImageSize.Width(candidate.Element);
        var height = ImageSize.Height(candidate.Element);
        return (width is <= ImageSize.PixelSize && height is null or <= ImageSize.PixelSize) || (height is <= ImageSize.PixelSize && width is null);
    }

    private static string Where(CheckContext context, LogoCandidate candidate) =>
        CreditAnalysis.ZoneWords(context.Region.ZoneOf(candidate.Placement));

    private static Evidence Evidence(LogoCandidate candidate, string note) =>
        EvidenceFactory.For(candidate.Element, note, candidate.Label);
}
