using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Syndication.History;
using Syndication.Pipeline;
using Syndication.Reporting;
using Syndication.Verdicts;

namespace Syndication.Bench;

/// <summary>
/// The nightly job at scale. <c>--nights N [--count C]</c>: N pages served from the page farm (50 loopback hosts),
/// audited C nights in a row (default 3) in a child process with one history, the conditional cache and the HTML, JSON
/// and JUnit reports, as the nightly job runs; after each night the history's size and growth, each report's size,
/// the audit's wall time and peak memory, and the time of the history's queries (runs, diff, a partner's and a page's
/// history, a whole past run rendered again as JSON), each in this process on the history as the night left it.
/// <c>--year N [--count D]</c>: a year of nights (D, default 365) of N pages recorded through the history's own
/// recorder, without fetching or judging: the first night's results are real (an audit of the farm), the next
/// nights replay them with what changes on a real list (each night 0.5% of the pages change, a fifth of those to
/// another verdict; 0.1% new pages; 0.05% gone), completing and keeping up each run as an audit does. It prints the
/// history's size along the year and the query times at its end.
///   dotnet run -c Release --project bench/Syndication.Bench -- --nights 100000 [--count 3]
///   dotnet run -c Release --project bench/Syndication.Bench -- --year 100000 [--count 365] [--keep FILE]
/// </summary>
internal static class NightsBench
{
    public static async Task NightsAsync(string root, string cli, int pages, int nights, int hosts)
    {
        await using var farm = await PageFarm.StartAsync(Path.Combine(root, "samples"), hosts);
        using var work = new TempDir();
        var list = Path.Combine(work.Path, "partners.yaml");
        await File.WriteAllLinesAsync(list, PartnerList(farm, pages, root));
        var history = Path.Combine(work.Path, "partners.history.db");
        Console.WriteLine($"nights bench: {pages:N0} pages on {hosts} hosts, {nights} nights, one history; {Environment.ProcessorCount} cores, load {Load()}");
        Console.WriteLine("night  wall s  peak MB  history MB  +MB    report html MB  json MB  junit MB   runs ms  diff ms  partner ms  page ms  report --run: first page ms / whole JSON s");
        long before = 0;
        for (var night = 1; night <= nights; night++)
        {
            var reports = Path.Combine(work.Path, "reports");
            var (seconds, peak, code) = await Child.RunAsync("dotnet", [cli, "audit", list, "--allow-private-networks", "--history", history, "--format", "html,json,junit", "--output-dir", reports, "--timeout", "60"]);
            if (code is not (0 or 1))
            {
                throw new InvalidOperationException($"audit exited {code}");
            }

            var size = FileSize(history);
            var q = Queries(history, "Partner 1", farm.Url(17));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{night,-6} {seconds,6:0.0}  {peak / 1048576.0,7:0}  {size / 1048576.0,10:0.0}  {(size - before) / 1048576.0,5:0.0}    {Mb(reports, "report.html"),14:0.0}  {Mb(reports, "report.json"),7:0.0}  {Mb(reports, "junit.xml"),8:0.0}   {q}"));
            before = size;
            if (night == 1 || night == nights)
            {
                // The night's HTML report in a browser: how soon it shows its first pages with working filters.
                await ReportsBench.OpenAsync(Path.Combine(reports, "report.html"), search: "/page/" + (pages - 7), partner: "Partner 7");
            }
        }
    }

    /// <param name="keep">Where to copy the year's history at the end (to look into its queries), or null.</param>
    public static async Task YearAsync(string root, string cli, int pages, int nights, int hosts, string? keep = null)
    {
        await using var farm = await PageFarm.StartAsync(Path.Combine(root, "samples"), hosts);
        using var work = new TempDir();
        var list = Path.Combine(work.Path, "partners.yaml");
        var samples = Math.Min(pages, 44 * hosts);
        await File.WriteAllLinesAsync(list, PartnerList(farm, samples, root));
        var history = Path.Combine(work.Path, "partners.history.db");
        Console.WriteLine($"year bench: {pages:N0} pages a night for {nights} nights, recorded through the history's recorder; {Environment.ProcessorCount} cores, load {Load()}");

        // Real results to replay: one audit of a page of each sample on each host.
        var (_, _, code) = await Child.RunAsync("dotnet", [cli, "audit", list, "--allow-private-networks", "--history", Path.Combine(work.Path, "seed.db"), "--format", "json", "--output", Path.Combine(work.Path, "seed.json"), "--timeout", "60"]);
        if (code is not (0 or 1))
        {
            throw new InvalidOperationException($"seed audit exited {code}");
        }

        List<PageResult> templates;
        using (var seed = HistoryStore.Open(Path.Combine(work.Path, "seed.db"), createIfMissing: false))
        {
            templates = [.. seed.Pages(seed.Runs(1)[0].Id).Take(44)];
        }

        var random = new Random(13);
        var version = new List<int>(Enumerable.Repeat(0, pages));
        var template = new List<int>(Enumerable.Range(0, pages).Select(i => i % templates.Count));
        var alive = new List<bool>(Enumerable.Repeat(true, pages));
        var start = new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero);
        Console.WriteLine("night  pages    changed  record s  history MB  +MB/night (since last line)");
        var watch = Stopwatch.StartNew();
        long lastSize = 0;
        var lastNight = 0;
        using (var store = HistoryStore.Open(history, exclusive: true))
        {
            for (var night = 1; night <= nights; night++)
            {
                var changed = 0;
                if (night > 1)
                {
                    for (var i = 0; i < version.Count; i++)
                    {
                        if (!alive[i])
                        {
                            continue;
                        }

                        var roll = random.NextDouble();
                        if (roll < 0.005)
                        {
                            version[i]++;
                            changed++;
                            if (roll < 0.001)
                            {
                                template[i] = random.Next(templates.Count);
                            }
                        }
                        else if (roll < 0.0055)
                        {
                            alive[i] = false;
                        }
                    }

                    for (var n = 0; n < pages / 1000; n++)
                    {
                        version.Add(0);
                        template.Add(random.Next(templates.Count));
                        alive.Add(true);
                    }
                }

                var at = start.AddDays(night - 1);
                var run = store.BeginRun(at, list, shard: null);
                var timed = Stopwatch.StartNew();
                var gists = new List<PageGist>();
                using (var recorder = new HistoryRecorder(store, run, at, confirmAfter: 1))
                {
                    var position = 0;
                    for (var i = 0; i < version.Count; i++)
                    {
                        if (alive[i])
                        {
                            gists.Add(PageGist.Of(recorder.Process(position++, Page(templates[template[i]], farm, i, version[i], at))));
                        }
                    }
                }

                var summary = RunSummary.Create(at, at.AddHours(1), [], gists);
                store.EndRun(run, summary, HistoryStore.Checked);
                store.CompleteRun(run);
                store.PruneEvidence(at.AddDays(-90));
                store.CompactRuns(at.AddDays(-HistoryStore.DefaultKeepDays));
                var seconds = timed.Elapsed.TotalSeconds;
                if (night is 1 or 2 or 7 or 30 or 90 or 180 or 270 || night == nights)
                {
                    var size = FileSize(history);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{night,-6} {gists.Count,7:N0}  {changed,7:N0}  {seconds,8:0.0}  {size / 1048576.0,10:0.0}  {(night == 1 ? 0 : (size - lastSize) / 1048576.0 / (night - lastNight)),6:0.00}"));
                    lastSize = size;
                    lastNight = night;
                    if (night is 90 or 180 or 270 && night != nights)
                    {
                        // The queries along the year too: a run that cannot wait for its end still has them.
                        Console.WriteLine("       runs ms  diff ms  partner ms  page ms  report --run: first page ms / whole JSON s");
                        Console.WriteLine("       " + Queries(history, "Partner 1", farm.Url(17)));
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recorded {nights} nights in {watch.Elapsed.TotalMinutes:0.0} min; load {Load()}"));
        Console.WriteLine("runs ms  diff ms  partner ms  page ms  report --run: first page ms / whole JSON s (the last night; a night half a year ago)");
        Console.WriteLine(Queries(history, "Partner 1", farm.Url(17), halfYear: true));
        if (keep is not null)
        {
            FileSize(history);
            File.Copy(history, keep, overwrite: true);
            Console.WriteLine($"history kept at {keep}");
        }
    }

    /// <summary>A page of the replayed year: the template's judgement under the page's own address, its content as of its version.</summary>
    private static PageResult Page(PageResult template, PageFarm farm, int i, int version, DateTimeOffset at)
    {
        var body = template.Verdict == PageVerdict.NonCompliant ? Encoding.UTF8.GetBytes(farm.Page(i) + $"<!-- version {version} -->") : null;
        var hash = body is null ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{i}/{version}"))) : Convert.ToHexStringLower(SHA256.HashData(body));
        return template with
        {
            Url = farm.Url(i),
            Partner = $"Partner {(i % farm.Hosts) + 1}",
            Change = null,
            Since = null,
            Streak = null,
            Confirmed = null,
            Body = body,
            Headers = body is null ? null : new Dictionary<string, string> { ["content-type"] = "text/html; charset=utf-8" },
            Fetch = (template.Fetch ?? new FetchFacts()) with { ContentHash = hash, FetchedAt = at, ElapsedMs = 50 + (i % 300), FromCache = version == 0 && at.Day > 1 },
        };
    }

    /// <summary>The history's queries as the commands make them, timed in this process (milliseconds).</summary>
    private static string Queries(string history, string partner, string page, bool halfYear = false)
    {
        using var store = HistoryStore.Open(history, createIfMissing: false);
        var runs = Time(() => store.Runs(20));
        var complete = store.CompleteRuns(2);
        var diff = Time(() => RunDiff.Compare(store, complete[^1].Id, complete[0].Id));
        var partnerTime = Time(() => store.Timeline(partner));
        var pageTime = Time(() => store.Timeline(page));
        var open = Time(() => First(store, complete[0].Id));
        var report = Time(() => Render(store, complete[0].Id));
        var old = halfYear ? store.Runs(1000).Where(r => r.StartedAt <= complete[0].StartedAt.AddDays(-182)).Select(r => (long?)r.Id).FirstOrDefault() : null;
        var oldReport = old is { } id ? $"  {Time(() => First(store, id)),8:0} / {Time(() => Render(store, id)) / 1000,5:0.0} s" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{runs,7:0}  {diff,7:0}  {partnerTime,10:0}  {pageTime,7:0}  {open,8:0} / {report / 1000,5:0.0} s{oldReport}");
    }

    /// <summary>What <c>report --run</c> does before its first page is written: the run, its counts and its first page.</summary>
    private static PageResult First(HistoryStore store, long run) => store.Summary(run).Pages.Take(1).Single();

    private static int Render(HistoryStore store, long run)
    {
        new JsonReporter().Write(store.Summary(run), Stream.Null);
        return 0;
    }

    private static double Time<T>(Func<T> query)
    {
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(query());
        return watch.Elapsed.TotalMilliseconds;
    }

    private static IEnumerable<string> PartnerList(PageFarm farm, int n, string root)
    {
        yield return "settings:";
        yield return $"  originals: [{Path.Combine(root, "samples", "originals", "feed.xml")}]";
        yield return "partners:";
        for (var p = 0; p < farm.Hosts; p++)
        {
            yield return $"  - name: Partner {p + 1}";
            yield return "    pages:";
            for (var i = p; i < n; i += farm.Hosts)
            {
                yield return $"      - {farm.Url(i)}";
            }
        }
    }

    /// <summary>The history's bytes on disk once its write-ahead log is folded in (what a copy of the file weighs).</summary>
    private static long FileSize(string path)
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        return new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
    }

    private static double Mb(string folder, string name) => File.Exists(Path.Combine(folder, name)) ? new FileInfo(Path.Combine(folder, name)).Length / 1048576.0 : 0;

    internal static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
