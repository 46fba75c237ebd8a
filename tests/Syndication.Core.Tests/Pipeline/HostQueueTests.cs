using Syndication.Pipeline;

namespace Syndication.Core.Tests.Pipeline;

/// <summary>How pages are handed out: per-host limits, and the busiest host first so the run's longest part starts at once.</summary>
public sealed class HostQueueTests
{
    [Test]
    public async Task The_host_with_the_most_pages_left_is_kept_at_its_limit_and_the_others_fill_in_around_it()
    {
        var targets = new List<PageTarget>();
        foreach (var host in new[] { "small-1", "small-2", "big", "small-3" })
        {
            for (var i = 0; i < (host == "big" ? 6 : 1); i++)
            {
                targets.Add(PageTarget.Of($"https://{host}.example/{i}"));
            }
        }

        using var queue = new HostQueue(targets, perHost: 2);
        var first = new[] { await queue.TakeAsync(CancellationToken.None), await queue.TakeAsync(CancellationToken.None), await queue.TakeAsync(CancellationToken.None), await queue.TakeAsync(CancellationToken.None) };
        Assert.That(first.Select(i => Host(targets[i])), Is.EqualTo(new[] { "big", "big", "big", "small-1" }), "the big host's two slots and its standby page first, then the others in list order");

        // A big page done: its standby is now in flight, and its next standby goes out before the small hosts still waiting.
        queue.Done(targets[first[0]]);
        Assert.That(Host(targets[await queue.TakeAsync(CancellationToken.None)]), Is.EqualTo("big"));
        Assert.That(Host(targets[await queue.TakeAsync(CancellationToken.None)]), Is.EqualTo("small-2"), "the big host has its two slots and a standby out");
    }

    [Test]
    public async Task A_standby_page_waits_behind_free_slots_of_hosts_as_far_from_done_and_goes_before_hosts_nearer_done()
    {
        var targets = new List<PageTarget>();
        foreach (var (host, pages) in new[] { ("a", 3), ("b", 3), ("c", 1) })
        {
            for (var i = 0; i < pages; i++)
            {
                targets.Add(PageTarget.Of($"https://{host}.example/{i}"));
            }
        }

        targets.Add(PageTarget.Of("local-1.html"));
        targets.Add(PageTarget.Of("local-2.html"));
        using var queue = new HostQueue(targets, perHost: 1);
        var order = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            order.Add(Host(targets[await queue.TakeAsync(CancellationToken.None)]));
        }

        // a and b at 3 left: a's slot, b's slot; the local files (2 left, no host, no limit, no standby) before a's
        // and b's standbys at 2 left; c (1 left) before the last local file, in list order.
        Assert.That(order, Is.EqualTo(new[] { "a", "b", string.Empty, "a", "b", "c", string.Empty }));
        var waiting = queue.TakeAsync(CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False, "a and b each have one page in flight and one standing by: no third");
        queue.Done(targets[0]);
        Assert.That(Host(targets[await waiting]), Is.EqualTo("a"));
    }

    [Test]
    public async Task Every_page_is_handed_out_once_and_no_host_goes_over_its_limit()
    {
        var random = new Random(7);
        var targets = Enumerable.Range(0, 300).Select(i => PageTarget.Of($"https://h{random.Next(12)}.example/{i}")).Concat([PageTarget.Of("local.html"), PageTarget.Of("other.html")]).ToList();
        using var queue = new HostQueue(targets, perHost: 3);
        var inFlight = new Dictionary<string, int>();
        var seen = new HashSet<int>();
        var held = new Queue<int>();
        while (seen.Count < targets.Count)
        {
            var task = queue.TakeAsync(CancellationToken.None);
            if (!task.IsCompleted)
            {
                // Every slot taken: give one back.
                var done = held.Dequeue();
                inFlight[Host(targets[done])]--;
                queue.Done(targets[done]);
            }

            var page = await task;
            Assert.That(seen.Add(page), Is.True);
            var host = Host(targets[page]);
            inFlight[host] = inFlight.GetValueOrDefault(host) + 1;
            Assert.That(host.Length == 0 || inFlight[host] <= 3 + 1, Is.True, $"{host}: its limit and one standby page");
            held.Enqueue(page);
            if (held.Count > 10)
            {
                var done = held.Dequeue();
                inFlight[Host(targets[done])]--;
                queue.Done(targets[done]);
            }
        }

        Assert.That(await queue.TakeAsync(CancellationToken.None), Is.EqualTo(-1));
    }

    private static string Host(PageTarget target) => HostQueue.HostOf(target).Split('.')[0];
}
