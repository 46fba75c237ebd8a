namespace Syndication.Images;

/// <summary>
/// How alike two pictures of the same shape are. Both are brought to a common size and slightly blurred; the
/// normalised cross-correlation (brightness and contrast set aside: 1 the same picture, about 0 unrelated) is taken
/// at the best of a few one- and two-pixel shifts, so a border trimmed a pixel wider does not count, and also tile
/// by tile: every part of a logo must match, not only the whole on average (a look-alike with the same emblem and
/// rule but other letters correlates well as a whole, and badly where the letters are).
/// </summary>
public static class Correlation
{
    private const int Side = 128;
    private const int Shift = 2;

    public sealed record Score(double Whole, double WorstTile);

    public static Score Of(GreyImage candidate, GreyImage reference)
    {
        var (width, height) = reference.Aspect >= 1
            ? (Side, Math.Clamp((int)Math.Round(Side / reference.Aspect), 12, Side))
            : (Math.Clamp((int)Math.Round(Side * reference.Aspect), 12, Side), Side);
        var a = Blur(candidate.Resize(width, height));
        var b = Blur(reference.Resize(width, height));
        var best = (Score: -2.0, Dx: 0, Dy: 0);
        for (var dy = -Shift; dy <= Shift; dy++)
        {
            for (var dx = -Shift; dx <= Shift; dx++)
            {
                var score = Window(a, b, dx, dy, 0, 0, width, height);
                if (score > best.Score)
                {
                    best = (score, dx, dy);
                }
            }
        }

        var columns = Math.Clamp((int)Math.Round(3 * (double)width / height), 3, 16);
        var rows = Math.Clamp((int)Math.Round(3 * (double)height / width), 3, 16);
        var worst = 1.0;
        var (meanA, deviationA) = Moments(a, best.Dx, best.Dy);
        var (meanB, deviationB) = Moments(b, 0, 0);
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                // Each picture in units of its own contrast: the tile's mean squared difference then reads like a
                // correlation (1 the same, 0 unrelated), and a flat tile of the same shade agrees.
                int x0 = Math.Max(column * width / columns, -best.Dx), x1 = Math.Min((column + 1) * width / columns, width - best.Dx);
                int y0 = Math.Max(row * height / rows, -best.Dy), y1 = Math.Min((row + 1) * height / rows, height - best.Dy);
                double squares = 0;
                var n = 0;
                for (var y = y0; y < y1; y++)
                {
                    for (var x = x0; x < x1; x++)
                    {
                        var d = ((a[x + best.Dx, y + best.Dy] - meanA) / deviationA) - ((b[x, y] - meanB) / deviationB);
                        squares += d * d;
                        n++;
                    }
                }

                if (n > 0)
                {
                    worst = Math.Min(worst, 1 - (squares / n / 2));
                }
            }
        }

        return new Score(best.Score, worst);
    }

    private static (double Mean, double Deviation) Moments(GreyImage image, int dx, int dy)
    {
        double sum = 0, squares = 0;
        var n = 0;
        for (var y = Math.Max(0, dy); y < Math.Min(image.Height, image.Height + dy); y++)
        {
            for (var x = Math.Max(0, dx); x < Math.Min(image.Width, image.Width + dx); x++)
            {
                sum += image[x, y];
                squares += image[x, y] * image[x, y];
                n++;
            }
        }

        var mean = sum / n;
        return (mean, Math.Max(1e-3, Math.Sqrt(Math.Max(0, (squares / n) - (mean * mean)))));
    }

    /// <summary>The correlation of a's pixels at (x + dx, y + dy) with b's at (x, y), over the part where they overlap.</summary>
    private static double Window(GreyImage a, GreyImage b, int dx, int dy, int x0, int y0, int x1, int y1)
    {
        x0 = Math.Max(x0, -dx);
        y0 = Math.Max(y0, -dy);
        x1 = Math.Min(x1, a.Width - dx);
        y1 = Math.Min(y1, a.Height - dy);
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        var n = 0;
        for (var y = y0; y < y1; y++)
        {
            var rowA = a.Row(y + dy);
            var rowB = b.Row(y);
            for (var x = x0; x < x1; x++)
            {
                double pa = rowA[x + dx], pb = rowB[x];
                sa += pa;
                sb += pb;
                saa += pa * pa;
                sbb += pb * pb;
                sab += pa * pb;
                n++;
            }
        }

        var varA = (saa - (sa * sa / n)) / n;
        var varB = (sbb - (sb * sb / n)) / n;
        return varA < 1e-6 || varB < 1e-6 ? 0 : ((sab / n) - (sa * sb / n / n)) / Math.Sqrt(varA * varB);
    }

    private static GreyImage Blur(GreyImage image)
    {
        var pixels = new float[image.Width * image.Height];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                float sum = 0;
                var count = 0;
                for (var j = Math.Max(0, y - 1); j <= Math.Min(image.Height - 1, y + 1); j++)
                {
                    for (var i = Math.Max(0, x - 1); i <= Math.Min(image.Width - 1, x + 1); i++)
                    {
                        sum += image[i, j];
                        count++;
                    }
                }

                pixels[(y * image.Width) + x] = sum / count;
            }
        }

        return new GreyImage(image.Width, image.Height, pixels);
    }
}
