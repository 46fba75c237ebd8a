using System.Diagnostics;
using System.Globalization;

namespace Syndication.Bench;

/// <summary>
/// The schedule on a real network's shape: a skewed list (one partner with BIG pages, 249 with a handful each, one
/// host each) served from the page farm with a latency per host (the big partner's 50 ms, the others' drawn between
/// 50 and 400 ms), audited at several global concurrencies with the default per-host limit (2). Each run is set
/// against the schedule's lower bound: the busiest host's pages × its latency ÷ the per-host limit, or all pages ×
/// their latency ÷ the global concurrency, whichever is longer. Efficiency is the bound over the audit's wall time
/// (start-up, loading the originals and robots.txt included).
///   dotnet run -c Release --project bench/Syndication.Bench -- --schedule [BIG] [--concurrency 16] [--also 64] [--serve FILE]
/// </summary>
internal static class ScheduleBench
{
    private const int SmallPartners = 249;
    private const int SmallPages = 4;
    private const int PerHost = 2;

    public static async Task RunAsync(string root, string cli, int big, IReadOnlyList<int> concurrencies, string? serveAt = null)
    {
        var random = new Random(2026);
        var latency = new TimeSpan[SmallPartners + 2];
        latency[1] = TimeSpan.FromMilliseconds(50);
        for (var h = 2; h < latency.Length; h++)
        {
            latency[h] = TimeSpan.FromMilliseconds(random.Next(50, 401));
        }

        await using var farm = await PageFarm.StartAsync(Path.Combine(root, "samples"), SmallPartners + 1, latency: host => latency[host]);
        farm.Record = true;
        using var work = new TempDir();
        var list = Path.Combine(work.Path, "partners.yaml");
        var lines = new List<string> { "settings:", $"  originals: [{Path.Combine(root, "samples", "originals", "feed.xml")}]", "partners:" };
        var pages = new int[latency.Length];
        var next = 0;
        for (var h = 1; h < latency.Length; h++)
        {
            pages[h] = h == 1 ? big : SmallPages;
            lines.Add($"  - name: Partner {h}");
            lines.Add("    pages:");
            for (var i = 0; i < pages[h]; i++)
            {
                lines.Add($"      - {farm.UrlOn(h, next++)}");
            }
        }

        await File.WriteAllLinesAsync(list, lines);
        if (serveAt is not null)
        {
            // --serve FILE: the list written to FILE and served until Ctrl+C, to time audits by hand (two builds side by side).
            await File.WriteAllLinesAsync(serveAt, lines);
            Console.WriteLine($"serving {pages.Sum():N0} pages; partner list at {serveAt}; Ctrl+C to stop");
            await Task.Delay(Timeout.Infinite);
        }

        var total = pages.Sum();
        var busiest = Enumerable.Range(1, latency.Length - 1).Max(h => pages[h] * latency[h].TotalSeconds / PerHost);
        var work1 = Enumerable.Range(1, latency.Length - 1).Sum(h => pages[h] * latency[h].TotalSeconds);
        Console.WriteLine($"schedule bench: {total:N0} pages, {latency.Length - 1} hosts (one with {big:N0} pages at 50 ms, {SmallPartners} with {SmallPages} at 50-400 ms), per-host {PerHost}; {Environment.ProcessorCount} cores, load {NightsBench.Load()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lower bound: busiest host {busiest:0.0} s; all pages' latency {work1:0.0} s ÷ concurrency"));
        Console.WriteLine("concurrency  bound s  wall s  efficiency  start s  fetching s  after s  w/o start  busiest in flight  served bound s  fetch eff.  peak MB");
        foreach (var concurrency in concurrencies)
        {
            var bound = Math.Max(busiest, work1 / concurrency);
            farm.Requests.Clear();
            var began = Stopwatch.GetTimestamp();
            var (seconds, peak, code) = await Child.RunAsync("dotnet", [cli, "audit", list, "--allow-private-networks", "--no-history", "--format", "json", "--output", Path.Combine(work.Path, "report.json"), "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture), "--per-host", PerHost.ToString(CultureInfo.InvariantCulture), "--timeout", "60"]);
            if (code is not (0 or 1))
            {
                throw new InvalidOperationException($"audit exited {code}");
            }

            var phases = Phases.Of(farm.Requests.ToList(), began, seconds, pages, latency);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{concurrency,11}  {bound,7:0.0}  {seconds,6:0.0}  {bound / seconds,10:0.00}  {phases.Start,7:0.0}  {phases.Fetching,10:0.0}  {phases.After,7:0.0}  {bound / (seconds - phases.Start),9:0.00}  {phases.BusiestInFlight,17:0.00}  {phases.ServedBound,14:0.0}  {Math.Max(phases.ServedBound, work1 / concurrency) / phases.Fetching,10:0.00}  {peak / 1048576.0,7:0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"             busiest host: {phases.BusiestRequests} requests, served in {phases.BusiestServe * 1000:0.0} ms each on average (latency {latency[1].TotalMilliseconds:0} ms), its first page at {phases.BusiestFirst:0.0} s, its last answered at {phases.BusiestLast:0.0} s; gap between an answer and the next request on its slot {phases.BusiestGap * 1000:0.0} ms"));
        }

        Console.WriteLine($"load {NightsBench.Load()}");
    }

    /// <summary>
    /// The run as the server saw it: start-up (the child's start to its first request, robots.txt included), the
    /// fetching (first request to last answer), what came after (the last pages judged, the report written, exit),
    /// and the busiest host's requests: how many were in flight on average between its first and last, what one took
    /// to serve, and the bound those served times give (their sum ÷ the per-host limit: what the machine allowed).
    /// </summary>
    private sealed record Phases(double Start, double Fetching, double After, double BusiestInFlight, double ServedBound, int BusiestRequests, double BusiestServe, double BusiestFirst, double BusiestLast, double BusiestGap)
    {
        public static Phases Of(List<(int Host, string Path, long Arrived, long Answered)> requests, long began, double wall, int[] pages, TimeSpan[] latency)
        {
            double At(long timestamp) => Stopwatch.GetElapsedTime(began, timestamp).TotalSeconds;
            var first = requests.Min(r => r.Arrived);
            var last = requests.Max(r => r.Answered);
            var big = requests.Where(r => r.Host == 1).OrderBy(r => r.Arrived).ToList();
            var span = At(big.Max(r => r.Answered)) - At(big.Min(r => r.Arrived));
            var served = big.Sum(r => Stopwatch.GetElapsedTime(r.Arrived, r.Answered).TotalSeconds);

            // With at most PerHost in flight, request k could start only once answer k - PerHost was written: the gap
            // between the two is the client's turn-around (reading the body, handing the host's turn on, the next request).
            var answers = big.Select(r => r.Answered).Order().ToList();
            var gaps = big.Skip(PerHost).Select((r, k) => Stopwatch.GetElapsedTime(answers[k], r.Arrived).TotalSeconds).ToList();

            return new Phases(At(first), At(last) - At(first), wall - At(last), served / span, served / PerHost, big.Count, served / big.Count, At(big[0].Arrived), At(big.Max(r => r.Answered)), gaps.Count == 0 ? 0 : gaps.Average());
        }
    }
}
