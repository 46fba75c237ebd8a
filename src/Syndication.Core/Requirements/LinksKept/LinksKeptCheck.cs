using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Locating;
using Syndication.Originals;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Requirements.LinksKept;

/// <summary>
/// Each link of the original's story is looked for among the article's visible links, compared as a reader would
/// (<see cref="WebAddress"/>: scheme, "www.", tracking parameters and click trackers aside). Pass: every one is kept.
/// Fail: one was dropped — its words stand without the link, or went with their sentence, or the link is hidden.
/// Review: its words link somewhere else (re-pointed, or a redirector the tool does not know), or it is on the page
/// but outside the located article; and when the original's links are unknown.
/// </summary>
internal sealed class LinksKeptCheck(string id, IReadOnlyList<Regex> ignore) : IRequirementCheck
{
    private const int MostEvidence = 8;

    public string Id => id;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        if (context.Original is not { } original)
        {
            return RequirementOutcome.Review(Id, "no original is at hand (the article was found from the page, with --reporter): its links are unknown");
        }

        if (original.Links is not { } links)
        {
            return RequirementOutcome.Review(Id, "the original's links are unknown: its source gave no markup (an original kept by an older catalogue: 'originals sync' reads it again)");
        }

        // The licensor's boilerplate (a republication may drop it) takes its links with it.
        var boilerplate = original.Paragraphs.Where(context.Profile.IsBoilerplate).Select(Fold).ToList();
        var wanted = links
            .Where(l => !ignore.Any(p => p.IsMatch(l.Href)) && !boilerplate.Any(b => b.Contains(Fold(l.Text), StringComparison.Ordinal)))
            .DistinctBy(l => WebAddress.Key(l.Href, null))
            .ToList();
        if (wanted.Count == 0)
        {
            return RequirementOutcome.Pass(Id, links.Count == 0 ? "the original's story has no links" : $"the original's {links.Count} link(s) are all ones the licence lets go (the profile's ignore:, or in its boilerplate)");
        }

        var anchors = Anchors(context).ToList();
        var findings = wanted.Select(l => Judge(context, l, anchors)).ToList();
        var dropped = findings.Where(f => f.Outcome == Outcome.Fail).ToList();
        var doubtful = findings.Where(f => f.Outcome == Outcome.Review).ToList();
        var kept = findings.Count(f => f.Outcome == Outcome.Pass);
        var evidence = dropped.Concat(doubtful).Take(MostEvidence).Select(f => f.Evidence).ToArray();
        var tally = $"{kept} of the original's {wanted.Count} link(s) kept";
        if (dropped.Count > 0)
        {
            return RequirementOutcome.Fail(Id, $"{Describe(dropped)}{(doubtful.Count > 0 ? "; for review: " + Describe(doubtful) : string.Empty)} ({tally})", evidence);
        }

        if (doubtful.Count > 0)
        {
            return RequirementOutcome.Review(Id, $"{Describe(doubtful)}: a person should look ({tally})", evidence);
        }

        var first = findings[0].Evidence;
        return RequirementOutcome.Pass(Id, $"every link of the original's story is a link on the page ({tally})", first);
    }

    private static string Describe(List<Finding> findings) =>
        string.Join("; ", findings.Take(4).Select(f => f.Message)) + (findings.Count > 4 ? $"; and {findings.Count - 4} more" : string.Empty);

    private static Finding Judge(CheckContext context, StoryLink link, List<Anchor> anchors)
    {
        var key = WebAddress.Key(link.Href, null);
        var words = $"\"{EvidenceFactory.Shorten(link.Text, 60)}\" → {link.Href}";
        var to = key is null ? [] : anchors.Where(a => WebAddress.LeadsTo(a.Url, key)).ToList();
        if (to.FirstOrDefault(a => a.InArticle && a.Hidden is null) is { } kept)
        {
            return new Finding(Outcome.Pass, $"kept {words}", EvidenceFactory.For(kept.Element, "kept", kept.Text));
        }

        if (to.FirstOrDefault(a => a.InArticle) is { } hidden)
        {
            return new Finding(Outcome.Fail, $"the link {words} is hidden ({hidden.Hidden})", EvidenceFactory.For(hidden.Element, $"hidden: {hidden.Hidden}", hidden.Text));
        }

        if (to.FirstOrDefault() is { } outside)
        {
            return new Finding(Outcome.Review, $"the link {words} is on the page but outside the located article ({outside.Where})", EvidenceFactory.For(outside.Element, "outside the located article", outside.Text));
        }

        var folded = Fold(link.Text);
        if (anchors.FirstOrDefault(a => a.InArticle && a.Hidden is null && Fold(a.Text) == folded) is { } elsewhere)
        {
            return new Finding(Outcome.Review, $"the words of the link {words} link to {elsewhere.Url} instead: re-pointed, or a redirector the tool does not know", EvidenceFactory.For(elsewhere.Element, "the link's words, linked elsewhere", elsewhere.Text));
        }

        if (StandingWords(context, folded) is { } block)
        {
            return new Finding(Outcome.Fail, $"dropped link: the words {words} stand without it", EvidenceFactory.For(EvidenceFactory.Narrowest(block, link.Text), "the words, without the link", link.Text));
        }

        return new Finding(Outcome.Fail, $"dropped link: {words}, with its words", EvidenceFactory.For(context.Region.Body, "dropped with its words", link.Text));
    }

    /// <summary>The article's visible block whose text holds the link's words, or null.</summary>
    private static Parsing.TextBlock? StandingWords(CheckContext context, string folded) =>
        folded.Length == 0
            ? null
            : context.Page.Blocks.FirstOrDefault(b => context.Region.ZoneOf(b.Element) != RegionZone.Outside && Fold(b.Text).Contains(folded, StringComparison.Ordinal));

    private static IEnumerable<Anchor> Anchors(CheckContext context)
    {
        foreach (var element in context.Page.Document.QuerySelectorAll("a[href]"))
        {
            if (WebAddress.Resolve(element.GetAttribute("href"), context.PageUrl) is { } url)
            {
                var inArticle = context.Region.ZoneOf(element) != RegionZone.Outside;
                yield return new Anchor(
                    element,
                    url,
                    TextFolding.CollapseWhiteSpace(element.TextContent),
                    inArticle,
                    inArticle ? null : context.Region.ChromeReason(element) ?? context.Region.WhyOutside(element) ?? "outside the article region",
                    context.Page.Visibility.ReasonFor(element));
            }
        }
    }

    private static string Fold(string text) => string.Join(' ', Tokenizer.Words(text));

    private sealed record Anchor(IElement Element, Uri Url, string Text, bool InArticle, string? Where, string? Hidden);

    private sealed record Finding(Outcome Outcome, string Message, Evidence Evidence);
}
