using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Syndication.Core.Tests.Images;

/// <summary>Images made to hurt a decoder: a decompression bomb, truncated data, scripted SVG, animation, lies.</summary>
public static class HostileImages
{
    /// <summary>A valid PNG header declaring width x height pixels, followed by a little compressed data.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(stream, "IHDR", header);
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1 << 20]); // a megabyte of zeros: the start of rows that would never end
        }

        Chunk(stream, "IDAT", compressed.ToArray());
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>A GIF89a with two 2 x 2 frames (black, then white), looping.</summary>
    public static byte[] AnimatedGif()
    {
        var bytes = new List<byte>();
        bytes.AddRange("GIF89a"u8.ToArray());
        bytes.AddRange([2, 0, 2, 0, 0x80, 0, 0]); // 2 x 2, global colour table of 2 entries
        bytes.AddRange([0, 0, 0, 255, 255, 255]);
        bytes.AddRange([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8.ToArray(), 3, 1, 0, 0, 0]);
        foreach (var colour in new byte[] { 0, 1 })
        {
            bytes.AddRange([0x21, 0xF9, 4, 0, 10, 0, 0, 0]); // 0.1 s per frame
            bytes.AddRange([0x2C, 0, 0, 0, 0, 2, 0, 2, 0, 0]);
            // LZW, minimum code size 2: clear (4), four pixels of the colour, end (5); codes of 3 bits.
            bytes.AddRange([2, .. Lzw3([4, colour, colour, colour, colour, 5]), 0]);
        }

        bytes.Add(0x3B);
        return [.. bytes];
    }

    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="100"><script>fetch('http://169.254.169.254/')</script><image xlink:href="http://127.0.0.1:9/x.png" width="400" height="100"/></svg>""");

    public static byte[] HtmlPage() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>Not found</p></body></html>");

    public static byte[] Truncated() => Truncate(TestImages.Png(TestImages.Logo()));

    public static byte[] Truncate(byte[] image) => image[..(image.Length / 2)];

    public static byte[] Jpeg() => TestImages.Encode(TestImages.Logo(), SKEncodedImageFormat.Jpeg, 60);

    private static IEnumerable<byte> Lzw3(int[] codes)
    {
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var code in codes)
        {
            buffer |= code << bits;
            bits += 3;
            while (bits >= 8)
            {
                output.Add((byte)(buffer & 0xFF));
                buffer >>= 8;
                bits -= 8;
            }
        }

        if (bits > 0)
        {
            output.Add((byte)buffer);
        }

        return [(byte)output.Count, .. output];
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
