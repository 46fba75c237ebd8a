namespace Syndication.Pipeline;

/// <summary>
/// Hands out pages so that work is spread across hosts: a page is taken only when its host has a free slot, hosts
/// take turns, and a slow host never holds a global worker waiting while other hosts have pages ready.
/// Local files have no host and no limit.
/// </summary>
public sealed class HostQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<int>> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<string> _turns = new();
    private readonly int _perHost;
    private readonly SemaphoreSlim _changed = new(0);
    private int _remaining;

    public HostQueue(IReadOnlyList<PageTarget> targets, int perHost)
    {
        _perHost = Math.Max(1, perHost);
        for (var i = 0; i < targets.Count; i++)
        {
            var host = HostOf(targets[i]);
            if (!_byHost.TryGetValue(host, out var queue))
            {
                _byHost[host] = queue = new Queue<int>();
                _inFlight[host] = 0;
                _turns.AddLast(host);
            }

            queue.Enqueue(i);
        }

        _remaining = targets.Count;
    }

    public static string HostOf(PageTarget target) => target.Address.Url?.Host ?? string.Empty;

    /// <summary>The next page to check, or -1 when every page has been handed out.</summary>
    public async Task<int> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                if (_remaining == 0)
                {
                    // Wake the next waiting worker so that every worker learns the queue is empty.
                    _changed.Release();
                    return -1;
                }

                for (var node = _turns.First; node is not null; node = node.Next)
                {
                    var host = node.Value;
                    var queue = _byHost[host];
                    if (queue.Count == 0 || (host.Length > 0 && _inFlight[host] >= _perHost))
                    {
                        continue;
                    }

                    _inFlight[host]++;
                    if (--_remaining == 0)
                    {
                        _changed.Release();
                    }

                    // The host goes to the back of the line: the next worker serves another host first.
                    _turns.Remove(node);
                    _turns.AddLast(node);
                    return queue.Dequeue();
                }
            }

            await _changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Gives the page's host slot back.</summary>
    public void Done(PageTarget target)
    {
        lock (_gate)
        {
            _inFlight[HostOf(target)]--;
        }

        _changed.Release();
    }

    /// <summary>Takes every page not yet handed out (the run stops: they are reported as not checked).</summary>
    public List<int> Drain()
    {
        lock (_gate)
        {
            var rest = _byHost.Values.SelectMany(q => q).ToList();
            foreach (var queue in _byHost.Values)
            {
                queue.Clear();
            }

            _remaining = 0;
            _changed.Release(Math.Max(1, _byHost.Count));
            return rest;
        }
    }

    public void Dispose() => _changed.Dispose();
}
