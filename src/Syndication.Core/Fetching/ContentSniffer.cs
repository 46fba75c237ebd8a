using System.Text;

namespace Syndication.Fetching;

/// <summary>Tells HTML from other bytes (images, PDFs, JSON, binary) by their first bytes, as browsers sniff.</summary>
public static class ContentSniffer
{
    private static readonly (byte[] Magic, string Name)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ("%PDF"u8.ToArray(), "a PDF document"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ("RIFF"u8.ToArray(), "a RIFF file (WebP, WAV or AVI)"),
    ];

    /// <summary>Returns null when the bytes may be HTML, else a short description of what they are.</summary>
    public static string? DescribeNonHtml(ReadOnlySpan<byte> body)
    {
        foreach (var (magic, name) in Signatures)
        {
            if (body.StartsWith(magic))
            {
                return name;
            }
        }

        var head = body[..Math.Min(body.Length, 1024)];
        if (head.IndexOf((byte)0) >= 0 && !LooksLikeUtf16(head))
        {
            return "binary data";
        }

        var text = SkipBomAndSpace(head);
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] is (byte)'{' or (byte)'[')
        {
            return "JSON";
        }

        if (text[0] != (byte)'<' && !ContainsMarkup(head))
        {
            return "plain text";
        }

        return null;
    }

    private static bool ContainsMarkup(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.ASCII.GetString(head).ToLowerInvariant();
        return ascii.Contains("<html", StringComparison.Ordinal) || ascii.Contains("<body", StringComparison.Ordinal)
            || ascii.Contains("<p>", StringComparison.Ordinal) || ascii.Contains("<div", StringComparison.Ordinal);
    }

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (LooksLikeUtf16(span))
        {
            return "<"u8;
        }

        var i = 0;
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f')
        {
            i++;
        }

        return span[i..];
    }
}
