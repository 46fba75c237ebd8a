using System.Diagnostics;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Syndication.Images;

/// <summary>
/// Decodes untrusted image bytes with SkiaSharp, defensively: the byte cap first, then the header's declared size
/// against the pixel cap (a PNG declaring 100,000 x 100,000 is refused before a pixel is decoded), large images
/// decoded at a reduced scale where the format allows, animated images by their first frame, SVG not at all (it is
/// judged by its markup: rasterising it could fetch what it references). Every refusal is an
/// <see cref="ImageException"/> with a one-line reason.
/// </summary>
public static class ImageDecoder
{
    public static DecodedImage Decode(ReadOnlySpan<byte> bytes, ImageLimits limits)
    {
        if (bytes.Length == 0)
        {
            throw new ImageException("the image is empty (0 bytes)");
        }

        if (bytes.Length > limits.MaxBytes)
        {
            throw new ImageException($"the image is {bytes.Length:N0} bytes, over the {limits.MaxBytes:N0}-byte cap");
        }

        var format = ImageFormats.Sniff(bytes) ?? throw new ImageException($"not an image: the bytes are {ImageFormats.DescribeOther(bytes)}");
        if (format == ImageFormats.Svg)
        {
            throw new ImageException("an SVG image: judged by its markup only (it is not rasterised, so nothing it references is fetched)");
        }

        if (ImageSupport.Problem is { } problem)
        {
            throw new ImageException(problem);
        }

        var clock = Stopwatch.StartNew();
        using var data = SKData.CreateCopy(bytes);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var created);
        if (codec is null)
        {
            throw new ImageException($"the {format} image cannot be decoded ({Describe(created)})");
        }

        var declared = codec.Info;
        if (declared.Width <= 0 || declared.Height <= 0)
        {
            throw new ImageException($"the {format} image declares no size");
        }

        if (declared.Width > limits.MaxSide || declared.Height > limits.MaxSide || (long)declared.Width * declared.Height > limits.MaxPixels)
        {
            throw new ImageException($"the {format} image declares {declared.Width:N0} x {declared.Height:N0} pixels, over the {limits.MaxPixels:N0}-pixel cap; not decoded");
        }

        using var bitmap = DecodePixels(codec, declared, format, limits);
        Check(clock, limits, "decoding");
        using var working = Shrink(bitmap, limits.WorkingSide);
        var (onWhite, onBlack) = Flatten(working);
        Check(clock, limits, "decoding");
        var frames = codec.FrameCount;
        return new DecodedImage(format, declared.Width, declared.Height, onWhite, onBlack)
        {
            Note = frames > 1 ? $"animated ({frames} frames): its first frame was compared" : null,
        };
    }

    /// <summary>Throws when the image has taken longer than its time cap.</summary>
    public static void Check(Stopwatch clock, ImageLimits limits, string stage)
    {
        if (clock.Elapsed > limits.MaxTime)
        {
            throw new ImageException($"{stage} the image took over {limits.MaxTime.TotalSeconds:0.#} s, the time cap");
        }
    }

    private static SKBitmap DecodePixels(SKCodec codec, SKImageInfo declared, string format, ImageLimits limits)
    {
        // JPEG and WebP decode at a fraction of their size directly: a 6000 x 4000 photo never costs 96 MB.
        var scale = Math.Min(1f, (float)limits.WorkingSide / Math.Max(declared.Width, declared.Height));
        var size = scale < 1 ? codec.GetScaledDimensions(scale) : new SKSizeI(declared.Width, declared.Height);
        var result = TryDecode(codec, size, out var bitmap);
        if (result == SKCodecResult.InvalidScale && (size.Width != declared.Width || size.Height != declared.Height))
        {
            bitmap?.Dispose();
            result = TryDecode(codec, new SKSizeI(declared.Width, declared.Height), out bitmap);
        }

        if (result == SKCodecResult.Success && bitmap is not null)
        {
            return bitmap;
        }

        bitmap?.Dispose();
        throw new ImageException(result == SKCodecResult.IncompleteInput
            ? $"the {format} image is truncated (its data ends before its last pixel)"
            : $"the {format} image cannot be decoded ({Describe(result)})");
    }

    private static SKCodecResult TryDecode(SKCodec codec, SKSizeI size, out SKBitmap? bitmap)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        bitmap = new SKBitmap(info);
        return codec.GetPixels(info, bitmap.GetPixels());
    }

    private static SKBitmap Shrink(SKBitmap bitmap, int longest)
    {
        var side = Math.Max(bitmap.Width, bitmap.Height);
        if (side <= longest)
        {
            return bitmap.Copy();
        }

        var scale = (double)longest / side;
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new ImageException("the image could not be resized");
    }

    /// <summary>Grey scale (Rec. 601 luma), transparency flattened on white and on black.</summary>
    private static (GreyImage OnWhite, GreyImage OnBlack) Flatten(SKBitmap bitmap)
    {
        var count = bitmap.Width * bitmap.Height;
        var rgba = new byte[count * 4];
        Marshal.Copy(bitmap.GetPixels(), rgba, 0, rgba.Length);
        var white = new float[count];
        var black = new float[count];
        var transparent = false;
        for (var i = 0; i < count; i++)
        {
            var o = i * 4;
            var luma = ((0.299f * rgba[o]) + (0.587f * rgba[o + 1]) + (0.114f * rgba[o + 2])) / 255f;
            var alpha = rgba[o + 3] / 255f;
            transparent |= rgba[o + 3] < 255;
            black[i] = luma * alpha;
            white[i] = black[i] + (1 - alpha);
        }

        var onWhite = new GreyImage(bitmap.Width, bitmap.Height, white);
        return (onWhite, transparent ? new GreyImage(bitmap.Width, bitmap.Height, black) : onWhite);
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.ErrorInInput => "its data is damaged",
        SKCodecResult.IncompleteInput => "its data is truncated",
        SKCodecResult.InvalidInput => "its data is not valid",
        SKCodecResult.Unimplemented => "a variant of the format the decoder does not support",
        _ => $"decoder answer: {result}",
    };
}
