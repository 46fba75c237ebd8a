using System.Globalization;
using System.Text;

namespace Syndication.Text;

/// <summary>
/// Folds text for comparison: lower case, no diacritics, every run of white space (non-breaking too) one space.
/// Matching names and paragraphs must not depend on case, accents or how a CMS spaced the text.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            var ascii = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                AppendFolded(ascii, c);
            }

            return ascii.ToString();
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in WellFormed(text).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            AppendFolded(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>The text with any unpaired surrogate replaced by U+FFFD, as a browser shows it: normalisation refuses them.</summary>
    public static string WellFormed(string text)
    {
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                bad = i;
                break;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = bad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>Collapses white space (including non-breaking and zero-width characters) and trims.</summary>
    public static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';

    /// <summary>Zero-width and formatting characters a reader never sees as text.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static void AppendFolded(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ß': builder.Append("ss"); return;
            case 'ø' or 'Ø': builder.Append('o'); return;
            case 'ł' or 'Ł': builder.Append('l'); return;
            case 'đ' or 'Đ': builder.Append('d'); return;
            case 'æ' or 'Æ': builder.Append("ae"); return;
            case 'œ' or 'Œ': builder.Append("oe"); return;
            case 'ı': builder.Append('i'); return;
        }

        if (IsSpace(c))
        {
            builder.Append(' ');
            return;
        }

        builder.Append(char.ToLowerInvariant(c));
    }
}
