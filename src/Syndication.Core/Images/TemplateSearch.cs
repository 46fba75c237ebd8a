using System.Diagnostics;
using System.Numerics;

namespace Syndication.Images;

/// <summary>
/// Finds a logo inside a larger image (a banner with other content): normalised cross-correlation of the reference
/// over every position at a few scales on a coarse copy, then a finer search around the best places. Returns the
/// window of the image that looks most like the reference, at the resolution of the finer search.
/// </summary>
public static class TemplateSearch
{
    private const int CoarseHeight = 64;
    private const int CoarseWidth = 320;
    private const int MinTemplateSide = 8;
    private const int FineTemplateWidth = 160;
    private static readonly double[] Scales = [1, 0.85, 0.72, 0.6, 0.5, 0.42, 0.35, 0.3, 0.25, 0.21, 0.18, 0.15];

    /// <summary>The window found (X, Y: its place on the searched copy), its correlation, and its share of the image's height.</summary>
    public sealed record Found(GreyImage Window, double Correlation, int X, int Y, double HeightShare);

    /// <summary>The best window, or null when the image is too small to hold the reference at any scale tried.</summary>
    public static Found? Search(GreyImage image, GreyImage reference, Stopwatch clock, ImageLimits limits)
    {
        var factor = Math.Min(1, Math.Min((double)CoarseHeight / image.Height, (double)CoarseWidth / image.Width));
        var coarse = image.Resize((int)Math.Round(image.Width * factor), (int)Math.Round(image.Height * factor));
        var maxHeight = Math.Min(coarse.Height, coarse.Width / reference.Aspect);
        var candidates = new List<(double Score, int X, int Y, int Height)>();
        var sums = new WindowSums(coarse);
        foreach (var share in Scales)
        {
            var height = (int)Math.Round(maxHeight * share);
            var width = (int)Math.Round(height * reference.Aspect);
            if (height < MinTemplateSide || width < MinTemplateSide || width > coarse.Width || height > coarse.Height)
            {
                continue;
            }

            var (score, x, y) = Best(coarse, sums, reference.Resize(width, height), 0, 0, coarse.Width - width, coarse.Height - height);
            candidates.Add((score, x, y, height));
            ImageDecoder.Check(clock, limits, "searching");
        }

        Found? best = null;
        foreach (var (_, x, y, height) in candidates.OrderByDescending(c => c.Score).Take(4))
        {
            var found = Refine(image, reference, factor, x, y, height);
            if (found is not null && (best is null || found.Correlation > best.Correlation))
            {
                best = found;
            }

            ImageDecoder.Check(clock, limits, "searching");
        }

        return best;
    }

    /// <summary>Searches again near a coarse hit, on a copy where the reference is about 128 pixels wide.</summary>
    private static Found? Refine(GreyImage image, GreyImage reference, double coarseFactor, int coarseX, int coarseY, int coarseHeight)
    {
        var fullHeight = coarseHeight / coarseFactor;
        var fineFactor = Math.Min(1, FineTemplateWidth / (fullHeight * reference.Aspect));
        var fine = image.Resize(Math.Max(1, (int)Math.Round(image.Width * fineFactor)), Math.Max(1, (int)Math.Round(image.Height * fineFactor)));
        var sums = new WindowSums(fine);
        var ratio = fineFactor / coarseFactor;
        var reach = (int)Math.Ceiling(ratio) + 2;
        Found? best = null;
        foreach (var step in new[] { 0.88, 0.94, 1.0, 1.06, 1.12 })
        {
            var height = (int)Math.Round(fullHeight * fineFactor * step);
            var width = (int)Math.Round(height * reference.Aspect);
            if (height < MinTemplateSide || width < MinTemplateSide || width > fine.Width || height > fine.Height)
            {
                continue;
            }

            var cx = (int)Math.Round(coarseX * ratio);
            var cy = (int)Math.Round(coarseY * ratio);
            var (score, x, y) = Best(
                fine,
                sums,
                reference.Resize(width, height),
                Math.Max(0, cx - reach),
                Math.Max(0, cy - reach),
                Math.Min(fine.Width - width, cx + reach + (int)((1 - step) * width)),
                Math.Min(fine.Height - height, cy + reach + (int)((1 - step) * height)));
            if (best is null || score > best.Correlation)
            {
                best = new Found(fine.Crop(x, y, width, height), score, x, y, (double)height / fine.Height);
            }
        }

        // Last, a pixel either way in width and height around the best: the tile-by-tile comparison that follows
        // is sensitive to a window a few per cent too large or too small.
        if (best is not null)
        {
            var around = best;
            for (var dh = -1; dh <= 1; dh++)
            {
                for (var dw = -1; dw <= 1; dw++)
                {
                    var height = around.Window.Height + dh;
                    var width = around.Window.Width + dw;
                    if ((dh == 0 && dw == 0) || height < MinTemplateSide || width < MinTemplateSide || width > fine.Width || height > fine.Height)
                    {
                        continue;
                    }

                    var (score, x, y) = Best(fine, sums, reference.Resize(width, height), Math.Max(0, around.X - 2), Math.Max(0, around.Y - 2), Math.Min(fine.Width - width, around.X + 2), Math.Min(fine.Height - height, around.Y + 2));
                    if (score > best.Correlation)
                    {
                        best = new Found(fine.Crop(x, y, width, height), score, x, y, (double)height / fine.Height);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>The position in [x0..x1] x [y0..y1] where the template correlates best with the image.</summary>
    private static (double Score, int X, int Y) Best(GreyImage image, WindowSums sums, GreyImage template, int x0, int y0, int x1, int y1)
    {
        var w = template.Width;
        var h = template.Height;
        var n = w * h;
        var t = template.Pixels;
        double mean = 0;
        foreach (var p in t)
        {
            mean += p;
        }

        mean /= n;
        var centred = new float[n];
        double variance = 0;
        for (var i = 0; i < n; i++)
        {
            centred[i] = (float)(t[i] - mean);
            variance += centred[i] * centred[i];
        }

        (double Score, int X, int Y) best = (-2, x0, y0);
        if (variance <= 1e-9)
        {
            return best;
        }

        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var (sum, squares) = sums.Window(x, y, w, h);
                var windowVariance = squares - (sum * sum / n);
                if (windowVariance <= 1e-6)
                {
                    continue;
                }

                double cross = 0;
                for (var row = 0; row < h; row++)
                {
                    cross += Dot(image.Row(y + row).Slice(x, w), centred.AsSpan(row * w, w));
                }

                var score = cross / Math.Sqrt(variance * windowVariance);
                if (score > best.Score)
                {
                    best = (score, x, y);
                }
            }
        }

        return best;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>Summed-area tables of the pixels and their squares: any window's sum in four lookups.</summary>
    private sealed class WindowSums
    {
        private readonly double[] _sum;
        private readonly double[] _squares;
        private readonly int _stride;

        public WindowSums(GreyImage image)
        {
            _stride = image.Width + 1;
            _sum = new double[_stride * (image.Height + 1)];
            _squares = new double[_sum.Length];
            for (var y = 0; y < image.Height; y++)
            {
                double rowSum = 0, rowSquares = 0;
                var row = image.Row(y);
                for (var x = 0; x < image.Width; x++)
                {
                    rowSum += row[x];
                    rowSquares += row[x] * row[x];
                    var at = ((y + 1) * _stride) + x + 1;
                    _sum[at] = _sum[at - _stride] + rowSum;
                    _squares[at] = _squares[at - _stride] + rowSquares;
                }
            }
        }

        public (double Sum, double Squares) Window(int x, int y, int w, int h)
        {
            int a = (y * _stride) + x, b = a + w, c = ((y + h) * _stride) + x, d = c + w;
            return (_sum[d] - _sum[b] - _sum[c] + _sum[a], _squares[d] - _squares[b] - _squares[c] + _squares[a]);
        }
    }
}
