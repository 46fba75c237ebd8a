using Syndication.Parsing;

namespace Syndication.Matching;

/// <summary>
/// Decides which original a page republishes. A republication shares a substantial run of the original's text:
/// at least <see cref="MinParagraphs"/> of its paragraphs (each at least half present), or at least half of a
/// short original. A quoted sentence or two is not one. Boilerplate paragraphs never count.
/// </summary>
public static class OriginalMatcher
{
    public const int MinParagraphs = 3;
    public const double ParagraphCoverage = 0.5;
    public const double MinContainment = 0.5;
    private const int MinSharedShingles = 12;
    private const int CandidatesExamined = 5;

    public static MatchOutcome Match(PageDocument page, OriginalCatalogue catalogue)
    {
        if (catalogue.Count == 0)
        {
            return new MatchOutcome(null, "no originals were given");
        }

        var pageShingles = PageShingles(page);
        // The index proposes the originals sharing the most fingerprints; each is then compared in full, and one that
        // shares fewer than MinSharedShingles shingles in all is no candidate (as a quotation of a sentence or two is not).
        var candidates = catalogue.Candidates(pageShingles, CandidatesExamined)
            .Select(c => catalogue.Get(c.Id))
            .Where(original => original.AllShingles.Count(pageShingles.Contains) >= MinSharedShingles)
            .Select(original => Evaluate(original, pageShingles))
            .ToList();
        var best = candidates.Where(c => c.Accepted).OrderByDescending(c => c.Shared).ThenByDescending(c => c.Containment).FirstOrDefault();
        if (best is null)
        {
            var closest = candidates.OrderByDescending(c => c.Shared).FirstOrDefault();
            var reason = closest is null || closest.Paragraphs == 0
                ? $"no substantial text from any of the {catalogue.Count} original(s)"
                : $"shares only {closest.Paragraphs} paragraph(s) ({closest.Containment:P0} of the text) with \"{closest.Original.Original.Title}\": a quotation, not a republication";
            return new MatchOutcome(null, reason);
        }

        var blocks = MatchedBlocks(page, best.Original);
        return new MatchOutcome(new OriginalMatch(best.Original, Math.Round(best.Containment, 3), best.Paragraphs, blocks), "matched");
    }

    /// <summary>
    /// Matches a page against the one original its partner list names. The list is a person's word, so one paragraph
    /// of the original's text is enough to locate the article; none at all is a question for a person.
    /// </summary>
    public static MatchOutcome MatchExpected(PageDocument page, IndexedOriginal original)
    {
        var blocks = MatchedBlocks(page, original);
        if (blocks.Count == 0)
        {
            return new MatchOutcome(null, $"the partner list says this page republishes \"{original.Original.Title}\", but none of its text is on the page");
        }

        var candidate = Evaluate(original, PageShingles(page));
        return new MatchOutcome(new OriginalMatch(original, Math.Round(candidate.Containment, 3), candidate.Paragraphs, blocks), "matched the original the partner list names");
    }

    /// <summary>The page blocks that carry the original's text: most of their shingles are the original's.</summary>
    public static List<TextBlock> MatchedBlocks(PageDocument page, IndexedOriginal original)
    {
        var matched = new List<TextBlock>();
        foreach (var block in page.Blocks)
        {
            var shingles = block.Shingles;
            if (shingles.Length > 0)
            {
                var present = shingles.Count(original.AllShingles.Contains);
                if (present >= Math.Max(1, shingles.Length * ParagraphCoverage))
                {
                    matched.Add(block);
                }
            }
            else if (block.WordCount >= 2 && original.FoldedParagraphs.Contains(string.Join(' ', block.Tokens.Select(t => t.Value))))
            {
                matched.Add(block);
            }
        }

        return matched;
    }

    /// <summary>Every distinct shingle of the page's blocks, in the order the blocks first give them.</summary>
    private static HashSet<ulong> PageShingles(PageDocument page)
    {
        var shingles = new HashSet<ulong>();
        foreach (var block in page.Blocks)
        {
            shingles.UnionWith(block.Shingles);
        }

        return shingles;
    }

    private static Candidate Evaluate(IndexedOriginal original, HashSet<ulong> pageShingles)
    {
        var paragraphs = 0;
        var shared = 0;
        foreach (var paragraph in original.Paragraphs)
        {
            if (paragraph.IsBoilerplate || paragraph.Shingles.Count == 0)
            {
                continue;
            }

            var present = paragraph.Shingles.Count(pageShingles.Contains);
            shared += present;
            if (present >= paragraph.Shingles.Count * ParagraphCoverage)
            {
                paragraphs++;
            }
        }

        var containment = original.ContentShingleCount == 0 ? 0 : (double)shared / original.ContentShingleCount;
        var accepted = paragraphs >= MinParagraphs || (containment >= MinContainment && shared >= MinSharedShingles);
        return new Candidate(original, paragraphs, shared, containment, accepted);
    }

    private sealed record Candidate(IndexedOriginal Original, int Paragraphs, int Shared, double Containment, bool Accepted);
}
