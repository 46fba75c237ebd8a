namespace Syndication.Pipeline;

/// <summary>
/// Hands out pages so that work is spread across hosts: a page is taken only when its host has a free slot, and a slow
/// host never holds a global worker waiting while other hosts have pages ready. Of the hosts with a free slot, the one
/// with the most pages left goes first (ties in list order): the run cannot end before its busiest host is done, so
/// that host is kept at its per-host limit from the first page to the last, and the hosts with a handful of pages fill
/// the other workers around it. Local files have no host and no limit.
/// <para>
/// A web host may have one page more out than its limit: that page's worker waits at the fetcher's per-host limit
/// (which still holds the requests to the limit) and sends the moment a request ends, so the host's turn does not
/// wait for the finished page to be handed back, a worker to wake and the next page to be looked up (about a tenth of
/// a 50 ms host's time on a loaded machine: README "The schedule"). That standby page goes out only before the pages
/// of hosts with fewer pages left, and after a free slot of a host with as many: a worker waits on a host only when
/// the host is further from done than any other that could use it.
/// </para>
/// </summary>
public sealed class HostQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Host> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<Host> _ready = new(Comparer<Host>.Create(static (a, b) =>
        a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Standby != b.Standby ? a.Standby.CompareTo(b.Standby) : a.Order.CompareTo(b.Order)));
    private readonly int _perHost;
    private readonly SemaphoreSlim _changed = new(0);
    private int _remaining;

    public HostQueue(IReadOnlyList<PageTarget> targets, int perHost)
    {
        _perHost = Math.Max(1, perHost);
        for (var i = 0; i < targets.Count; i++)
        {
            var name = HostOf(targets[i]);
            if (!_byHost.TryGetValue(name, out var host))
            {
                _byHost[name] = host = new Host(name, _byHost.Count, name.Length == 0 ? int.MaxValue : _perHost);
            }

            host.Pages.Enqueue(i);
        }

        foreach (var host in _byHost.Values)
        {
            host.Key = host.Pages.Count;
            _ready.Add(host);
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

                if (_ready.Min is { } host)
                {
                    _ready.Remove(host);
                    host.InFlight++;
                    var page = host.Pages.Dequeue();
                    if (--_remaining == 0)
                    {
                        _changed.Release();
                    }

                    Offer(host);
                    return page;
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
            var host = _byHost[HostOf(target)];
            _ready.Remove(host);
            host.InFlight--;
            Offer(host);
        }

        _changed.Release();
    }

    /// <summary>Takes every page not yet handed out (the run stops: they are reported as not checked).</summary>
    public List<int> Drain()
    {
        lock (_gate)
        {
            var rest = _byHost.Values.SelectMany(h => h.Pages).ToList();
            foreach (var host in _byHost.Values)
            {
                host.Pages.Clear();
            }

            _ready.Clear();
            _remaining = 0;
            _changed.Release(Math.Max(1, _byHost.Count));
            return rest;
        }
    }

    public void Dispose() => _changed.Dispose();

    /// <summary>Puts a host among those ready when it has pages and a free slot (or its standby), ordered by the pages it has left.</summary>
    private void Offer(Host host)
    {
        host.Key = host.Pages.Count;
        host.Standby = host.InFlight >= host.Limit;
        if (host.Pages.Count > 0 && host.InFlight < host.Limit + (host.Name.Length == 0 ? 0 : 1))
        {
            _ready.Add(host);
        }
    }

    private sealed class Host(string name, int order, int limit)
    {
        public string Name { get; } = name;

        public int Order { get; } = order;

        public int Limit { get; } = limit;

        public Queue<int> Pages { get; } = new();

        public int InFlight { get; set; }

        /// <summary>The pages left when it was last put among the ready: its place there (never changed while it is in).</summary>
        public int Key { get; set; }

        /// <summary>Whether what it offers is its standby page (its slots are all taken); never changed while it is among the ready.</summary>
        public bool Standby { get; set; }
    }
}
