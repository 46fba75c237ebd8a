using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>Reads a response body up to a cap, never buffering more than the cap plus one chunk.</summary>
public static class BodyReader
{
    public static async Task<byte[]> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new FetchException(ErrorKinds.TooLarge, $"Content-Length is {declared:N0} bytes, over the {maxBytes:N0}-byte limit");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await ReadCappedAsync(stream, maxBytes, cancellationToken);
    }

    public static Task<byte[]> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken) =>
        ReadAsync(stream, maxBytes, truncate: false, cancellationToken);

    /// <summary>Reads at most <paramref name="maxBytes"/> and stops there without error (robots.txt: the rest is ignored).</summary>
    public static async Task<byte[]> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await ReadAsync(stream, maxBytes, truncate: true, cancellationToken);
    }

    /// <summary>
    /// Copies a response body to <paramref name="destination"/> (a spool file) up to the cap, declared length first;
    /// returns the bytes copied. Past the cap: <see cref="ErrorKinds.TooLarge"/>.
    /// </summary>
    public static async Task<long> CopyCappedAsync(HttpContent content, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            throw new FetchException(ErrorKinds.TooLarge, $"Content-Length is {declared:N0} bytes, over the {maxBytes:N0}-byte limit");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        return await CopyAsync(stream, destination, maxBytes, truncate: false, cancellationToken);
    }

    /// <summary>Copies a stream to <paramref name="destination"/> up to the cap (a cached body into a spool file).</summary>
    public static Task<long> CopyCappedAsync(Stream source, Stream destination, long maxBytes, CancellationToken cancellationToken) =>
        CopyAsync(source, destination, maxBytes, truncate: false, cancellationToken);

    /// <summary>
    /// Reads the stream into a buffer that grows with what arrives (a small body costs a small buffer). Past the
    /// cap it either throws <see cref="ErrorKinds.TooLarge"/> or keeps the first <paramref name="maxBytes"/>.
    /// </summary>
    private static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, bool truncate, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await CopyAsync(stream, buffer, maxBytes, truncate, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<long> CopyAsync(Stream stream, Stream destination, long maxBytes, bool truncate, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        long copied = 0;
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return copied;
            }

            if (copied + read > maxBytes)
            {
                if (!truncate)
                {
                    throw new FetchException(ErrorKinds.TooLarge, $"the page is over the {maxBytes:N0}-byte limit (decompressed)");
                }

                await destination.WriteAsync(chunk.AsMemory(0, (int)(maxBytes - copied)), cancellationToken);
                return maxBytes;
            }

            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            copied += read;
        }
    }
}
