namespace Syndication.Parsing;

/// <summary>Finding a place among a page's blocks, which are in document order (<see cref="TextBlock.Order"/> rising).</summary>
public static class BlockOrder
{
    /// <summary>The index of the first block whose order is at least <paramref name="order"/> (the count when none is): a binary search.</summary>
    public static int FirstAtOrAfter(IReadOnlyList<TextBlock> blocks, int order)
    {
        int lo = 0, hi = blocks.Count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (blocks[mid].Order < order)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of <paramref name="block"/> among <paramref name="blocks"/>, or -1 when it is not one of them.</summary>
    public static int IndexOf(IReadOnlyList<TextBlock> blocks, TextBlock block)
    {
        var index = FirstAtOrAfter(blocks, block.Order);
        return index < blocks.Count && blocks[index].Order == block.Order ? index : -1;
    }
}
