using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndication.Files;

namespace Syndication.Fetching;

/// <summary>
/// An on-disk cache of fetched pages with their validators (ETag, Last-Modified), so a rerun asks "has it changed?"
/// (If-None-Match / If-Modified-Since) and an unchanged page costs the partner a 304, not the whole page. Entries are
/// written atomically; a damaged entry is ignored.
/// </summary>
public sealed class ConditionalCache(string directory)
{
    public sealed record Entry(string Url, string? ETag, string? LastModified, string? MediaType, string? Charset, string FinalUrl, DateTimeOffset StoredAt);

    public string Directory { get; } = directory;

    /// <summary>The validators stored for a page, or null; the body stays on disk until a 304 asks for it.</summary>
    public Entry? Find(Uri url)
    {
        try
        {
            var meta = Path.Combine(Directory, Key(url) + ".json");
            var entry = File.Exists(meta) ? JsonSerializer.Deserialize<Entry>(File.ReadAllText(meta)) : null;
            return entry is not null && entry.Url == url.AbsoluteUri ? entry : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The stored body of an entry, or null when it is missing or damaged.</summary>
    public byte[]? Body(Entry entry)
    {
        try
        {
            using var gzip = OpenBody(entry);
            if (gzip is null)
            {
                return null;
            }

            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            return memory.ToArray();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Put(Entry entry, byte[] body) => Put(entry, gzip => gzip.Write(body));

    /// <summary>Stores a body read from a stream (a spooled document), which is left at its end.</summary>
    public void Put(Entry entry, Stream body) => Put(entry, body.CopyTo);

    /// <summary>The stored body of an entry as a stream to read once, or null when it is missing.</summary>
    public Stream? OpenBody(Entry entry)
    {
        try
        {
            return new GZipStream(File.OpenRead(Path.Combine(Directory, Key(new Uri(entry.Url)) + ".body.gz")), CompressionMode.Decompress);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Put(Entry entry, Action<Stream> writeBody)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var key = Key(new Uri(entry.Url));
            AtomicFile.Write(
                Path.Combine(Directory, key + ".body.gz"),
                stream =>
                {
                    using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
                    writeBody(gzip);
                },
                flushToDisk: false);
            AtomicFile.Write(Path.Combine(Directory, key + ".json"), stream => stream.Write(JsonSerializer.SerializeToUtf8Bytes(entry)), flushToDisk: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs a full fetch next time.
        }
    }

    private static string Key(Uri url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));
}
