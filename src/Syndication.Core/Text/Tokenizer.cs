using System.Globalization;

namespace Syndication.Text;

/// <summary>
/// Splits text into folded words. Letters and digits make words; everything else separates them,
/// apostrophes and hyphens included, so "Foundation’s" gives "foundation" + "s" and names compare alike
/// on both sides. Han, kana and hangul characters are one word each, as those scripts do not space words.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 6 + 1);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Astral letters are rare in names; keep them inside the current word. (An unpaired surrogate is not a
                // letter: it separates words.)
                if (start < 0)
                {
                    start = i;
                }

                i++;
                continue;
            }

            var isWordChar = char.IsLetterOrDigit(c) || IsMark(c);
            if (isWordChar && IsIdeographic(c))
            {
                Flush(text, tokens, ref start, i);
                tokens.Add(new Token(TextFolding.Fold(c.ToString()), i, i + 1));
                continue;
            }

            if (isWordChar)
            {
                // "Nolan22" (a name glued to a date by markup) is two words.
                if (start >= 0 && i > start && char.IsDigit(c) != char.IsDigit(text[i - 1]) && !IsMark(c))
                {
                    Flush(text, tokens, ref start, i);
                }

                if (start < 0)
                {
                    start = i;
                }
            }
            else
            {
                Flush(text, tokens, ref start, i);
            }
        }

        return tokens;
    }

    public static string[] Words(string text)
    {
        var tokens = Tokenize(text);
        var words = new string[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            words[i] = tokens[i].Value;
        }

        return words;
    }

    private static void Flush(string text, List<Token> tokens, ref int start, int end)
    {
        if (start < 0)
        {
            return;
        }

        var folded = FoldWord(text, start, end);
        if (folded.Length > 0)
        {
            tokens.Add(new Token(folded, start, end));
        }

        start = -1;
    }

    private static bool IsMark(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsIdeographic(char c) =>
        c is (>= '\u3040' and <= '\u30FF') // kana
            or (>= '\u3400' and <= '\u4DBF') // CJK extension A
            or (>= '\u4E00' and <= '\u9FFF') // CJK unified ideographs
            or (>= '\uAC00' and <= '\uD7AF') // hangul syllables
            or (>= '\uF900' and <= '\uFAFF'); // CJK compatibility

    /// <summary>Folds one word; ASCII words (most of them) skip Unicode normalisation.</summary>
    private static string FoldWord(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        var ascii = true;
        var lower = true;
        foreach (var c in span)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }

            lower &= c is < 'A' or > 'Z';
        }

        if (!ascii)
        {
            return TextFolding.Fold(span.ToString());
        }

        if (lower)
        {
            return span.ToString();
        }

        return string.Create(span.Length, (text, start), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var c = state.text[state.start + i];
                chars[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });
    }
}
