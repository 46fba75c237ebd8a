using System.Globalization;

namespace Syndication.Bench;

/// <summary>
/// The schedule on a real network's shape: a skewed list (one partner with BIG pages, 249 with a handful each, one
/// host each) served from the page farm with a latency per host (the big partner's 50 ms, the others' drawn between
/// 50 and 400 ms), audited at several global concurrencies with the default per-host limit (2). Each run is set
/// against the schedule's lower bound: the busiest host's pages × its latency ÷ the per-host limit, or all pages ×
/// their latency ÷ the global concurrency, whichever is longer. Efficiency is the bound over the audit's wall time
/// (start-up, loading the originals and robots.txt included).
///   dotnet run -c Release --project bench/Syndication.Bench -- --schedule [BIG] [--concurrency 16] [--also 64]
/// </summary>
internal static class ScheduleBench
{
    private const int SmallPartners = 249;
    private const int SmallPages = 4;
    private const int PerHost = 2;

    public static async Task RunAsync(string root, string cli, int big, IReadOnlyList<int> concurrencies)
    {
        var random = new Random(2026);
        var latency = new TimeSpan[SmallPartners + 2];
        latency[1] = TimeSpan.FromMilliseconds(50);
        for (var h = 2; h < latency.Length; h++)
        {
            latency[h] = TimeSpan.FromMilliseconds(random.Next(50, 401));
        }

        await using var farm = await PageFarm.StartAsync(Path.Combine(root, "samples"), SmallPartners + 1, latency: host => latency[host]);
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
        var total = pages.Sum();
        var busiest = Enumerable.Range(1, latency.Length - 1).Max(h => pages[h] * latency[h].TotalSeconds / PerHost);
        var work1 = Enumerable.Range(1, latency.Length - 1).Sum(h => pages[h] * latency[h].TotalSeconds);
        Console.WriteLine($"schedule bench: {total:N0} pages, {latency.Length - 1} hosts (one with {big:N0} pages at 50 ms, {SmallPartners} with {SmallPages} at 50-400 ms), per-host {PerHost}; {Environment.ProcessorCount} cores, load {NightsBench.Load()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lower bound: busiest host {busiest:0.0} s; all pages' latency {work1:0.0} s ÷ concurrency"));
        Console.WriteLine("concurrency  bound s  wall s  efficiency  peak MB");
        foreach (var concurrency in concurrencies)
        {
            var bound = Math.Max(busiest, work1 / concurrency);
            var (seconds, peak, code) = await Child.RunAsync("dotnet", [cli, "audit", list, "--allow-private-networks", "--no-history", "--format", "json", "--output", Path.Combine(work.Path, "report.json"), "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture), "--per-host", PerHost.ToString(CultureInfo.InvariantCulture), "--timeout", "60"]);
            if (code is not (0 or 1))
            {
                throw new InvalidOperationException($"audit exited {code}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrency,11}  {bound,7:0.0}  {seconds,6:0.0}  {bound / seconds,10:0.00}  {peak / 1048576.0,7:0}"));
        }

        Console.WriteLine($"load {NightsBench.Load()}");
    }
}
