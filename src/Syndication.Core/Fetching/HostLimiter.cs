using System.Collections.Concurrent;

namespace Syndication.Fetching;

/// <summary>
/// Politeness per host: at most N requests in flight to one host, and a pause when a host asks us to come back
/// later than we are willing to wait (Retry-After beyond the cap): its remaining pages are reported rate-limited.
/// </summary>
public sealed class HostLimiter(int perHost, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.OrdinalIgnoreCase);

    public int PerHost { get; } = Math.Max(1, perHost);

    /// <summary>Waits for a free slot for the host; dispose the result to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(host, _ => new SemaphoreSlim(PerHost, PerHost));
        await slot.WaitAsync(cancellationToken);
        return new Release(slot);
    }

    public void Pause(string host, DateTimeOffset until) =>
        _pausedUntil.AddOrUpdate(host, until, (_, current) => until > current ? until : current);

    /// <summary>When the host is paused, until when; else null.</summary>
    public DateTimeOffset? PausedUntil(string host) =>
        _pausedUntil.TryGetValue(host, out var until) && until > time.GetUtcNow() ? until : null;

    private sealed class Release(SemaphoreSlim slot) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}
