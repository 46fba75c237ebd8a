namespace Syndication.Text;

/// <summary>
/// Shortens text for evidence, reasons and reports to at most a given length, "…" marking what gave way. A surrogate
/// pair (an emoji) is kept whole or dropped whole, never split into a lone half that every report would show escaped.
/// </summary>
public static class TextShortening
{
    /// <summary>The text in at most <paramref name="max"/> characters; when longer, its end gives way to "…".</summary>
    public static string End(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep] + "…";
    }

    /// <summary>Like <see cref="End"/>, but the start gives way to "…" (an address, whose end tells pages apart).</summary>
    public static string Start(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        var from = text.Length - (max - 1);
        if (from < text.Length && char.IsLowSurrogate(text[from]))
        {
            from++;
        }

        return "…" + text[from..];
    }
}
