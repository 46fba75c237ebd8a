using System.Text;
using Syndication.Fetching;

namespace Syndication.Images;

/// <summary>Tells image formats by their first bytes, whatever the server or the file name claims.</summary>
public static class ImageFormats
{
    public const string Svg = "SVG";

    private static readonly (byte[] Magic, int Offset, string Name)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "PNG"),
        ([0xFF, 0xD8, 0xFF], 0, "JPEG"),
        ("GIF87a"u8.ToArray(), 0, "GIF"),
        ("GIF89a"u8.ToArray(), 0, "GIF"),
        ("WEBP"u8.ToArray(), 8, "WebP"),
        ("BM"u8.ToArray(), 0, "BMP"),
        ([0x00, 0x00, 0x01, 0x00], 0, "ICO"),
        ("ftypavif"u8.ToArray(), 4, "AVIF"),
        ("ftypheic"u8.ToArray(), 4, "HEIC"),
    ];

    /// <summary>The format's name, <see cref="Svg"/> for SVG markup, or null when the bytes are no image.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, offset, name) in Signatures)
        {
            if (bytes.Length >= offset + magic.Length && bytes.Slice(offset, magic.Length).SequenceEqual(magic))
            {
                return name == "WebP" && !bytes.StartsWith("RIFF"u8) ? null : name;
            }
        }

        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<svg", StringComparison.OrdinalIgnoreCase))
            || (head.StartsWith("<!DOCTYPE svg", StringComparison.OrdinalIgnoreCase))
            ? Svg
            : null;
    }

    /// <summary>What bytes that are no image are instead, for the reason ("HTML", "a PDF document", "binary data").</summary>
    public static string DescribeOther(ReadOnlySpan<byte> bytes) => ContentSniffer.DescribeNonHtml(bytes) ?? "HTML";
}
