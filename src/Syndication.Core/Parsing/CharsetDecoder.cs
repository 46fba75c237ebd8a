using System.Text;

namespace Syndication.Parsing;

/// <summary>
/// Decodes page bytes as browsers do: a byte-order mark wins, then the HTTP charset, then the <c>&lt;meta&gt;</c>
/// prescan of the first 1024 bytes, else UTF-8. When nothing declares an encoding and the bytes are not valid
/// UTF-8, windows-1252 is used, as browsers' detectors do for Western pages (so a legacy page's quotes survive).
/// </summary>
public static class CharsetDecoder
{
    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    public static DecodedPage Decode(byte[] bytes, string? httpCharset)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedPage(Encoding.UTF8.GetString(span[3..]), Encoding.UTF8, "bom");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedPage(Encoding.Unicode.GetString(span[2..]), Encoding.Unicode, "bom");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedPage(Encoding.BigEndianUnicode.GetString(span[2..]), Encoding.BigEndianUnicode, "bom");
        }

        if (Resolve(httpCharset) is { } fromHeader)
        {
            return new DecodedPage(fromHeader.GetString(bytes), fromHeader, "http");
        }

        if (Resolve(MetaCharsetPrescan.Find(span)) is { } fromMeta)
        {
            // A <meta> cannot declare UTF-16: the bytes were read as ASCII to find it (WHATWG).
            var encoding = fromMeta is UnicodeEncoding ? Encoding.UTF8 : fromMeta;
            return new DecodedPage(encoding.GetString(bytes), encoding, "meta");
        }

        try
        {
            return new DecodedPage(StrictUtf8.GetString(bytes), Encoding.UTF8, "default");
        }
        catch (DecoderFallbackException)
        {
            var legacy = Encoding.GetEncoding(1252);
            return new DecodedPage(legacy.GetString(bytes), legacy, "sniffed");
        }
    }

    /// <summary>Maps a charset label to an encoding the way the WHATWG Encoding standard does for the common labels.</summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "iso-8859-1" or "latin1" or "l1" or "ascii" or "us-ascii" or "iso8859-1" or "iso_8859-1" or "cp1252" or "x-cp1252" or "x-user-defined" => "windows-1252",
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            "shift-jis" or "sjis" or "x-sjis" or "ms_kanji" => "shift_jis",
            _ => name,
        };
        try
        {
            return name == "utf-8" ? Encoding.UTF8 : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
