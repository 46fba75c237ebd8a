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
    /// Reads the stream into a buffer that grows with what arrives (a small body costs a small buffer). Past the
    /// cap it either throws <see cref="ErrorKinds.TooLarge"/> or keeps the first <paramref name="maxBytes"/>.
    /// </summary>
    private static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, bool truncate, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > maxBytes)
            {
                if (!truncate)
                {
                    throw new FetchException(ErrorKinds.TooLarge, $"the page is over the {maxBytes:N0}-byte limit (decompressed)");
                }

                buffer.Write(chunk, 0, (int)(maxBytes - buffer.Length));
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
        }
    }
}
