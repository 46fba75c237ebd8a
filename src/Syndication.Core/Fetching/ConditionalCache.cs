using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndication.Files;

namespace Syndication.Fetching;

/// <summary>
/// An on-disk cache of fetched pages with their validators (ETag, Last-Modified), so a rerun asks "has it changed?"
/// (If-None-Match / If-Modified-Since) and an unchanged page costs the partner a 304, not the whole page.
/// <para>
/// A cached body stands in for the page as evidence, so it is used only when it is exactly what was fetched: the
/// entry carries the body's SHA-256 and length, checked as the body is read back. An entry that is unreadable, for
/// another address, or whose body does not match (cut short, emptied, swapped, overwritten) is dropped, and the page
/// is fetched again without validators. Each file is written atomically and flushed to the disk before it is renamed
/// into place; the body is written before the entry that vouches for it.
/// </para>
/// </summary>
public sealed class ConditionalCache(string directory)
{
    public sealed record Entry(string Url, string? ETag, string? LastModified, string? MediaType, string? Charset, string FinalUrl, DateTimeOffset StoredAt)
    {
        /// <summary>The SHA-256 of the body as fetched (hex); an entry without one is not used.</summary>
        public string? Sha256 { get; init; }

        /// <summary>The body's length in bytes.</summary>
        public long Bytes { get; init; }
    }

    public string Directory { get; } = directory;

    /// <summary>The validators stored for a page, or null; the body stays on disk until a 304 asks for it.</summary>
    public Entry? Find(Uri url)
    {
        var meta = MetaPath(url);
        try
        {
            if (!File.Exists(meta))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllBytes(meta));
            if (entry is { Sha256.Length: 64, Bytes: >= 0 } && entry.Url == url.AbsoluteUri)
            {
                return entry;
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // Unreadable: dropped below.
        }

        Drop(url);
        return null;
    }

    /// <summary>The stored body of an entry, or null (and the entry dropped) when it is missing or not the body fetched.</summary>
    public byte[]? Body(Entry entry)
    {
        try
        {
            using var body = OpenBody(entry);
            if (body is null)
            {
                return null;
            }

            using var memory = new MemoryStream();
            body.CopyTo(memory);
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

    /// <summary>
    /// The stored body of an entry as a stream to read once, or null when it is missing. The stream checks the body
    /// against the entry's hash and length as it is read, and at its end throws <see cref="InvalidDataException"/>
    /// (the entry dropped) when they differ: the caller fetches the page again.
    /// </summary>
    public Stream? OpenBody(Entry entry)
    {
        var url = new Uri(entry.Url);
        try
        {
            var gzip = new GZipStream(File.OpenRead(BodyPath(url)), CompressionMode.Decompress);
            return new HashCheckedStream(gzip, entry.Sha256 ?? string.Empty, entry.Bytes, () => Drop(url));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Drop(url);
            return null;
        }
    }

    private void Put(Entry entry, Action<Stream> writeBody)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var url = new Uri(entry.Url);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long bytes = 0;
            AtomicFile.Write(
                BodyPath(url),
                stream =>
                {
                    using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
                    using var hashing = new HashingStream(gzip, hash);
                    writeBody(hashing);
                    bytes = hashing.Written;
                },
                Durability.Content);
            var vouched = entry with { Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), Bytes = bytes };
            AtomicFile.Write(MetaPath(url), stream => stream.Write(JsonSerializer.SerializeToUtf8Bytes(vouched)), Durability.Content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs a full fetch next time.
        }
    }

    /// <summary>Removes an entry that cannot be trusted, so the next run does not send its validators either.</summary>
    private void Drop(Uri url)
    {
        foreach (var path in new[] { MetaPath(url), BodyPath(url) })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next write to replace; without a matching hash it is never used.
            }
        }
    }

    private string MetaPath(Uri url) => Path.Combine(Directory, Key(url) + ".json");

    private string BodyPath(Uri url) => Path.Combine(Directory, Key(url) + ".body.gz");

    private static string Key(Uri url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));

    /// <summary>Passes writes on and adds them to a hash.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Reads a cached body through, hashing it; at its end, a body that is not the one the entry vouches for is an error.</summary>
    private sealed class HashCheckedStream(Stream inner, string sha256, long bytes, Action mismatch) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _read;
        private bool _checked;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n;
            try
            {
                n = inner.Read(buffer);
            }
            catch (InvalidDataException)
            {
                mismatch();
                throw;
            }

            return Checked(buffer[..n]);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n;
            try
            {
                n = await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (InvalidDataException)
            {
                mismatch();
                throw;
            }

            return Checked(buffer.Span[..n]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Checked(ReadOnlySpan<byte> data)
        {
            _read += data.Length;
            _hash.AppendData(data);
            if (_read > bytes || (data.Length == 0 && !_checked && !Matches()))
            {
                mismatch();
                throw new InvalidDataException("the cached body is not the one its entry vouches for");
            }

            return data.Length;
        }

        private bool Matches()
        {
            _checked = true;
            return _read == bytes && Convert.ToHexStringLower(_hash.GetHashAndReset()) == sha256;
        }
    }
}
