using System.Numerics;

namespace Syndication.Images;

/// <summary>
/// The DCT perceptual hash (pHash): the image shrunk to 32 x 32, its 2-D DCT, and one bit per low frequency of the
/// top-left 8 x 8 block (the constant term left out) saying whether it is above their median. Re-encoding, resizing
/// and mild blur barely move it; the Hamming distance of two hashes says how alike two images look (0 to 63).
/// </summary>
public static class PerceptualHash
{
    public const int Bits = 63;

    private const int Size = 32;
    private const int Low = 8;

    private static readonly double[,] Cosines = BuildCosines();

    public static ulong Of(GreyImage image)
    {
        var small = image.Resize(Size, Size);
        var rows = new double[Size, Low];
        for (var y = 0; y < Size; y++)
        {
            for (var u = 0; u < Low; u++)
            {
                double sum = 0;
                for (var x = 0; x < Size; x++)
                {
                    sum += small[x, y] * Cosines[u, x];
                }

                rows[y, u] = sum;
            }
        }

        var coefficients = new double[(Low * Low) - 1];
        var n = 0;
        for (var v = 0; v < Low; v++)
        {
            for (var u = 0; u < Low; u++)
            {
                double sum = 0;
                for (var y = 0; y < Size; y++)
                {
                    sum += rows[y, u] * Cosines[v, y];
                }

                if (u != 0 || v != 0)
                {
                    coefficients[n++] = sum;
                }
            }
        }

        var sorted = (double[])coefficients.Clone();
        Array.Sort(sorted);
        var median = sorted[sorted.Length / 2];
        ulong hash = 0;
        for (var i = 0; i < coefficients.Length; i++)
        {
            if (coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static double[,] BuildCosines()
    {
        var table = new double[Low, Size];
        for (var u = 0; u < Low; u++)
        {
            for (var x = 0; x < Size; x++)
            {
                table[u, x] = Math.Cos(((2 * x) + 1) * u * Math.PI / (2 * Size));
            }
        }

        return table;
    }
}
