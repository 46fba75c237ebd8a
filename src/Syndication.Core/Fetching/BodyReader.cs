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

    public static async Task<byte[]> ReadCappedAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
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
                throw new FetchException(ErrorKinds.TooLarge, $"the page is over the {maxBytes:N0}-byte limit (decompressed)");
            }

            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> and stops there without error (robots.txt: the rest is ignored).</summary>
    public static async Task<byte[]> ReadPrefixAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes];
        var total = 0;
        while (total < maxBytes)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }
}
