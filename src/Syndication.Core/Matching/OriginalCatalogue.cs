using Syndication.Originals;
using Syndication.Profiles;

namespace Syndication.Matching;

/// <summary>
/// The licensor's originals as matching sees them: a <see cref="FingerprintIndex"/> from each kept shingle to the
/// originals holding it, and where to read an original in full (<see cref="IOriginalSource"/>). A page is matched by
/// looking up its own shingles, so the cost grows with the page, not with the number of originals; only the few
/// originals it shares most with are then read and compared in full.
/// </summary>
public sealed class OriginalCatalogue
{
    /// <summary>A fingerprint found in more originals than this is a stock phrase, not evidence of republication.</summary>
    private const int MaxPostings = 8;

    private readonly FingerprintIndex _index;
    private readonly int[] _fingerprintCounts;
    private readonly IOriginalSource _source;
    private IReadOnlyList<OriginalHeadline>? _headlines;

    public OriginalCatalogue(FingerprintIndex index, int[] fingerprintCounts, IOriginalSource source)
    {
        _index = index;
        _fingerprintCounts = fingerprintCounts;
        _source = source;
    }

    /// <summary>A catalogue of originals held in memory (those a run was given). The first original with a URL (or title) wins.</summary>
    public OriginalCatalogue(IEnumerable<Original> originals, LicenceProfile profile)
        : this(InMemory(originals, profile, out var index, out var counts), index, counts)
    {
    }

    private OriginalCatalogue(IOriginalSource source, FingerprintIndex index, int[] counts)
        : this(index, counts, source)
    {
    }

    public int Count => _source.Count;

    /// <summary>Postings in the fingerprint index.</summary>
    public long IndexBytes => _index.Bytes;

    public IndexedOriginal Get(int id) => _source.Get(id);

    /// <summary>
    /// Every original's title, publication date and first reading (not its text, which stays in the catalogue file
    /// until a page nearly matches it): discovery orders candidates by title likeness and narrows them by date.
    /// </summary>
    public IReadOnlyList<OriginalHeadline> Headlines => _headlines ??= _source.Headlines();

    /// <summary>An original by its URL or title (case-insensitive), as a partner list may name it.</summary>
    public IndexedOriginal? Find(string urlOrTitle) => _source.Find(urlOrTitle) is { } id ? _source.Get(id) : null;

    /// <summary>
    /// The originals a page may republish, most fingerprints shared first: those sharing at least two of them (or
    /// all, for an original too short to have two).
    /// </summary>
    public List<(int Id, int Hits)> Candidates(IEnumerable<ulong> pageShingles, int max)
    {
        var hits = new Dictionary<int, int>();
        _index.CountHits(pageShingles, hits, MaxPostings);
        return hits
            .Where(kv => kv.Value >= Math.Min(2, _fingerprintCounts[kv.Key]))
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key)
            .Take(max)
            .Select(kv => (kv.Key, kv.Value))
            .ToList();
    }

    private static InMemoryOriginals InMemory(IEnumerable<Original> originals, LicenceProfile profile, out FingerprintIndex index, out int[] counts)
    {
        var source = new InMemoryOriginals(originals, profile);
        var builder = new FingerprintIndex.Builder();
        counts = new int[source.Count];
        for (var id = 0; id < source.Count; id++)
        {
            var fingerprints = Fingerprints.Of(source.Get(id).Original.Paragraphs);
            counts[id] = fingerprints.Length;
            builder.Add(id, fingerprints);
        }

        index = builder.Build();
        return source;
    }

    /// <summary>Originals held in memory, prepared at once.</summary>
    private sealed class InMemoryOriginals : IOriginalSource
    {
        private readonly List<IndexedOriginal> _originals = [];
        private readonly Dictionary<string, int> _byUrl = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _byTitle = new(StringComparer.OrdinalIgnoreCase);

        public InMemoryOriginals(IEnumerable<Original> originals, LicenceProfile profile)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var original in originals)
            {
                if (!seen.Add(original.Url ?? original.Title))
                {
                    continue;
                }

                var id = _originals.Count;
                _originals.Add(IndexedOriginal.From(id, original, profile));
                if (original.Url is { } url)
                {
                    _byUrl.TryAdd(url.TrimEnd('/'), id);
                }

                _byTitle.TryAdd(original.Title, id);
            }
        }

        public int Count => _originals.Count;

        public IndexedOriginal Get(int id) => _originals[id];

        public IReadOnlyList<OriginalHeadline> Headlines() => _originals.Select(o => new OriginalHeadline(o.Original.Title, o.Original.Published, o.Original.ReadAt)).ToList();

        public int? Find(string urlOrTitle)
        {
            var key = urlOrTitle.Trim();
            return _byUrl.TryGetValue(key.TrimEnd('/'), out var byUrl) ? byUrl : _byTitle.TryGetValue(key, out var byTitle) ? byTitle : null;
        }
    }
}
