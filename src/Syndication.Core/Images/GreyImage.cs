namespace Syndication.Images;

/// <summary>
/// A grey-scale image (luminance 0 = black to 1 = white), the form every comparison works on. Immutable: each
/// operation returns a new image.
/// </summary>
public sealed class GreyImage
{
    /// <summary>How far (on 0..1) a pixel may differ from the border colour and still count as border.</summary>
    public const float BorderTolerance = 0.06f;

    private readonly float[] _pixels;

    public GreyImage(int width, int height, float[] pixels)
    {
        if (width <= 0 || height <= 0 || pixels.Length != width * height)
        {
            throw new ArgumentException($"a {width} x {height} image needs {width * height} pixels, not {pixels.Length}", nameof(pixels));
        }

        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public double Aspect => (double)Width / Height;

    public float this[int x, int y] => _pixels[(y * Width) + x];

    public ReadOnlySpan<float> Pixels => _pixels;

    public ReadOnlySpan<float> Row(int y) => _pixels.AsSpan(y * Width, Width);

    /// <summary>The standard deviation of the luminance: near 0 for a blank image.</summary>
    public double Contrast()
    {
        double sum = 0, squares = 0;
        foreach (var p in _pixels)
        {
            sum += p;
            squares += p * p;
        }

        var mean = sum / _pixels.Length;
        return Math.Sqrt(Math.Max(0, (squares / _pixels.Length) - (mean * mean)));
    }

    public GreyImage Crop(int x, int y, int width, int height)
    {
        var pixels = new float[width * height];
        for (var row = 0; row < height; row++)
        {
            _pixels.AsSpan(((y + row) * Width) + x, width).CopyTo(pixels.AsSpan(row * width, width));
        }

        return new GreyImage(width, height, pixels);
    }

    /// <summary>
    /// Cuts away uniform borders: rows and columns at the edges whose every pixel is within the tolerance of the
    /// border colour (the median of the four corners). Repeated, so a logo on a white card on a dark page loses both
    /// the dark page and the card's margin. Returns null when nothing but border is left: a blank image.
    /// </summary>
    public GreyImage? Trim()
    {
        var image = this;
        for (var pass = 0; pass < 3; pass++)
        {
            var border = image.BorderColour();
            int top = 0, bottom = image.Height - 1, left = 0, right = image.Width - 1;
            while (top <= bottom && image.RowIsBorder(top, left, right, border))
            {
                top++;
            }

            while (bottom >= top && image.RowIsBorder(bottom, left, right, border))
            {
                bottom--;
            }

            if (top > bottom)
            {
                return null;
            }

            while (left <= right && image.ColumnIsBorder(left, top, bottom, border))
            {
                left++;
            }

            while (right >= left && image.ColumnIsBorder(right, top, bottom, border))
            {
                right--;
            }

            if (top == 0 && left == 0 && bottom == image.Height - 1 && right == image.Width - 1)
            {
                return image;
            }

            image = image.Crop(left, top, right - left + 1, bottom - top + 1);
            if (image.Width < 2 || image.Height < 2)
            {
                return null;
            }
        }

        return image;
    }

    /// <summary>Resizes by averaging the source area under each target pixel (a box filter; bilinear when enlarging).</summary>
    public GreyImage Resize(int width, int height)
    {
        width = Math.Max(1, width);
        height = Math.Max(1, height);
        if (width == Width && height == Height)
        {
            return this;
        }

        var pixels = new float[width * height];
        var sx = (double)Width / width;
        var sy = (double)Height / height;
        for (var y = 0; y < height; y++)
        {
            var y0 = y * sy;
            var y1 = Math.Max(y0 + 1e-9, (y + 1) * sy);
            for (var x = 0; x < width; x++)
            {
                var x0 = x * sx;
                var x1 = Math.Max(x0 + 1e-9, (x + 1) * sx);
                pixels[(y * width) + x] = sx <= 1 && sy <= 1 ? Bilinear(((x + 0.5) * sx) - 0.5, ((y + 0.5) * sy) - 0.5) : AreaMean(x0, x1, y0, y1);
            }
        }

        return new GreyImage(width, height, pixels);
    }

    /// <summary>Resizes keeping the aspect ratio so that the longer side is at most <paramref name="longest"/> (never enlarges).</summary>
    public GreyImage FitWithin(int longest)
    {
        if (Math.Max(Width, Height) <= longest)
        {
            return this;
        }

        var scale = (double)longest / Math.Max(Width, Height);
        return Resize((int)Math.Round(Width * scale), (int)Math.Round(Height * scale));
    }

    /// <summary>The shade of the image's corners (their median): the background it sits on.</summary>
    public float Corners() => BorderColour();

    private float BorderColour()
    {
        Span<float> corners = [this[0, 0], this[Width - 1, 0], this[0, Height - 1], this[Width - 1, Height - 1]];
        corners.Sort();
        return (corners[1] + corners[2]) / 2;
    }

    private bool RowIsBorder(int y, int left, int right, float border)
    {
        foreach (var p in Row(y)[left..(right + 1)])
        {
            if (Math.Abs(p - border) > BorderTolerance)
            {
                return false;
            }
        }

        return true;
    }

    private bool ColumnIsBorder(int x, int top, int bottom, float border)
    {
        for (var y = top; y <= bottom; y++)
        {
            if (Math.Abs(this[x, y] - border) > BorderTolerance)
            {
                return false;
            }
        }

        return true;
    }

    private float Bilinear(double x, double y)
    {
        x = Math.Clamp(x, 0, Width - 1);
        y = Math.Clamp(y, 0, Height - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var x1 = Math.Min(x0 + 1, Width - 1);
        var y1 = Math.Min(y0 + 1, Height - 1);
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        var top = (this[x0, y0] * (1 - fx)) + (this[x1, y0] * fx);
        var bottom = (this[x0, y1] * (1 - fx)) + (this[x1, y1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }

    private float AreaMean(double x0, double x1, double y0, double y1)
    {
        double sum = 0, weight = 0;
        for (var y = (int)y0; y < Math.Min(Height, (int)Math.Ceiling(y1)); y++)
        {
            var wy = Math.Min(y + 1, y1) - Math.Max(y, y0);
            for (var x = (int)x0; x < Math.Min(Width, (int)Math.Ceiling(x1)); x++)
            {
                var w = wy * (Math.Min(x + 1, x1) - Math.Max(x, x0));
                sum += this[x, y] * w;
                weight += w;
            }
        }

        return weight > 0 ? (float)(sum / weight) : 0;
    }
}
