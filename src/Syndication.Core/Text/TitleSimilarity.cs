namespace Syndication.Text;

/// <summary>How alike two headlines are: the share of words they have in common (Jaccard), 0 to 1.</summary>
public static class TitleSimilarity
{
    public static double Of(string a, string b)
    {
        var wa = new HashSet<string>(Tokenizer.Words(a));
        var wb = new HashSet<string>(Tokenizer.Words(b));
        if (wa.Count == 0 || wb.Count == 0)
        {
            return 0;
        }

        var shared = wa.Count(wb.Contains);
        return (double)shared / (wa.Count + wb.Count - shared);
    }
}
