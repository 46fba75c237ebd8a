using Syndication.Checks;
using Syndication.Parsing;
using Syndication.Verdicts;

namespace Syndication.Requirements.Byline;

/// <summary>
/// Byline: each reporter of the original is named as visible text that credits the article, in the article's
/// header or byline area, or in a credit line at the start or end of the story. Metadata, hidden text, chrome,
/// a first name alone or another person's name do not count.
/// </summary>
public sealed class BylineCheck : IRequirementCheck
{
    public string Id => RequirementIds.Byline;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        if (context.Reporters.Count == 0)
        {
            return RequirementOutcome.Review(Id, "the original's reporters are unknown (its feed names none): name them with --reporter");
        }

        var credits = context.Credits;
        var evidence = new List<Evidence>();
        var missing = new List<string>();
        var contributorsOnly = new List<string>();
        foreach (var reporter in context.Reporters)
        {
            var sightings = credits.Sightings[reporter];
            var credit = sightings.FirstOrDefault(s => s.Kind == SightingKind.Credit);
            if (credit is not null)
            {
                evidence.Add(EvidenceFactory.For(credit.Element, $"{reporter} credited {credit.Where}", credit.Text));
                continue;
            }

            if (sightings.FirstOrDefault() is { Kind: SightingKind.Contributor } contributor)
            {
                contributorsOnly.Add(reporter.Display);
                evidence.Add(EvidenceFactory.For(contributor.Element, $"{reporter}: {contributor.Where}", contributor.Text));
                continue;
            }

            missing.Add(Explain(reporter.Display, sightings));
            evidence.AddRange(sightings.Take(3).Select(s => EvidenceFactory.For(s.Element, $"{reporter}: {s.Where}", s.Text)));
        }

        if (missing.Count == 0 && contributorsOnly.Count == 0)
        {
            var names = string.Join(" and ", context.Reporters.Select(r => r.Display));
            return RequirementOutcome.Pass(Id, $"credits {names}", [.. evidence]);
        }

        if (missing.Count == 0)
        {
            return RequirementOutcome.Review(
                Id,
                $"{string.Join(" and ", contributorsOnly)} named only as contributor(s) (\"contributed to this report\"), not in a byline: a person should decide",
                [.. evidence]);
        }

        var others = credits.OtherBylines.Where(b => b.Text.Length > 0).DistinctBy(b => b.Text).Take(3)
            .Select(b => $"{b.Text} (at {SelectorPath.For(b.Element)})").ToList();
        evidence.AddRange(credits.OtherBylines.Take(2).Select(b => EvidenceFactory.For(b.Element, "byline found instead", b.Text)));
        var reporters = string.Join(" and ", context.Reporters.Select(r => r.Display));
        var message = others.Count > 0
            ? $"byline names {string.Join(", ", others)}; the original's reporter{(context.Reporters.Count > 1 ? "s are" : " is")} {reporters}. {string.Join(" ", missing)}"
            : string.Join(" ", missing);
        return RequirementOutcome.Fail(Id, message.Trim(), [.. evidence]);
    }

    private static string Explain(string reporter, List<NameSighting> sightings)
    {
        var best = sightings.FirstOrDefault();
        return best?.Kind switch
        {
            SightingKind.Mention => $"{reporter} is named only {best.Where}, at {SelectorPath.For(best.Element)} (\"{EvidenceFactory.Shorten(best.Text, 80)}\").",
            SightingKind.Partial => $"{reporter} is not credited by full name: {best.Where}, at {SelectorPath.For(best.Element)} (\"{EvidenceFactory.Shorten(best.Text, 80)}\").",
            SightingKind.Outside => $"{reporter} is named only {best.Where}.",
            SightingKind.Hidden => $"{reporter} is credited only in text readers cannot see: {best.Where}, at {SelectorPath.For(best.Element)}.",
            SightingKind.Metadata => $"{reporter} is named {best.Where}, not in visible text.",
            _ => $"{reporter} is not named anywhere in the page's visible text, metadata or attributes.",
        };
    }
}
