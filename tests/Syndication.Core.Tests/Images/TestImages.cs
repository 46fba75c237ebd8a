using SkiaSharp;

namespace Syndication.Core.Tests.Images;

/// <summary>
/// Logos, banners and photos drawn for the tests with the image library (no test reaches the internet, and no real
/// logo is copied): a stand-in for the licensor's logo (an emblem, block letters "DCNF", a red rule), look-alikes in
/// the same colours and layout, a photo-like picture, and the encodings and placements partners use.
/// </summary>
public static class TestImages
{
    public static readonly SKColor Navy = new(0x1B, 0x2A, 0x4A);
    public static readonly SKColor Red = new(0xC8, 0x10, 0x2E);

    private static readonly Dictionary<char, string[]> Glyphs = new()
    {
        ['A'] = ["01110", "10001", "10001", "11111", "10001", "10001", "10001"],
        ['C'] = ["01111", "10000", "10000", "10000", "10000", "10000", "01111"],
        ['D'] = ["11110", "10001", "10001", "10001", "10001", "10001", "11110"],
        ['E'] = ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
        ['F'] = ["11111", "10000", "10000", "11110", "10000", "10000", "10000"],
        ['H'] = ["10001", "10001", "10001", "11111", "10001", "10001", "10001"],
        ['L'] = ["10000", "10000", "10000", "10000", "10000", "10000", "11111"],
        ['N'] = ["10001", "11001", "10101", "10011", "10001", "10001", "10001"],
        ['O'] = ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
        ['R'] = ["11110", "10001", "10001", "11110", "10100", "10010", "10001"],
        ['S'] = ["01111", "10000", "10000", "01110", "00001", "00001", "11110"],
        ['T'] = ["11111", "00100", "00100", "00100", "00100", "00100", "00100"],
        ['W'] = ["10001", "10001", "10001", "10101", "10101", "11011", "10001"],
    };

    /// <summary>The stand-in licensor logo: 400 x 100, transparent background.</summary>
    public static SKBitmap Logo(string letters = "DCNF", bool emblem = true) => Draw(400, 100, canvas => DrawLogo(canvas, letters, emblem, Navy, Red));

    /// <summary>The logo in white on a navy card (the "white on dark" variant a profile may list).</summary>
    public static SKBitmap WhiteOnNavy() => Draw(400, 100, canvas =>
    {
        canvas.Clear(Navy);
        DrawLogo(canvas, "DCNF", true, SKColors.White, SKColors.White);
    });

    public static SKBitmap Blank(int width = 400, int height = 100, SKColor? colour = null) => Draw(width, height, c => c.Clear(colour ?? SKColors.White));

    /// <summary>A photo-like picture: a sky gradient, hills, a sun, and noise.</summary>
    public static SKBitmap Photo(int width = 400, int height = 300, int seed = 7) => Draw(width, height, canvas =>
    {
        using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(0x5A, 0x8F, 0xD0), new SKColor(0xE8, 0xC9, 0x9B)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, width, height, sky);
        using var sun = new SKPaint { Color = new SKColor(0xFF, 0xE0, 0x80), IsAntialias = true };
        canvas.DrawCircle(width * 0.7f, height * 0.3f, height * 0.12f, sun);
        var random = new Random(seed);
        for (var i = 0; i < 5; i++)
        {
            using var hill = new SKPaint { Color = new SKColor((byte)random.Next(30, 90), (byte)random.Next(90, 150), (byte)random.Next(30, 80)), IsAntialias = true };
            canvas.DrawOval(random.Next(width), height * (0.75f + (i * 0.05f)), width * 0.4f, height * 0.2f, hill);
        }

        using var noise = new SKPaint();
        for (var i = 0; i < width * height / 20; i++)
        {
            noise.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 40);
            canvas.DrawRect(random.Next(width), random.Next(height), 2, 2, noise);
        }
    });

    /// <summary>A 1200 x 300 banner with other content: a photo, text-like lines, and the logo at the right.</summary>
    public static SKBitmap Banner(SKBitmap logo, float logoHeight = 90) => Draw(1200, 300, canvas =>
    {
        canvas.Clear(new SKColor(0xF4, 0xF1, 0xEA));
        using var photo = Photo(360, 260, seed: 3);
        Place(canvas, photo, SKRect.Create(20, 20, photo.Width, photo.Height));
        using var ink = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33) };
        for (var line = 0; line < 6; line++)
        {
            canvas.DrawRect(410, 40 + (line * 36), line % 3 == 2 ? 220 : 330, 14, ink);
        }

        var width = logoHeight * logo.Width / logo.Height;
        Place(canvas, logo, SKRect.Create(1180 - width, 150 - (logoHeight / 2), width, logoHeight));
    });

    public static SKBitmap Resized(SKBitmap source, double scale)
    {
        var info = new SKImageInfo((int)Math.Round(source.Width * scale), (int)Math.Round(source.Height * scale), SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>The image with a margin of the given colour around it (transparent when no colour is given).</summary>
    public static SKBitmap Padded(SKBitmap source, int margin, SKColor? background = null) => Draw(source.Width + (2 * margin), source.Height + (2 * margin), canvas =>
    {
        canvas.Clear(background ?? SKColors.Transparent);
        Place(canvas, source, SKRect.Create(margin, margin, source.Width, source.Height));
    });

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format = SKEncodedImageFormat.Png, int quality = 90)
    {
        // JPEG has no transparency: a page shows it on white, so it is flattened on white as a CMS would.
        using var flat = format == SKEncodedImageFormat.Jpeg ? Padded(bitmap, 0, SKColors.White) : null;
        using var image = SKImage.FromBitmap(flat ?? bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap) => Encode(bitmap);

    private static void Place(SKCanvas canvas, SKBitmap bitmap, SKRect where)
    {
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, where, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    private static SKBitmap Draw(int width, int height, Action<SKCanvas> draw)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        draw(canvas);
        return bitmap;
    }

    private static void DrawLogo(SKCanvas canvas, string letters, bool emblem, SKColor ink, SKColor accent)
    {
        using var paint = new SKPaint { Color = ink, IsAntialias = true };
        using var accentPaint = new SKPaint { Color = accent, IsAntialias = true };
        if (emblem)
        {
            canvas.DrawCircle(45, 45, 36, paint);
            using var cut = new SKPaint { Color = SKColors.Transparent, BlendMode = SKBlendMode.Clear, IsAntialias = true };
            canvas.DrawRect(27, 38, 36, 14, cut);
            canvas.DrawCircle(45, 45, 9, accentPaint);
        }

        const float cell = 10;
        var x = emblem ? 100f : 20f;
        foreach (var letter in letters)
        {
            var glyph = Glyphs[letter];
            for (var row = 0; row < glyph.Length; row++)
            {
                for (var col = 0; col < glyph[row].Length; col++)
                {
                    if (glyph[row][col] == '1')
                    {
                        canvas.DrawRect(x + (col * cell), 10 + (row * cell), cell, cell, paint);
                    }
                }
            }

            x += 6 * cell + 8;
        }

        canvas.DrawRect(emblem ? 100 : 20, 84, x - (emblem ? 108 : 28), 8, accentPaint);
    }
}
