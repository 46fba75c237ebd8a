using System.Text.Json;

namespace Syndication.Pipeline;

/// <summary>
/// A result serialised once for everything that keeps it: the run's spool and the history (its stored result and its
/// digest, derived from these bytes by <c>PageEntry</c> without serialising again). The last result serialised on a
/// thread is remembered by identity: a result changed after that (records are copied with <c>with</c>) is another
/// object and is serialised anew, so the bytes are never stale.
/// </summary>
public static class ResultJson
{
    [ThreadStatic]
    private static PageResult? _last;

    [ThreadStatic]
    private static byte[]? _lastBytes;

    /// <summary>The result as the spool and the history write it (<see cref="ResultSpool.Json"/>; the fetched bytes and headers are never serialised).</summary>
    public static byte[] Bytes(PageResult result)
    {
        if (ReferenceEquals(_last, result) && _lastBytes is { } known)
        {
            return known;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(result, ResultSpool.Json);
        _last = result;
        _lastBytes = bytes;
        return bytes;
    }
}
