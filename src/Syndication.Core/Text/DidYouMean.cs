namespace Syndication.Text;

/// <summary>
/// The name a mistyped one most likely meant ("--fromat" → "--format", "audti" → "audit"): the candidate within a
/// small edit distance (a swap of two letters counts as one edit), or the only one the text begins or ends.
/// </summary>
public static class DidYouMean
{
    /// <summary>The closest candidate, or null when none is close enough to suggest.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var word = typed.Trim();
        if (word.Length == 0)
        {
            return null;
        }

        var names = candidates.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        var best = names
            .Select(name => (Name: name, Distance: Distance(word.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(c => c.Distance <= Allowed(Bare(c.Name).Length))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        if (best.Count > 0 && (best.Count == 1 || best[0].Distance < best[1].Distance))
        {
            return best[0].Name;
        }

        // "--fail" for "--fail-on", "history.db" for "partners.history.db": one candidate holds the whole of it.
        var bare = Bare(word);
        if (bare.Length >= 3)
        {
            var holding = names.Where(n => Bare(n).StartsWith(bare, StringComparison.OrdinalIgnoreCase) || Bare(n).EndsWith(bare, StringComparison.OrdinalIgnoreCase)).ToList();
            if (holding.Count == 1)
            {
                return holding[0];
            }
        }

        return null;
    }

    /// <summary>" (did you mean X?)" when there is a suggestion, else nothing: for the end of an error message.</summary>
    public static string Hint(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } name ? $"; did you mean {name}?" : string.Empty;

    /// <summary>How many edits a name of this length may be off by: one for short names, a third of longer ones.</summary>
    private static int Allowed(int length) => Math.Max(1, length / 3);

    private static string Bare(string name) => name.TrimStart('-');

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
