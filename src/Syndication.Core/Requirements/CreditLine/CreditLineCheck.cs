using Syndication.Checks;
using Syndication.Parsing;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Requirements.CreditLine;

/// <summary>
/// A required line, visible, where the licence asks for it. Pass: a reader sees it there. Fail: it is missing, only
/// hidden, only in site chrome, or it credits another organisation. Review: it is in the article but not where asked
/// (unless the profile makes that a fail), away from the article, or its wording names someone the profile does not.
/// </summary>
internal sealed class CreditLineCheck(string id, IReadOnlyList<CreditLineTemplate> templates, IReadOnlyList<string> where, bool misplacedFails) : IRequirementCheck
{
    public string Id => id;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        var expected = templates[0].Expected(context);
        var asked = ArticlePlacement.Describe(where);
        var sightings = Sightings(context).ToList();
        var full = sightings.Where(s => s.Match.Other is null).ToList();
        var seen = full.Where(s => s.Hidden is null).ToList();

        if (seen.FirstOrDefault(s => ArticlePlacement.Accepts(where, s.Spot)) is { } placed)
        {
            return RequirementOutcome.Pass(Id, $"\"{placed.Line}\" stands {placed.Where}", placed.Evidence("the required line"));
        }

        if (seen.FirstOrDefault(s => s.Spot is Spot.Top or Spot.Middle or Spot.End) is { } misplaced)
        {
            var message = $"\"{misplaced.Line}\" stands {misplaced.Where}; the licence asks for it {asked}";
            return misplacedFails
                ? RequirementOutcome.Fail(Id, message, misplaced.Evidence("the line, not where asked"))
                : RequirementOutcome.Review(Id, $"{message}: a person should decide", misplaced.Evidence("the line, not where asked"));
        }

        if (seen.FirstOrDefault(s => s.Spot == Spot.Away) is { } away)
        {
            return RequirementOutcome.Review(Id, $"\"{away.Line}\" is on the page but away from the article ({away.Where}); the licence asks for it {asked}", away.Evidence("the line, away from the article"));
        }

        var other = sightings.FirstOrDefault(s => s.Match.Other == "another organisation" && s.Hidden is null && s.Spot != Spot.Chrome);
        if (other is not null)
        {
            return RequirementOutcome.Fail(Id, $"the line credits another organisation: \"{other.Line}\" ({other.Where}); expected \"{expected}\"", other.Evidence("credits another organisation"));
        }

        var near = sightings.FirstOrDefault(s => s.Match.Other is not null && s.Hidden is null && s.Spot != Spot.Chrome);
        if (near is not null)
        {
            return RequirementOutcome.Review(Id, $"a line reads \"{near.Line}\" ({near.Where}), not \"{expected}\": does it name the licensor?", near.Evidence("a line like the required one"));
        }

        if (full.FirstOrDefault(s => s.Hidden is not null) is { } hidden)
        {
            return RequirementOutcome.Fail(Id, $"\"{hidden.Line}\" is on the page but hidden from readers ({hidden.Hidden}), {hidden.Where}", hidden.Evidence($"hidden: {hidden.Hidden}"));
        }

        if (seen.FirstOrDefault(s => s.Spot == Spot.Chrome) is { } chrome)
        {
            return RequirementOutcome.Fail(Id, $"\"{chrome.Line}\" appears only {chrome.Where}, not with the article", chrome.Evidence("in site chrome"));
        }

        return RequirementOutcome.Fail(Id, $"no line reading \"{expected}\" on the page (looked for {string.Join(" or ", templates.Select(t => $"\"{t.Text}\""))} in its visible and hidden text)");
    }

    /// <summary>Every line of the page that holds a wording of the required line, or nearly does, visible or hidden.</summary>
    private IEnumerable<Sighting> Sightings(CheckContext context)
    {
        foreach (var block in context.Page.Blocks)
        {
            var (spot, words) = ArticlePlacement.Of(context, block.Element);
            for (var line = 0; line < block.Lines.Count; line++)
            {
                var tokens = block.LineTokens(line);
                if (Find(tokens.Select(t => t.Value).ToList(), context) is { } match)
                {
                    yield return new Sighting(block, Slice(block.Lines[line], tokens, match), match, spot, words, null);
                }
            }

            if (block.HiddenText.Length > 0 && Find(block.HiddenTokens.Select(t => t.Value).ToList(), context) is { Other: null } hidden)
            {
                var reason = block.HiddenReason ?? "hidden";
                yield return new Sighting(block, Slice(block.HiddenText, block.HiddenTokens, hidden), hidden, spot, words, reason);
            }
        }
    }

    private LineMatch? Find(List<string> words, CheckContext context)
    {
        LineMatch? near = null;
        foreach (var template in templates)
        {
            var match = template.Find(words, context);
            if (match is { Other: null })
            {
                return match;
            }

            near ??= match;
        }

        return near;
    }

    private static string Slice(string text, IReadOnlyList<Token> tokens, LineMatch match)
    {
        var end = Math.Min(match.End, tokens.Count) - 1;
        return TextFolding.CollapseWhiteSpace(text[tokens[match.Start].Start..tokens[Math.Max(end, match.Start)].End]);
    }

    private sealed record Sighting(TextBlock Block, string Line, LineMatch Match, Spot Spot, string Where, string? Hidden)
    {
        public Evidence Evidence(string note) => EvidenceFactory.For(EvidenceFactory.Narrowest(Block, Line), note, Line);
    }
}
