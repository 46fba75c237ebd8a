using Syndication.Originals;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Matching;

/// <summary>
/// The licensor's originals, indexed by shingle: an inverted index from each 5-word shingle to the originals that
/// contain it. A page is matched by looking up its own shingles, so the cost grows with the page, not with the
/// number of originals (the catalogue gains articles every day).
/// </summary>
public sealed class OriginalCatalogue
{
    /// <summary>A shingle found in more originals than this is a stock phrase, not evidence of republication.</summary>
    private const int MaxPostings = 8;

    private readonly Dictionary<ulong, List<int>> _postings = [];
    private readonly List<IndexedOriginal> _originals = [];
    private readonly Dictionary<string, IndexedOriginal> _byUrl = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IndexedOriginal> _byTitle = new(StringComparer.OrdinalIgnoreCase);

    public OriginalCatalogue(IEnumerable<Original> originals, LicenceProfile profile)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var original in originals)
        {
            var key = original.Url ?? original.Title;
            if (!seen.Add(key))
            {
                continue;
            }

            var paragraphs = original.Paragraphs
                .Select(p =>
                {
                    var words = Tokenizer.Words(p);
                    return new IndexedParagraph(p, words, [.. Shingles.Of(words)], profile.IsBoilerplate(p));
                })
                .ToList();
            var indexed = new IndexedOriginal(_originals.Count, original, paragraphs);
            _originals.Add(indexed);

            // The first original with a URL or title wins, as a scan in catalogue order would find it.
            if (original.Url is { } url)
            {
                _byUrl.TryAdd(url.TrimEnd('/'), indexed);
            }

            if (original.Title is { } title)
            {
                _byTitle.TryAdd(title, indexed);
            }

            foreach (var shingle in indexed.AllShingles)
            {
                if (!_postings.TryGetValue(shingle, out var list))
                {
                    _postings[shingle] = list = [];
                }

                list.Add(indexed.Id);
            }
        }
    }

    public IReadOnlyList<IndexedOriginal> Originals => _originals;

    public int Count => _originals.Count;

    /// <summary>An original by its URL or title (case-insensitive), as a partner list may name it.</summary>
    public IndexedOriginal? Find(string urlOrTitle)
    {
        var key = urlOrTitle.Trim();
        return _byUrl.GetValueOrDefault(key.TrimEnd('/')) ?? _byTitle.GetValueOrDefault(key);
    }

    /// <summary>Counts, per original, how many of the page's distinct shingles it shares (stock phrases left out).</summary>
    public Dictionary<int, int> SharedShingleCounts(IEnumerable<ulong> pageShingles)
    {
        var counts = new Dictionary<int, int>();
        foreach (var shingle in pageShingles)
        {
            if (!_postings.TryGetValue(shingle, out var list) || list.Count > MaxPostings)
            {
                continue;
            }

            foreach (var id in list)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts;
    }
}
