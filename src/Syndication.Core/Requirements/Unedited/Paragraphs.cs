namespace Syndication.Requirements.Unedited;

/// <summary>Paragraphs into sentences, with each character marked as inside quotation marks or not (a quote may run over sentences).</summary>
internal static class Paragraphs
{
    public static IEnumerable<(string Text, bool[] Quoted)> Sentences(string paragraph)
    {
        var quoted = Quotes(paragraph);
        var at = 0;
        foreach (var sentence in Unedited.Sentences.Of(paragraph))
        {
            var start = paragraph.IndexOf(sentence, at, StringComparison.Ordinal);
            if (start < 0)
            {
                start = at;
            }

            var mask = new bool[sentence.Length];
            Array.Copy(quoted, start, mask, 0, Math.Min(sentence.Length, quoted.Length - start));
            at = start + sentence.Length;
            yield return (sentence, mask);
        }
    }

    /// <summary>Which characters stand inside “curly” or "straight" quotation marks (an unclosed quote runs to the paragraph's end).</summary>
    private static bool[] Quotes(string text)
    {
        var mask = new bool[text.Length];
        var open = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '“' || (c == '"' && !open))
            {
                open = true;
            }
            else if (c == '”' || (c == '"' && open))
            {
                mask[i] = true;
                open = false;
                continue;
            }

            mask[i] = open;
        }

        return mask;
    }
}
