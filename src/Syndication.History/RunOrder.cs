using System.IO.Compression;
using System.Security.Cryptography;

namespace Syndication.History;

/// <summary>
/// A run's pages in list order: each page's id and its position, ascending by position. Kept once per run, apart from
/// the entries (an entry says how a page stood, not where it stood in the list), so a page dropped from the middle of
/// the list, which moves every later page one place up, costs a few bytes rather than a new entry per later page.
/// </summary>
/// <remarks>
/// Stored (<see cref="RunOrders"/>) either whole or as the edits from the order it follows (pages removed, pages
/// inserted, runs of positions that moved): varints, Brotli-compressed when that is smaller. Whole, an order of pages
/// in list order whose ids mostly follow one another is a few bytes per break in the sequence.
/// </remarks>
internal sealed class RunOrder
{
    private const byte WholeRaw = 1;
    private const byte WholePacked = 2;
    private const byte EditsRaw = 3;
    private const byte EditsPacked = 4;

    public RunOrder(long[] pages, int[] positions)
    {
        Pages = pages;
        Positions = positions;
    }

    /// <summary>Page ids in list order.</summary>
    public long[] Pages { get; }

    /// <summary>Each page's position in the run (ascending).</summary>
    public int[] Positions { get; }

    public int Count => Pages.Length;

    /// <summary>The order of pages recorded at these positions; a page recorded twice keeps its last position.</summary>
    public static RunOrder From(IEnumerable<(long Page, int Position)> recorded)
    {
        var last = new Dictionary<long, (int Position, int Arrival)>();
        var arrival = 0;
        foreach (var (page, position) in recorded)
        {
            last[page] = (position, arrival++);
        }

        var sorted = last.OrderBy(p => p.Value.Position).ThenBy(p => p.Value.Arrival).ToList();
        return new RunOrder([.. sorted.Select(p => p.Key)], [.. sorted.Select(p => p.Value.Position)]);
    }

    /// <summary>The index of the page at <paramref name="position"/>, or -1.</summary>
    public int IndexOf(int position)
    {
        var index = Array.BinarySearch(Positions, position);
        return index >= 0 ? index : -1;
    }

    /// <summary>16 bytes of the SHA-256 of the order: two runs with equal digests share one stored order.</summary>
    public byte[] Digest() => SHA256.HashData(Whole())[..16];

    /// <summary>The order on its own.</summary>
    public byte[] EncodeWhole() => Smaller(WholeRaw, WholePacked, Whole());

    /// <summary>The order as edits of <paramref name="before"/>; null when pages both runs have changed their relative order.</summary>
    public byte[]? EncodeAgainst(RunOrder before)
    {
        var at = new Dictionary<long, int>(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            at.TryAdd(before.Pages[i], i);
        }

        var kept = new bool[before.Count];
        var from = new int[Count];
        var inserted = new List<int>();
        var lastKept = -1;
        for (var i = 0; i < Count; i++)
        {
            if (at.TryGetValue(Pages[i], out var b))
            {
                if (b <= lastKept)
                {
                    return null;
                }

                kept[b] = true;
                from[i] = b;
                lastKept = b;
            }
            else
            {
                from[i] = -1;
                inserted.Add(i);
            }
        }

        var writer = new VarintWriter();
        var removed = 0;
        for (var b = 0; b < before.Count; b++)
        {
            removed += kept[b] ? 0 : 1;
        }

        writer.Write(removed);
        var previous = 0;
        for (var b = 0; b < before.Count; b++)
        {
            if (!kept[b])
            {
                writer.Write(b - previous);
                previous = b;
            }
        }

        writer.Write(inserted.Count);
        previous = 0;
        long previousPage = 0;
        foreach (var i in inserted)
        {
            writer.Write(i - previous);
            writer.WriteSigned(Pages[i] - previousPage);
            previous = i;
            previousPage = Pages[i];
        }

        // Positions: how far each is from where the earlier order puts it (a kept page) or from just after the page
        // before it (an inserted one), in runs of equal distance: a page removed from a partner's block is one run.
        var runs = new List<(long Distance, int Length)>();
        for (var i = 0; i < Count; i++)
        {
            var distance = (long)Positions[i] - Predicted(before, from, i);
            if (runs.Count > 0 && runs[^1].Distance == distance)
            {
                runs[^1] = (distance, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((distance, 1));
            }
        }

        writer.Write(runs.Count);
        foreach (var (distance, length) in runs)
        {
            writer.WriteSigned(distance);
            writer.Write(length);
        }

        return Smaller(EditsRaw, EditsPacked, writer.ToArray());
    }

    /// <summary>An order stored by <see cref="EncodeWhole"/>, or by <see cref="EncodeAgainst"/> from <paramref name="before"/>.</summary>
    public static RunOrder Decode(byte[] data, RunOrder? before)
    {
        var kind = data[0];
        var body = kind is WholePacked or EditsPacked ? Unpack(data.AsSpan(1)) : data[1..];
        var reader = new VarintReader(body);
        if (kind is WholeRaw or WholePacked)
        {
            var count = (int)reader.Read();
            var wholePages = new long[count];
            var wholePositions = new int[count];
            long position = 0;
            long page = 0;
            for (var i = 0; i < count; i++)
            {
                position += reader.Read();
                wholePositions[i] = (int)position;
            }

            for (var i = 0; i < count; i++)
            {
                page += reader.ReadSigned();
                wholePages[i] = page;
            }

            return new RunOrder(wholePages, wholePositions);
        }

        if (before is null)
        {
            throw new InvalidDataException("a run's order stored as edits without the order it edits");
        }

        var kept = Enumerable.Repeat(true, before.Count).ToArray();
        var removed = (int)reader.Read();
        var at = 0;
        for (var r = 0; r < removed; r++)
        {
            at += (int)reader.Read();
            kept[at] = false;
        }

        var insertedCount = (int)reader.Read();
        var total = before.Count - removed + insertedCount;
        var result = new long[total];
        var from = Enumerable.Repeat(-2, total).ToArray();
        var index = 0;
        long insertedPage = 0;
        for (var n = 0; n < insertedCount; n++)
        {
            index += (int)reader.Read();
            insertedPage += reader.ReadSigned();
            result[index] = insertedPage;
            from[index] = -1;
        }

        var b = 0;
        for (var i = 0; i < total; i++)
        {
            if (from[i] == -1)
            {
                continue;
            }

            while (!kept[b])
            {
                b++;
            }

            result[i] = before.Pages[b];
            from[i] = b++;
        }

        var positions = new int[total];
        var runCount = (int)reader.Read();
        var i2 = 0;
        for (var r = 0; r < runCount; r++)
        {
            var distance = reader.ReadSigned();
            var length = (int)reader.Read();
            for (var k = 0; k < length; k++, i2++)
            {
                positions[i2] = (int)(Predicted(before, from, i2, positions) + distance);
            }
        }

        return new RunOrder(result, positions);
    }

    private long Predicted(RunOrder before, int[] from, int i) => Predicted(before, from, i, Positions);

    private static long Predicted(RunOrder before, int[] from, int i, int[] positions) =>
        from[i] >= 0 ? before.Positions[from[i]] : i > 0 ? positions[i - 1] + 1L : 0;

    private byte[] Whole()
    {
        var writer = new VarintWriter();
        writer.Write(Count);
        long previous = 0;
        foreach (var position in Positions)
        {
            writer.Write(position - previous);
            previous = position;
        }

        previous = 0;
        foreach (var page in Pages)
        {
            writer.WriteSigned(page - previous);
            previous = page;
        }

        return writer.ToArray();
    }

    private static byte[] Smaller(byte raw, byte packed, byte[] body)
    {
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        if (BrotliEncoder.TryCompress(body, compressed, out var written, quality: 6, window: 22) && written < body.Length)
        {
            return [packed, .. compressed.AsSpan(0, written)];
        }

        return [raw, .. body];
    }

    private static byte[] Unpack(ReadOnlySpan<byte> packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(packed.ToArray()), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        brotli.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Unsigned LEB128 varints, and zigzag for signed values.</summary>
    internal sealed class VarintWriter
    {
        private readonly List<byte> _bytes = [];

        public void Write(long value)
        {
            var v = (ulong)value;
            while (v >= 0x80)
            {
                _bytes.Add((byte)(v | 0x80));
                v >>= 7;
            }

            _bytes.Add((byte)v);
        }

        public void WriteSigned(long value) => Write((value << 1) ^ (value >> 63));

        public byte[] ToArray() => _bytes.ToArray();
    }

    /// <summary>Reads what <see cref="VarintWriter"/> wrote.</summary>
    internal ref struct VarintReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at >= _bytes.Length;

        public long Read()
        {
            ulong value = 0;
            var shift = 0;
            while (true)
            {
                var b = _bytes[_at++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (long)value;
                }

                shift += 7;
            }
        }

        public long ReadSigned()
        {
            var v = (ulong)Read();
            return (long)(v >> 1) ^ -(long)(v & 1);
        }
    }
}
