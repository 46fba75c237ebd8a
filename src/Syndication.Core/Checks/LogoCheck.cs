using System.Globalization;
using Syndication.Locating;
using Syndication.Parsing;
using Syndication.Verdicts;

namespace Syndication.Checks;

/// <summary>
/// Logo: an image of the licensor's logo that a reader sees with the article. Hidden, tracking-pixel sized,
/// outside the article region or another organisation's logo does not count.
/// </summary>
public sealed class LogoCheck : IRequirementCheck
{
    private const double PixelSize = 2;

    public string Id => RequirementIds.Logo;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        var licensor = context.Profile.Licensor;
        var assessed = LogoFinder.Find(context.Page, context.Profile)
            .Select(c => (Candidate: c, Problem: Problem(context, c)))
            .ToList();

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
    private static string? Problem(CheckContext context, LogoCandidate candidate)
    {
        var zone = context.Region.ZoneOf(candidate.Placement);
        if (zone == RegionZone.Outside)
        {
            var chrome = context.Region.ChromeReason(candidate.Placement);
            return chrome is null ? "outside the article region" : $"in site chrome ({chrome})";
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
        var e = candidate.Element;
        var width = Size(e.GetAttribute("width")) ?? CssSize(e.GetAttribute("style"), "width");
        var height = Size(e.GetAttribute("height")) ?? CssSize(e.GetAttribute("style"), "height");
        return (width is <= PixelSize && height is null or <= PixelSize) || (height is <= PixelSize && width is null);
    }

    private static double? Size(string? value) =>
        value is not null && double.TryParse(value.Trim().Replace("px", string.Empty, StringComparison.OrdinalIgnoreCase), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? CssSize(string? style, string property)
    {
        if (style is null)
        {
            return null;
        }

        foreach (var declaration in style.Split(';'))
        {
            var parts = declaration.Split(':', 2);
            if (parts.Length == 2 && parts[0].Trim().Equals(property, StringComparison.OrdinalIgnoreCase))
            {
                var px = CssHiding.Px(parts[1]);
                return double.IsInfinity(px) ? null : px;
            }
        }

        return null;
    }

    private static string Where(CheckContext context, LogoCandidate candidate) =>
        CreditAnalysis.ZoneWords(context.Region.ZoneOf(candidate.Placement));

    private static Evidence Evidence(LogoCandidate candidate, string note) =>
        EvidenceFactory.For(candidate.Element, note, candidate.Label);
}
