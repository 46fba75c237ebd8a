using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Locating;
using Syndication.Parsing;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Requirements.Affiliation;

/// <summary>
/// Affiliation: the licensor's name presented as the reporter's affiliation: in the byline, on the line right
/// before or after it, in the credit block that holds it, or in a credit line opening the story when the byline
/// is in the header. A mention in the story's text, chrome, hidden text or another organisation does not count;
/// the licensing boilerplate alone, away from the byline, is for a person to review.
/// </summary>
public sealed partial class AffiliationCheck : IRequirementCheck
{
    private const int CreditBlockChars = 300;
    private const int ShortCreditLine = 160;

    public string Id => RequirementIds.Affiliation;

    private enum Place
    {
        WithByline,
        OpeningCredit,
        ClosingCredit,
        Boilerplate,
        Caption,
        Mention,
        Outside,
        Hidden,
    }

    /// <summary>A mention, where it stands and, for a visible one, the narrowest element holding it (found once, for its zone).</summary>
    private sealed record Seen(Place Place, OrganisationMention Mention, TextBlock Block, string Line, IElement? Element, string Where);

    public RequirementOutcome Evaluate(CheckContext context)
    {
        var profile = context.Profile;
        var anchors = context.Credits.ReporterCredits.ToList();
        var usingOtherBylines = anchors.Count == 0;
        if (usingOtherBylines)
        {
            anchors = [.. context.Credits.OtherBylines];
        }

        var licensor = new List<Seen>();
        var others = new List<Seen>();
        // Every full mention holds the name's last word ("foundation", "dcnf", "caller") or the name glued together.
        var words = profile.Names.Concat(profile.NotNames).SelectMany(n => NameFinder.IndexWords(n, partial: false)).Distinct();
        foreach (var block in context.Page.BlocksWithAnyWord(words))
        {
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i];
                foreach (var mention in OrganisationNames.Find(profile, line, block.LineTokens(i)))
                {
                    var element = EvidenceFactory.Narrowest(block, line[mention.Start..mention.End]);
                    var seen = Classify(context, anchors, block, element, i, line, mention);
                    (mention.IsLicensor ? licensor : others).Add(seen);
                }
            }

        }

        foreach (var block in context.Page.Blocks)
        {
            if (block.HiddenText.Length == 0)
            {
                continue;
            }

            foreach (var mention in OrganisationNames.Find(profile, block.HiddenText, block.HiddenTokens))
            {
                if (mention.IsLicensor)
                {
                    licensor.Add(new Seen(Place.Hidden, mention, block, block.HiddenText, null, $"hidden ({block.HiddenReason})"));
                    break;
                }
            }
        }

        var good = licensor.FirstOrDefault(s => s.Place is Place.WithByline or Place.OpeningCredit);
        var wrong = others.FirstOrDefault(s => s.Place == Place.WithByline);
        if (good is not null && wrong is not null && (good.Place == Place.OpeningCredit || !ReferenceEquals(good.Line, wrong.Line)))
        {
            // The byline says one organisation, the story's opening line another: a reader cannot tell which holds.
            return RequirementOutcome.Review(
                Id,
                $"the byline \"{EvidenceFactory.Shorten(wrong.Line, 80)}\" at {PathOf(wrong)} gives {wrong.Mention.Name} as the affiliation, while {Located(good)} names {good.Mention.Name}: a person should decide which a reader takes for the reporter's",
                [Evidence(wrong, "the byline's affiliation"), Evidence(good, good.Where)]);
        }

        if (good is not null)
        {
            var how = good.Place == Place.WithByline ? "with the byline" : "in a credit line opening the story";
            var note = usingOtherBylines ? " (next to a byline that does not name the original's reporter)" : string.Empty;
            return RequirementOutcome.Pass(Id, $"names {good.Mention.Name} {how}{note}", Evidence(good, "affiliation"));
        }

        if (wrong is not null)
        {
            return RequirementOutcome.Fail(
                Id,
                $"the byline \"{EvidenceFactory.Shorten(wrong.Line, 80)}\" at {PathOf(wrong)} gives {wrong.Mention.Name} as the affiliation, a different organisation; expected {profile.Licensor}",
                Evidence(wrong, "credit names another organisation"));
        }

        if (anchors.Count == 0)
        {
            var elsewhere = Best(licensor);
            return RequirementOutcome.Fail(
                Id,
                $"no byline to carry the {profile.Licensor} affiliation: no line in the article's header or closing lines credits a reporter" + (elsewhere is null ? string.Empty : $"; {profile.Licensor} is named {Located(elsewhere)}"),
                [.. licensor.Take(3).Select(s => Evidence(s, s.Where))]);
        }

        var reviewable = licensor.FirstOrDefault(s => s.Place is Place.ClosingCredit or Place.Boilerplate);
        if (reviewable is not null)
        {
            var what = reviewable.Place == Place.Boilerplate
                ? $"{profile.Licensor} is named only in its licensing boilerplate at {PathOf(reviewable)} (\"{EvidenceFactory.Shorten(reviewable.Line, 60)}\"), away from the byline"
                : $"{profile.Licensor} is named in a credit line after the story at {PathOf(reviewable)} (\"{EvidenceFactory.Shorten(reviewable.Line, 60)}\"), not with the byline";
            return RequirementOutcome.Review(Id, what + ": a person should decide whether readers see it as the reporter's affiliation", Evidence(reviewable, reviewable.Where));
        }

        var best = Best(licensor);
        var message = best is null
            ? $"{TheByline(anchors[0])} gives no affiliation; {profile.Licensor} is not named on the page"
            : $"{TheByline(anchors[0])} gives no {profile.Licensor} affiliation; it is named only {Located(best)} (\"{EvidenceFactory.Shorten(best.Line, 80)}\")";
        var evidence = licensor.Take(3).Select(s => Evidence(s, s.Where)).Concat(anchors.Take(1).Select(a => EvidenceFactory.For(a.Element, "the byline", a.Text)));
        return RequirementOutcome.Fail(Id, message, [.. evidence]);
    }

    private static Seen? Best(List<Seen> seen) => seen.OrderBy(s => s.Place).FirstOrDefault();

    private static string TheByline(NameSighting anchor) =>
        $"the byline \"{EvidenceFactory.Shorten(anchor.Text, 60)}\" at {SelectorPath.For(anchor.Element)}";

    /// <summary>The selector path of the element holding the mention.</summary>
    private static string PathOf(Seen seen) => SelectorPath.For(seen.Element ?? seen.Block.Element);

    /// <summary>Where the mention is, with its selector unless the description already names one.</summary>
    private static string Located(Seen seen) => seen.Where.Contains(" > ", StringComparison.Ordinal) || seen.Where.Contains('#', StringComparison.Ordinal)
        ? seen.Where
        : $"{seen.Where} at {PathOf(seen)}";

    private static Evidence Evidence(Seen seen, string note) =>
        EvidenceFactory.For(seen.Element ?? EvidenceFactory.Narrowest(seen.Block, seen.Line[seen.Mention.Start..seen.Mention.End]), note, seen.Line);

    private static Seen Classify(CheckContext context, List<NameSighting> anchors, TextBlock block, IElement element, int lineIndex, string line, OrganisationMention mention)
    {
        var zone = context.Region.ZoneOf(element);
        if (zone == RegionZone.Outside)
        {
            return new Seen(Place.Outside, mention, block, line, element, context.Region.WhyOutside(element) ?? "outside the article region");
        }

        if (context.Profile.IsBoilerplate(line))
        {
            return new Seen(Place.Boilerplate, mention, block, line, element, "in the licensing boilerplate");
        }

        switch (zone)
        {
            case RegionZone.FirstParagraph when mention.Start <= 80
                && Dateline().IsMatch(line[..mention.Start] + "@" + line[mention.End..Math.Min(line.Length, mention.End + 6)]):
                return new Seen(Place.OpeningCredit, mention, block, line, element, "in the dateline opening the story");
            case RegionZone.LastParagraph when anchors.Any(a => ReferenceEquals(a.Block, block) && a.Line == lineIndex):
                return new Seen(Place.WithByline, mention, block, line, element, "with the byline");
            case RegionZone.Opening or RegionZone.Closing when !anchors.Any(a => ReferenceEquals(a.Block, block)) && CaptionOf(context, block, element) is { } caption:
                return new Seen(Place.Caption, mention, block, line, element, caption);
            case RegionZone.Opening or RegionZone.Closing when anchors.Any(a => IsWithByline(context, a, block, lineIndex)):
                return new Seen(Place.WithByline, mention, block, line, element, "with the byline");
            case RegionZone.Opening when IsCreditLine(line, mention):
                return new Seen(Place.OpeningCredit, mention, block, line, element, "in a credit line before the story");
            case RegionZone.Closing when IsCreditLine(line, mention):
                return new Seen(Place.ClosingCredit, mention, block, line, element, "in a credit line after the story");
        }

        return new Seen(Place.Mention, mention, block, line, element, CreditAnalysis.ZoneWords(zone) + ", not as an affiliation");
    }

    /// <summary>
    /// How the line is a picture's caption, or null: a caption belongs to its picture, not to the byline beside it
    /// ("Daily Caller News Foundation" under the logo is the logo's caption, not the reporter's affiliation).
    /// </summary>
    private static string? CaptionOf(CheckContext context, TextBlock block, IElement element)
    {
        if (CreditMarkers.CaptionOrHeadingOf(element) is { IsHeading: false } caption)
        {
            return $"{caption.Words} at {SelectorPath.For(caption.Element)}: a caption belongs to its picture, not to the byline";
        }

        return CreditStructure.PictureCaptioned(context.Page, context.Region, block) is { } picture
            ? $"on the line right under the picture at {SelectorPath.For(picture)}: its caption, not the byline's affiliation"
            : null;
    }

    /// <summary>On the byline's line or the line right before or after it, or in the small credit block that holds it.</summary>
    private static bool IsWithByline(CheckContext context, NameSighting anchor, TextBlock block, int lineIndex)
    {
        if (anchor.Block is null)
        {
            return false;
        }

        if (ReferenceEquals(anchor.Block, block))
        {
            return Math.Abs(anchor.Line - lineIndex) <= 1 || block.Text.Length <= CreditBlockChars;
        }

        var blocks = context.Page.Blocks;
        var anchorIndex = BlockOrder.IndexOf(blocks, anchor.Block);
        var index = BlockOrder.IndexOf(blocks, block);
        if (anchorIndex >= 0 && index >= 0 && Math.Abs(anchorIndex - index) == 1 && block.Text.Length <= ShortCreditLine)
        {
            return true;
        }

        var stats = context.Page.Stats;
        var order = context.Page.Order;
        var container = anchor.Block.Element;
        for (var level = 0; level < 3 && container.ParentElement is { } parent; level++)
        {
            if (stats.TextLength(order.IndexOf(parent)) > CreditBlockChars)
            {
                break;
            }

            container = parent;
            if (order.Contains(container, block.Element))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short line that credits the licensor rather than telling the story ("Daily Caller News Foundation", "via DCNF").</summary>
    private static bool IsCreditLine(string line, OrganisationMention mention)
    {
        if (line.Length > ShortCreditLine)
        {
            return false;
        }

        var rest = line.Length - (mention.End - mention.Start);
        return rest <= 40 || CreditWords().IsMatch(TextFolding.Fold(line));
    }

    [GeneratedRegex(@"^[\p{L}\s,.'’\-]{0,40}\(?\s*(the\s+)?@\s*\)?\s*[—–\-:]")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"\b(by|via|from|courtesy|source|republished|originally|published|distributed|provided|partner|appeared|content|syndicated|reprinted|permission)\b")]
    private static partial Regex CreditWords();
}
