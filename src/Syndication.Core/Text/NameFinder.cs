using Syndication.Parsing;

namespace Syndication.Text;

/// <summary>
/// Finds a person's name in text, tolerating case, diacritics, white space and markup splits (the text is the
/// element's visible text, so markup is already gone). A middle initial may be present on one side only.
/// A first or last name alone is reported as <see cref="NameMatchKind.Partial"/>, never as the name.
/// </summary>
public static class NameFinder
{
    public static List<NameMatch> Find(string text, PersonName name) => Find(text, Tokenizer.Tokenize(text), name);

    /// <summary>
    /// Folded words of which every match <see cref="Find(string, IReadOnlyList{Token}, PersonName)"/> can return holds
    /// at least one: the last word and the glued form for a full match, and the first word too for a partial one. A
    /// page's word index is asked for these, so only blocks that can hold the name are read.
    /// </summary>
    public static IEnumerable<string> IndexWords(PersonName name, bool partial)
    {
        var words = name.Words;
        if (words.Count == 0)
        {
            yield break;
        }

        yield return words[^1];
        if (words.Count > 1)
        {
            yield return string.Concat(words);
            if (partial)
            {
                yield return words[0];
            }
        }
    }

    public static List<NameMatch> Find(string text, IReadOnlyList<Token> tokens, PersonName name)
    {
        var matches = new List<NameMatch>();
        var words = name.Words;
        if (words.Count == 0)
        {
            return matches;
        }

        var covered = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            PageCost.Check();
            var end = MatchAt(tokens, i, words);
            if (end > i)
            {
                matches.Add(new NameMatch(tokens[i].Start, tokens[end - 1].End, NameMatchKind.Full));
                for (var k = i; k < end; k++)
                {
                    covered[k] = true;
                }

                i = end - 1;
            }
        }

        // Names glued together by markup without a space ("<b>Micaela</b><b>Burrow</b>").
        if (words.Count > 1)
        {
            var glued = string.Concat(words);
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!covered[i] && tokens[i].Value == glued)
                {
                    matches.Add(new NameMatch(tokens[i].Start, tokens[i].End, NameMatchKind.Full));
                    covered[i] = true;
                }
            }
        }

        if (words.Count > 1)
        {
            var first = words[0];
            var last = words[^1];
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!covered[i] && (tokens[i].Value == first || tokens[i].Value == last))
                {
                    matches.Add(new NameMatch(tokens[i].Start, tokens[i].End, NameMatchKind.Partial));
                }
            }
        }

        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    /// <summary>Returns the token index after the match, or <paramref name="start"/> when the name does not start here.</summary>
    private static int MatchAt(IReadOnlyList<Token> tokens, int start, IReadOnlyList<string> words)
    {
        var t = start;
        var skipped = false;
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            if (t < tokens.Count && tokens[t].Value == word)
            {
                t++;
                continue;
            }

            // The text has a middle initial the name leaves out ("Jane Q. Doe" for "Jane Doe").
            if (w > 0 && !skipped && t + 1 < tokens.Count && tokens[t].Value.Length == 1 && tokens[t + 1].Value == word)
            {
                skipped = true;
                t += 2;
                continue;
            }

            // The name has a middle initial the text leaves out.
            if (word.Length == 1 && w > 0 && w < words.Count - 1)
            {
                continue;
            }

            return start;
        }

        return t;
    }
}
