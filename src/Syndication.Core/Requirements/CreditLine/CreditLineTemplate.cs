using System.Text.RegularExpressions;
using Syndication.Checks;
using Syndication.Text;

namespace Syndication.Requirements.CreditLine;

/// <summary>
/// A required line as words: the profile's text, with <c>{licensor}</c> (any of the profile's names),
/// <c>{reporter}</c> (any reporter of the original) and <c>{title}</c> (the original's title) filled in. Matched on
/// folded words, so case, accents, punctuation, spacing and links inside the line do not matter.
/// </summary>
internal sealed partial class CreditLineTemplate
{
    private readonly List<Slot> _slots = [];

    public CreditLineTemplate(string text)
    {
        Text = text;
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(text))
        {
            _slots.AddRange(Tokenizer.Words(text[at..placeholder.Index]).Select(w => new Slot(w, null)));
            _slots.Add(new Slot(null, placeholder.Groups[1].Value.ToLowerInvariant()));
            at = placeholder.Index + placeholder.Length;
        }

        _slots.AddRange(Tokenizer.Words(text[at..]).Select(w => new Slot(w, null)));
    }

    public static IReadOnlyList<string> Placeholders { get; } = ["licensor", "reporter", "title"];

    public string Text { get; }

    /// <summary>Placeholders the template uses that are not known (the profile loader refuses them).</summary>
    public IEnumerable<string> UnknownPlaceholders => _slots.Where(s => s.Placeholder is not null && !Placeholders.Contains(s.Placeholder)).Select(s => s.Placeholder!);

    /// <summary>The line as a reader would see it for this page ("This story was originally published by CalMatters").</summary>
    public string Expected(CheckContext context) => Placeholder().Replace(Text, m => m.Groups[1].Value.ToLowerInvariant() switch
    {
        "licensor" => context.Profile.Licensor,
        "reporter" => context.Reporters.Count > 0 ? context.Reporters[0].Display : "the reporter",
        "title" => context.Original?.Title ?? "the original's title",
        _ => m.Value,
    });

    /// <summary>
    /// Where the line stands in <paramref name="words"/>: a full match, or a near miss — every word of the line but a
    /// placeholder's, which holds something else (<see cref="LineMatch.Other"/> then says whether it is one of the profile's
    /// names of another organisation).
    /// </summary>
    public LineMatch? Find(IReadOnlyList<string> words, CheckContext context)
    {
        LineMatch? nearMiss = null;
        for (var start = 0; start < words.Count; start++)
        {
            var (end, missedAt) = MatchAt(words, start, context);
            if (end >= 0)
            {
                return new LineMatch(start, end, null);
            }

            if (missedAt is { } miss && nearMiss is null && miss.Literals >= 3)
            {
                var other = context.Profile.NotNames.Any(n => StartsWith(words, miss.Position, n.Words));
                nearMiss = new LineMatch(start, Math.Min(words.Count, miss.Position + 4), other ? "another organisation" : "something else");
            }
        }

        return nearMiss;
    }

    private (int End, (int Position, int Literals)? Miss) MatchAt(IReadOnlyList<string> words, int start, CheckContext context)
    {
        var position = start;
        var literals = 0;
        foreach (var slot in _slots)
        {
            if (slot.Word is { } word)
            {
                if (position >= words.Count || words[position] != word)
                {
                    return (-1, null);
                }

                position++;
                literals++;
                continue;
            }

            var length = Alternatives(slot.Placeholder!, context).Select(a => StartsWith(words, position, a) ? a.Count : -1).DefaultIfEmpty(-1).Max();
            if (length < 0)
            {
                return (-1, (position, literals));
            }

            position += length;
        }

        return (position, null);
    }

    private static IEnumerable<IReadOnlyList<string>> Alternatives(string placeholder, CheckContext context) => placeholder switch
    {
        "licensor" => context.Profile.Names.Select(n => n.Words),
        "reporter" => context.Reporters.Select(r => r.Words),
        "title" => context.Original is { } original ? [Tokenizer.Words(original.Title)] : [],
        _ => [],
    };

    private static bool StartsWith(IReadOnlyList<string> words, int at, IReadOnlyList<string> name)
    {
        if (name.Count == 0 || at + name.Count > words.Count)
        {
            return false;
        }

        for (var i = 0; i < name.Count; i++)
        {
            if (words[at + i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    private sealed record Slot(string? Word, string? Placeholder);
}

/// <summary>Where a line matched, by word; <see cref="Other"/> is null for a full match, else what stands in the placeholder.</summary>
internal sealed record LineMatch(int Start, int End, string? Other);
