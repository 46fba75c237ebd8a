namespace Syndication.Text;

/// <summary>How alike two headlines are: the share of words they have in common (Jaccard), 0 to 1.</summary>
public static class TitleSimilarity
{
    public static double Of(string a, string b) => Of(a, WordsOf(b));

    /// <summary>As <see cref="Of(string, string)"/>, with the second headline's words already at hand (one title, many headings).</summary>
    public static double Of(string a, HashSet<string> wb)
    {
        var wa = WordsOf(a);
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0;
        }

        var shared = wa.Count(wb.Contains);
        return (double)shared / (wa.Count + wb.Count - shared);
    }

    /// <summary>A headline's distinct folded words.</summary>
    public static HashSet<string> WordsOf(string headline) => [.. Tokenizer.Words(headline)];
}
