using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;
using Syndication.Checks;
using Syndication.Originals;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Requirements.Unedited;

/// <summary>
/// The republished story against the original, sentence by sentence (DiffPlex aligns them), then word by word inside
/// a changed sentence. Allowed edits are listed and pass: style and spelling, time and place references, dropped
/// captions and related-stories lines, notes. A cut or added sentence, a changed quote or a changed number fails,
/// with the words as evidence; other rewording, text added around the story and moved paragraphs are for review.
/// </summary>
internal sealed partial class UneditedCheck(string id, bool headlineStyleOnly, bool withNote) : IRequirementCheck
{
    private const double SameSentence = 0.5;
    private const int MostEvidence = 8;

    public string Id => id;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        if (context.Original is not { } original)
        {
            return RequirementOutcome.Review(Id, "no original is at hand (the article was found from the page, with --reporter): there is no text to compare it with");
        }

        var before = OriginalUnits(context, original);
        var after = PageUnits(context);
        var edits = Compare(before, after, context);
        edits.AddRange(Headline(context, original));
        if (withNote && Note(context) is { } note)
        {
            edits = edits.Select(e => e.Weight != Outcome.Pass && e.What is "added sentence" or "changed wording" or "added around the story"
                ? e with { What = $"{e.What} (with the note \"{EvidenceFactory.Shorten(note, 60)}\")", Weight = Outcome.Pass }
                : e).ToList();
        }

        var fails = edits.Where(e => e.Weight == Outcome.Fail).ToList();
        var reviews = edits.Where(e => e.Weight == Outcome.Review).ToList();
        var allowed = edits.Where(e => e.Weight == Outcome.Pass).ToList();
        var evidence = fails.Concat(reviews).Concat(allowed).Take(MostEvidence).Select(e => Evidence(context, e)).ToArray();
        var compared = $"{before.Count} sentence(s) of the original compared with {after.Count(u => u.Position == Around.Within)} on the page";
        if (fails.Count > 0)
        {
            return RequirementOutcome.Fail(Id, $"the story was edited beyond time, place and style: {Summary(fails)}{Also(reviews, allowed)} ({compared})", evidence);
        }

        if (reviews.Count > 0)
        {
            return RequirementOutcome.Review(Id, $"the story may have been edited: {Summary(reviews)}; a person should look{Also([], allowed)} ({compared})", evidence);
        }

        return allowed.Count == 0
            ? RequirementOutcome.Pass(Id, $"the story is word for word the original's ({compared})", EvidenceFactory.For(context.Region.Body, "the story compared", EvidenceFactory.Shorten(context.Region.FirstStoryBlock.Text)))
            : RequirementOutcome.Pass(Id, $"the story is the original's, with edits the licence allows: {Summary(allowed)} ({compared})", evidence);
    }

    private static string Summary(IEnumerable<Edit> edits) =>
        string.Join(", ", edits.GroupBy(e => e.What).Select(g => g.Count() == 1 ? $"{g.Key} ({EvidenceFactory.Shorten(g.First().Diff, 90)})" : $"{g.Count()} × {g.Key}"));

    private static string Also(List<Edit> reviews, List<Edit> allowed)
    {
        var parts = new List<string>();
        if (reviews.Count > 0)
        {
            parts.Add($"for review: {string.Join(", ", reviews.GroupBy(e => e.What).Select(g => $"{g.Count()} × {g.Key}"))}");
        }

        if (allowed.Count > 0)
        {
            parts.Add($"allowed: {string.Join(", ", allowed.GroupBy(e => e.What).Select(g => $"{g.Count()} × {g.Key}"))}");
        }

        return parts.Count == 0 ? string.Empty : "; " + string.Join("; ", parts);
    }

    private static Evidence Evidence(CheckContext context, Edit edit)
    {
        var element = edit.Republished?.Block?.Element ?? context.Region.Body;
        return new Evidence(Parsing.SelectorPath.For(element), Parsing.Snippet.Of(element), EvidenceFactory.Shorten(edit.Diff), $"{edit.What} ({VerdictNames.Of(edit.Weight)})");
    }

    /// <summary>The original's sentences, each marked when a republication may drop it (a caption, the licensor's boilerplate, a related-stories line).</summary>
    private static List<Unit> OriginalUnits(CheckContext context, Original original)
    {
        var captions = original.Captions.Select(c => string.Join(' ', Tokenizer.Words(c))).ToHashSet(StringComparer.Ordinal);
        var units = new List<Unit>();
        foreach (var paragraph in original.Paragraphs)
        {
            var key = string.Join(' ', Tokenizer.Words(paragraph));
            var drop = captions.Contains(key) ? "dropped caption" : context.Profile.IsBoilerplate(paragraph) ? "dropped licensing boilerplate" : null;
            foreach (var (text, quoted) in Paragraphs.Sentences(paragraph))
            {
                var unit = new Unit(text, quoted) { MayDrop = drop ?? (Navigation().IsMatch(text) ? "dropped related-stories line" : null) };
                if (unit.Words.Count > 0)
                {
                    units.Add(unit);
                }
            }
        }

        return units;
    }

    /// <summary>The republication's sentences in the article region, each with its block and where it stands; headline, chrome and the partner's own captions left out.</summary>
    private static List<Unit> PageUnits(CheckContext context)
    {
        var region = context.Region;
        var units = new List<Unit>();
        foreach (var block in context.Page.Blocks)
        {
            if (block.Order < region.Start || block.Order > region.End || InCaption(block.Element)
                || (region.Headline is { } headline && (ReferenceEquals(headline, block.Element) || headline.Contains(block.Element))))
            {
                continue;
            }

            var zone = region.ZoneOf(block.Element);
            if (zone == Locating.RegionZone.Outside)
            {
                continue;
            }

            var position = zone switch
            {
                Locating.RegionZone.Opening => Around.Before,
                Locating.RegionZone.Closing => Around.After,
                _ => Around.Within,
            };
            foreach (var line in block.Lines)
            {
                foreach (var (text, quoted) in Paragraphs.Sentences(line))
                {
                    var unit = new Unit(text, quoted) { Block = block, Position = position };
                    if (unit.Words.Count > 0)
                    {
                        units.Add(unit);
                    }
                }
            }
        }

        return units;
    }

    private static bool InCaption(AngleSharp.Dom.IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "figure" or "figcaption" || e.ClassList.Contains("wp-caption-text"))
            {
                return true;
            }
        }

        return false;
    }

    private static List<Edit> Compare(List<Unit> before, List<Unit> after, CheckContext context)
    {
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', before.Select(u => u.Key)), string.Join('\n', after.Select(u => u.Key)), false, false, LineChunker.Instance);
        var edits = new List<Edit>();
        var cut = new List<Unit>();
        var added = new List<Unit>();
        foreach (var block in diff.DiffBlocks)
        {
            var deleted = before.GetRange(block.DeleteStartA, block.DeleteCountA);
            var inserted = after.GetRange(block.InsertStartB, block.InsertCountB);
            foreach (var unit in deleted.Where(u => u.MayDrop is not null))
            {
                edits.Add(new Edit(unit.MayDrop!, Outcome.Pass, $"[-{unit.Text}-]", unit, null));
            }

            deleted.RemoveAll(u => u.MayDrop is not null);
            foreach (var unit in inserted.Where(u => IsAroundTheStory(u, context) && IsNote(u.Text, context)))
            {
                edits.Add(new Edit("note or credit line", Outcome.Pass, $"{{+{unit.Text}+}}", null, unit));
            }

            inserted.RemoveAll(u => IsAroundTheStory(u, context));
            Pair(deleted, inserted, edits, cut, added);
        }

        // A sentence cut in one place and added in another was moved; one added twice is a pull quote.
        var originalKeys = before.Select(u => u.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in added.ToList())
        {
            if (cut.FirstOrDefault(c => c.Key == unit.Key) is { } moved)
            {
                cut.Remove(moved);
                added.Remove(unit);
                edits.Add(new Edit("moved sentence", Outcome.Review, $"moved: {unit.Text}", moved, unit));
            }
            else if (originalKeys.Contains(unit.Key))
            {
                added.Remove(unit);
                edits.Add(new Edit("repeated sentence (a pull quote)", Outcome.Pass, $"{{+{unit.Text}+}}", null, unit));
            }
        }

        // A sentence the page still shows outside the located article, or hides behind a "read more": the locator may
        // have cut the story short, or a reader may open it. A person should look rather than the partner be accused.
        var elsewhere = Elsewhere(context);
        foreach (var unit in cut)
        {
            edits.Add(elsewhere.TryGetValue(unit.Key, out var where)
                ? new Edit($"sentence {where}", Outcome.Review, $"[-{unit.Text}-]", unit, After(after, unit, before))
                : new Edit("cut sentence", Outcome.Fail, $"[-{unit.Text}-]", unit, After(after, unit, before)));
        }

        // A sentence added inside a paragraph of the story is an edit. A paragraph of its own that the original lacks
        // may be the partner's text, or a box the locator took for the story (an embed, a promotion): a person decides.
        var storyBlocks = after.Where(u => u.Position == Around.Within && !added.Contains(u)).Select(u => u.Block).ToHashSet();
        foreach (var unit in added)
        {
            edits.Add(unit.Position != Around.Within ? new Edit("added around the story", Outcome.Review, $"{{+{unit.Text}+}}", null, unit)
                : IsNote(unit.Text, context) ? new Edit("note in the story", Outcome.Pass, $"{{+{unit.Text}+}}", null, unit)
                : storyBlocks.Contains(unit.Block) ? new Edit("added sentence", Outcome.Fail, $"{{+{unit.Text}+}}", null, unit)
                : new Edit("added paragraph", Outcome.Review, $"{{+{unit.Text}+}}", null, unit));
        }

        return edits;
    }

    /// <summary>The sentences of the page outside the article region, and those hidden in it, each with where it stands.</summary>
    private static Dictionary<string, string> Elsewhere(CheckContext context)
    {
        var region = context.Region;
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in context.Page.Blocks)
        {
            var outside = region.ZoneOf(block.Element) == Locating.RegionZone.Outside;
            var texts = outside ? block.Lines.Select(l => (Text: l, Where: "outside the located article")) : [];
            if (block.HiddenText.Length > 0)
            {
                texts = texts.Append((block.HiddenText, $"hidden on the page ({block.HiddenReason ?? "hidden"})"));
            }

            foreach (var (text, where) in texts)
            {
                foreach (var (sentence, quoted) in Paragraphs.Sentences(text))
                {
                    found.TryAdd(new Unit(sentence, quoted).Key, where);
                }
            }
        }

        return found;
    }

    /// <summary>The republication's sentence nearest before where a cut sentence stood, to point the evidence at.</summary>
    private static Unit? After(List<Unit> after, Unit cut, List<Unit> before)
    {
        var index = before.IndexOf(cut);
        for (var i = index - 1; i >= 0; i--)
        {
            if (after.FirstOrDefault(u => u.Key == before[i].Key) is { } kept)
            {
                return kept;
            }
        }

        return after.FirstOrDefault(u => u.Position == Around.Within);
    }

    /// <summary>
    /// Text around the story that is no edit: short labels ("Advertisement", a date), and before or after the story the
    /// credit lines and notes that name the licensor or the reporters, and lines too short to be prose.
    /// </summary>
    private static bool IsAroundTheStory(Unit unit, CheckContext context)
    {
        var prose = unit.Words.Count >= 4 && unit.Text.TrimEnd('"', '”', '’', '\'', ')').EndsWith('.') || unit.Text.EndsWith('?') || unit.Text.EndsWith('!');
        if (unit.Words.Count <= 3 && !prose)
        {
            return true;
        }

        return unit.Position != Around.Within && (!prose || unit.Words.Count < 8 || IsNote(unit.Text, context));
    }

    private static bool IsNote(string text, CheckContext context)
    {
        var folded = TextFolding.Fold(text);
        return NotePattern().IsMatch(folded)
            || context.Profile.Names.Any(n => NameFinder.Find(text, n).Count > 0)
            || context.Reporters.Any(r => NameFinder.Find(text, r).Any(m => m.Kind == NameMatchKind.Full));
    }

    /// <summary>A visible note that the republisher added reporting ("Additional reporting by ..."), for licences that allow more with one.</summary>
    private static string? Note(CheckContext context) =>
        context.Page.Blocks.Where(b => context.Region.ZoneOf(b.Element) != Locating.RegionZone.Outside)
            .SelectMany(b => b.Lines).FirstOrDefault(l => AddedReporting().IsMatch(TextFolding.Fold(l)));

    private static void Pair(List<Unit> deleted, List<Unit> inserted, List<Edit> edits, List<Unit> cut, List<Unit> added)
    {
        if (deleted.Count == 0 || inserted.Count == 0)
        {
            cut.AddRange(deleted);
            added.AddRange(inserted);
            return;
        }

        // A sentence split in two or two joined: the run as a whole is one changed passage.
        if ((deleted.Count > 1 || inserted.Count > 1) && Dice(deleted.SelectMany(u => u.Words), inserted.SelectMany(u => u.Words)) >= 0.8)
        {
            var joined = Join(inserted);
            edits.AddRange(Changes(Join(deleted), new Unit(joined.Text, joined.Quoted) { Block = inserted[0].Block, Position = inserted[0].Position }));
            return;
        }

        var left = new List<Unit>(inserted);
        foreach (var original in deleted)
        {
            var best = left.Select(u => (Unit: u, Score: Dice(original.Words, u.Words))).OrderByDescending(p => p.Score).FirstOrDefault();
            if (best.Unit is not null && best.Score >= SameSentence)
            {
                left.Remove(best.Unit);
                edits.AddRange(Changes(original, best.Unit));
            }
            else
            {
                cut.Add(original);
            }
        }

        added.AddRange(left);
    }

    private static Unit Join(List<Unit> units) =>
        new(string.Join(' ', units.Select(u => u.Text)), [.. units.SelectMany((u, i) => i == 0 ? u.Quoted : [false, .. u.Quoted])]);

    /// <summary>The word-level edits inside one changed sentence, each weighed by what it is.</summary>
    private static IEnumerable<Edit> Changes(Unit original, Unit republished)
    {
        var numbersDiffer = !Numbers(original.Text).SequenceEqual(Numbers(republished.Text));
        var diff = Differ.Instance.CreateDiffs(string.Join('\n', original.Words), string.Join('\n', republished.Words), false, false, LineChunker.Instance);
        foreach (var block in diff.DiffBlocks)
        {
            var gone = original.Words.GetRange(block.DeleteStartA, block.DeleteCountA);
            var come = republished.Words.GetRange(block.InsertStartB, block.InsertCountB);
            var quoted = Enumerable.Range(block.DeleteStartA, block.DeleteCountA).Any(original.IsQuoted)
                || Enumerable.Range(block.InsertStartB, block.InsertCountB).Any(republished.IsQuoted)
                || (block.DeleteCountA == 0 && block.DeleteStartA > 0 && block.DeleteStartA < original.Words.Count && original.IsQuoted(block.DeleteStartA) && original.IsQuoted(block.DeleteStartA - 1));
            var numbers = gone.Any(Wording.IsNumber) || come.Any(Wording.IsNumber);
            var (what, weight) = (Wording.SameInAnotherStyle(gone, come) && !(numbers && numbersDiffer)) ? ("style", Outcome.Pass)
                : quoted ? ("changed quote", Outcome.Fail)
                : Wording.IsTimeReference(gone, come) ? ("time reference", Outcome.Pass)
                : Wording.IsPlaceReference(gone, come) ? ("place reference", Outcome.Pass)
                : numbers ? ("changed number", Outcome.Fail)
                : ("changed wording", Outcome.Review);
            yield return new Edit(what, weight, WordDiff(original, republished, block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB), original, republished);
        }
    }

    /// <summary>"…context [-old words-]{+new words+} context…", the words as each side writes them.</summary>
    private static string WordDiff(Unit original, Unit republished, int deleteStart, int deleteCount, int insertStart, int insertCount)
    {
        const int Context = 5;
        string Span(Unit unit, int from, int count) => count <= 0 ? string.Empty : unit.Text[unit.Tokens[from].Start..unit.Tokens[from + count - 1].End];
        var leadFrom = Math.Max(0, insertStart - Context);
        var lead = Span(republished, leadFrom, insertStart - leadFrom);
        var trailCount = Math.Min(Context, republished.Tokens.Count - (insertStart + insertCount));
        var trail = Span(republished, insertStart + insertCount, trailCount);
        var gone = Span(original, deleteStart, deleteCount);
        var come = Span(republished, insertStart, insertCount);
        var change = (gone.Length > 0 ? $"[-{gone}-]" : string.Empty) + (come.Length > 0 ? $"{{+{come}+}}" : string.Empty);
        return $"{(leadFrom > 0 ? "…" : string.Empty)}{lead} {change} {trail}{(insertStart + insertCount + trailCount < republished.Tokens.Count ? "…" : string.Empty)}".Trim();
    }

    private IEnumerable<Edit> Headline(CheckContext context, Original original)
    {
        if (context.Region.Headline is not { } element)
        {
            yield break;
        }

        var shown = TextFolding.CollapseWhiteSpace(element.TextContent);
        var (before, after) = (Tokenizer.Words(original.Title), Tokenizer.Words(shown));
        if (before.SequenceEqual(after) || Wording.SameInAnotherStyle(before, after))
        {
            yield break;
        }

        var diff = $"[-{original.Title}-]{{+{shown}+}}";
        yield return headlineStyleOnly
            ? new Edit("rewritten headline", Outcome.Fail, diff, null, null)
            : new Edit("rewritten headline (the licence allows it)", Outcome.Pass, diff, null, null);
    }

    private static double Dice(IEnumerable<string> a, IEnumerable<string> b)
    {
        var left = a.ToList();
        var right = b.ToList();
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var counts = right.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var shared = 0;
        foreach (var word in left)
        {
            if (counts.TryGetValue(word, out var n) && n > 0)
            {
                counts[word] = n - 1;
                shared++;
            }
        }

        return 2.0 * shared / (left.Count + right.Count);
    }

    /// <summary>The numbers a sentence states, as digits ("1,000" and "1000" alike; "five" as 5; "2.5" kept whole).</summary>
    private static List<string> Numbers(string text)
    {
        var numbers = NumberPattern().Matches(text).Select(m => m.Value.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('.')).ToList();
        numbers.AddRange(Tokenizer.Words(text).Where(w => !char.IsDigit(w[0]) && Wording.IsNumber(w)).Select(w => w));
        return numbers;
    }

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\W*\(?\s*(related|read more|see also|more|watch|listen|click here|sign up|subscribe)\b\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Navigation();

    [GeneratedRegex(@"\beditor s note\b|\badditional reporting\b|\bcontributed to this (report|story)\b|\boriginally (published|appeared|ran)\b|\brepublished\b|\breprinted\b|\bcreative commons\b|\bthis (story|article) (was|is|first|has)\b|\bcorrection\b|\bupdated?\b|\bsign up\b|\bsubscribe\b|\bnewsletter\b|\badvertisement\b|\bread more\b|\brelated\b|\bclick here\b|\bfollow us\b|\bwith permission\b")]
    private static partial Regex NotePattern();

    [GeneratedRegex(@"\badditional reporting\b|\bcontributed to this (report|story)\b|\bthis (story|article) (has been|was) (updated|edited|changed)\b|\beditor s note\b")]
    private static partial Regex AddedReporting();
}
