using Syndication.Text;

namespace Syndication.Discovery;

/// <summary>
/// How much a candidate's title (a news sitemap's or a feed's), or failing that the words of its URL's slug, looks
/// like the title of some original: the best share of words in common (Jaccard), 0 to 1. It only orders candidates,
/// never drops one (partners rewrite headlines). Titles are indexed by word, so a candidate is compared only with the
/// originals it shares a word with: the cost does not grow with the catalogue.
/// </summary>
public sealed class TitleLikeness
{
    /// <summary>A word in more titles than this ("the", "biden") tells nothing about which original a page carries.</summary>
    private const int MaxPostings = 200;

    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly List<int> _sizes = [];

    public TitleLikeness(IEnumerable<string> titles)
    {
        foreach (var title in titles)
        {
            var words = TitleSimilarity.WordsOf(title);
            var id = _sizes.Count;
            _sizes.Add(words.Count);
            foreach (var word in words)
            {
                if (!_postings.TryGetValue(word, out var list))
                {
                    _postings[word] = list = [];
                }

                if (list.Count <= MaxPostings)
                {
                    list.Add(id);
                }
            }
        }
    }

    /// <summary>The likeness of the listing's title, or of its URL's slug when it has none.</summary>
    public double Of(Listing listing) => Of(listing.Title is { Length: > 0 } title ? TitleSimilarity.WordsOf(title) : SlugWords(listing.Url));

    public double Of(HashSet<string> words)
    {
        if (words.Count == 0)
        {
            return 0;
        }

        var shared = new Dictionary<int, int>();
        foreach (var word in words)
        {
            if (_postings.TryGetValue(word, out var list) && list.Count <= MaxPostings)
            {
                foreach (var id in list)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        var best = 0.0;
        foreach (var (id, count) in shared)
        {
            best = Math.Max(best, (double)count / (words.Count + _sizes[id] - count));
        }

        return best;
    }

    /// <summary>
    /// The words of a URL's last path segment that says something ("iran-sending-hundreds-of-drones" of
    /// /2022/07/12/iran-sending-hundreds-of-drones/ or of /news/iran-drones.html); numbers (ids, dates) left out.
    /// </summary>
    public static HashSet<string> SlugWords(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            var segment = Uri.UnescapeDataString(segments[i]);
            var dot = segment.LastIndexOf('.');
            if (dot > 0 && segment.Length - dot <= 6)
            {
                segment = segment[..dot];
            }

            var words = Tokenizer.Words(segment).Where(w => !w.All(char.IsAsciiDigit)).ToHashSet(StringComparer.Ordinal);
            if (words.Count >= 2)
            {
                return words;
            }
        }

        return [];
    }
}
