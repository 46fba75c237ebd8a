using System.Globalization;
using System.Text;

namespace Syndication.Reporting;

/// <summary>
/// Makes partner-supplied text safe to show: control characters, escape sequences, bidirectional overrides, lone
/// surrogates and non-characters are shown escaped (\u001B); line breaks become "\n", so one event stays one line.
/// Every report runs page text through here before its own encoding (HTML, XML, CSV, Markdown, terminal).
/// </summary>
public static class TerminalText
{
    public static string Safe(string? text) => Safe(text, keepLineBreaks: false);

    /// <summary>With <paramref name="keepLineBreaks"/>, LF and tab stay as they are (for multi-line evidence in HTML or XML).</summary>
    public static string Safe(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? escape;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            escape = c switch
            {
                '\n' or '\t' when keepLineBreaks => null,
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || IsInvisibleControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => Hex(c),
                _ => null,
            };
            if (escape is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(escape);
        }

        return builder?.ToString() ?? text;
    }

    private static string Hex(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    // Bidi embeddings, overrides, isolates and marks reorder what a reader sees; a BOM inside text hides.
    private static bool IsInvisibleControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C' or '\uFEFF';
}
