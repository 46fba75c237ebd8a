using System.Numerics;

namespace Syndication.Matching;

/// <summary>
/// The inverted index from fingerprint to originals, packed for a large catalogue: one sorted array of 64-bit
/// entries, each the fingerprint's top 40 bits and an original's number in the low 24, and a directory on the top
/// bits that finds a fingerprint's entries in one or two cache lines. 8 bytes a posting, no object per fingerprint:
/// 50,000 originals of 700 words take about 40 MB, and a page's look-up costs the same whatever the catalogue holds.
/// (40 bits leave a false hit once in about a trillion look-ups per fingerprint; a false hit only adds a candidate
/// that the exact comparison then refuses.)
/// </summary>
public sealed class FingerprintIndex
{
    public const int MaxOriginals = 1 << IdBits;
    private const int IdBits = 24;
    private const ulong IdMask = (1UL << IdBits) - 1;

    private readonly ulong[] _entries;
    private readonly int[] _directory;
    private readonly int _shift;

    private FingerprintIndex(ulong[] entries, int count)
    {
        Array.Sort(entries, 0, count);
        _entries = entries.Length == count ? entries : entries[..count];
        var bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, count / 2)) + 1, 1, 24);
        _shift = 64 - bits;
        _directory = new int[(1 << bits) + 1];
        var bucket = 0;
        for (var i = 0; i < _entries.Length; i++)
        {
            var b = (int)(_entries[i] >> _shift);
            while (bucket <= b)
            {
                _directory[bucket++] = i;
            }
        }

        while (bucket < _directory.Length)
        {
            _directory[bucket++] = _entries.Length;
        }
    }

    /// <summary>Postings in the index.</summary>
    public int Count => _entries.Length;

    /// <summary>Bytes the index holds (entries and directory).</summary>
    public long Bytes => (_entries.Length * 8L) + (_directory.Length * 4L);

    /// <summary>
    /// Adds, per original, how many of the page's shingles are among its fingerprints; a fingerprint that more than
    /// <paramref name="maxPostings"/> originals share is a stock phrase and counts for none.
    /// </summary>
    public void CountHits(IEnumerable<ulong> pageShingles, Dictionary<int, int> hits, int maxPostings)
    {
        foreach (var shingle in pageShingles)
        {
            var key = Fingerprints.Mix(shingle) & ~IdMask;
            var bucket = (int)(key >> _shift);
            var (from, to) = (_directory[bucket], _directory[bucket + 1]);
            var first = -1;
            var count = 0;
            for (var i = from; i < to; i++)
            {
                var entryKey = _entries[i] & ~IdMask;
                if (entryKey > key)
                {
                    break;
                }

                if (entryKey == key)
                {
                    first = first < 0 ? i : first;
                    if (++count > maxPostings)
                    {
                        // A stock phrase (the licensing line is in every original): stop at once, whatever its length.
                        break;
                    }
                }
            }

            if (count is 0 || count > maxPostings)
            {
                continue;
            }

            for (var i = first; i < first + count; i++)
            {
                var id = (int)(_entries[i] & IdMask);
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }
    }

    /// <summary>Collects fingerprints original by original, then packs them.</summary>
    public sealed class Builder(int capacity = 1024)
    {
        private ulong[] _entries = new ulong[Math.Max(16, capacity)];
        private int _count;

        public void Add(int original, ReadOnlySpan<ulong> fingerprints)
        {
            if ((uint)original >= MaxOriginals)
            {
                throw new ArgumentOutOfRangeException(nameof(original), $"the index holds at most {MaxOriginals:N0} originals");
            }

            if (_count + fingerprints.Length > _entries.Length)
            {
                Array.Resize(ref _entries, Math.Max(_entries.Length * 2, _count + fingerprints.Length));
            }

            foreach (var fingerprint in fingerprints)
            {
                _entries[_count++] = (fingerprint & ~IdMask) | (uint)original;
            }
        }

        public FingerprintIndex Build() => new(_entries, _count);
    }
}
