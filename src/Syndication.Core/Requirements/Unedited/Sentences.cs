using System.Text.RegularExpressions;

namespace Syndication.Requirements.Unedited;

/// <summary>
/// Cuts a paragraph into sentences: at ".", "!" or "?" (and a closing quote or bracket) before a space and a capital,
/// a digit or an opening quote — not after an abbreviation ("Sen.", "U.S.", "Jan.", "Calif."), an initial ("J.") or
/// inside a number ("2.5").
/// </summary>
internal static partial class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "lt", "gen", "col", "sgt", "capt", "cmdr", "adm", "maj", "rev", "st", "jr", "sr",
        "inc", "co", "corp", "ltd", "no", "vs", "etc", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "ft", "mt",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich",
        "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    };

    public static List<string> Of(string paragraph)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match end in Boundary().Matches(paragraph))
        {
            var cut = end.Index + end.Length;
            var before = paragraph[start..end.Index];
            var lastWord = LastWord().Match(before).Value.TrimEnd('.');
            if (Abbreviations.Contains(lastWord) || (lastWord.Length == 1 && char.IsUpper(lastWord[0])))
            {
                continue;
            }

            Add(sentences, paragraph[start..cut]);
            start = cut;
        }

        Add(sentences, paragraph[start..]);
        return sentences;
    }

    private static void Add(List<string> sentences, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }

    /// <summary>The end of a sentence: its mark and any closing quotes or brackets, then white space before what may open one.</summary>
    [GeneratedRegex(@"(?<=[.!?][""”’')\]]*)\s+(?=[""“‘(\[]?[\p{Lu}\d])")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"[\p{L}.]+[.!?][""”’')\]]*$")]
    private static partial Regex LastWord();
}
