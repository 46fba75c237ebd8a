using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Syndication.Catalogue;

/// <summary>An original's paragraphs as the catalogue keeps them (JSON, Brotli-compressed), and the hash that tells an edit.</summary>
internal static class OriginalBody
{
    public static byte[] Pack(IReadOnlyList<string> paragraphs)
    {
        using var memory = new MemoryStream();
        using (var brotli = new BrotliStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, paragraphs);
        }

        return memory.ToArray();
    }

    public static List<string> Unpack(byte[] packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<string>>(brotli) ?? [];
    }

    /// <summary>The original's links, pictures and captions (JSON, Brotli-compressed); null when its source gave no markup.</summary>
    public static byte[]? PackMarkup(Originals.Original original)
    {
        if (original.Links is null && original.Images is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        using (var brotli = new BrotliStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(brotli, new Markup(original.Links?.ToList(), original.Images?.ToList(), [.. original.Captions]));
        }

        return memory.ToArray();
    }

    /// <summary>The original with the links, pictures and captions <see cref="PackMarkup"/> kept (as it was when null).</summary>
    public static Originals.Original WithMarkup(Originals.Original original, byte[]? packed)
    {
        if (packed is null)
        {
            return original;
        }

        using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        var markup = JsonSerializer.Deserialize<Markup>(brotli);
        return markup is null ? original : original with { Links = markup.Links, Images = markup.Images, Captions = markup.Captions ?? [] };
    }

    private sealed record Markup(List<Originals.StoryLink>? Links, List<string>? Images, List<string>? Captions);

    public static string Reporters(IReadOnlyList<string> reporters) => JsonSerializer.Serialize(reporters);

    public static List<string> Reporters(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>SHA-256 of what a reader sees: title, reporters and text.</summary>
    public static string Hash(string title, IReadOnlyList<string> reporters, IReadOnlyList<string> paragraphs)
    {
        var text = new StringBuilder(title).Append('\n').AppendJoin('\u001f', reporters).Append('\n').AppendJoin('\n', paragraphs);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static byte[] PackFingerprints(ulong[] fingerprints)
    {
        var bytes = new byte[fingerprints.Length * sizeof(ulong)];
        for (var i = 0; i < fingerprints.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), fingerprints[i]);
        }

        return bytes;
    }

    public static void UnpackFingerprints(ReadOnlySpan<byte> bytes, Span<ulong> into)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
        }
    }
}
