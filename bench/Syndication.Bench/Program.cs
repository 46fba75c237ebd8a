using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using Syndication.Bench;

// The speed harness (not a test): for each N, serve N generated pages from a local server on several loopback
// hosts, run `syndication audit` on them in a child process, and print its pages per second and peak working set
// next to the raw fetch rate and the raw AngleSharp parse rate of the same pages, measured in the same run.
//   dotnet run -c Release --project bench/Syndication.Bench -- [N ...] [--hosts H] [--concurrency C] [--images] [--catalogue ORIGINALS]
//   dotnet run -c Release --project bench/Syndication.Bench -- --discovery [N] [--cap C]   (DiscoveryBench.cs)
//   dotnet run -c Release --project bench/Syndication.Bench -- catalogue [N] [--save FILE] (CatalogueBench.cs)
//   dotnet run -c Release --project bench/Syndication.Bench -- --nights N [--count 3] | --year N [--count 365] [--keep FILE]  (NightsBench.cs)
//   dotnet run -c Release --project bench/Syndication.Bench -- --schedule [BIG] [--concurrency 16] [--also 32,64] [--serve FILE]  (ScheduleBench.cs)
//   dotnet run -c Release --project bench/Syndication.Bench -- parse FILE|DIR...   (parse only, for the CPU ratio)
//   dotnet run -c Release --project bench/Syndication.Bench -- --reports N [--findings P] | --html-open FILE  (ReportsBench.cs)
//   dotnet run -c Release --project bench/Syndication.Bench -- --budget [--runs 3]   (BudgetBench.cs: --budget ends a run on time)
// --images: the demo profile (a reference logo), every third page with an unnamed logo to fetch, and the audit run
// twice, images on and off (--no-images), side by side.
// --render: a mix where one page in ten is built by a script; the audit run three times, --render never, auto and
// always, side by side, with the peak memory of the whole process tree (the browser's processes included).
// --catalogue: each audit matches against a catalogue file of that many invented originals (and the samples).
// catalogue N: the catalogue alone (fill, index load, memory, match time a page against N originals and against the 4 samples).
if (args is ["catalogue-probe", var probeFile, var probeCount, var probeRoot])
{
    CatalogueBench.Probe(probeFile, int.Parse(probeCount, CultureInfo.InvariantCulture), probeRoot);
    return;
}

if (args is ["catalogue", ..])
{
    var count = args.Skip(1).Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(50_000).First();
    using var scratch = new TempDir();
    var file = await CatalogueBench.FillAsync(count, FindRoot(), scratch.Path);
    await CatalogueBench.ProbeAsync(file, count, FindRoot());
    if (Array.IndexOf(args, "--save") is var save and >= 0 && save + 1 < args.Length)
    {
        File.Copy(file, args[save + 1], overwrite: true);
    }
    return;
}

if (args.Contains("--schedule"))
{
    var big = args.SkipWhile(a => a != "--schedule").Skip(1).Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(5000).First();
    var levels = new List<int> { Option("--concurrency", 16) };
    if (Array.IndexOf(args, "--also") is var also and >= 0 && also + 1 < args.Length)
    {
        levels.AddRange(args[also + 1].Split(',').Select(int.Parse));
    }

    var serveList = Array.IndexOf(args, "--serve") is var sv and >= 0 && sv + 1 < args.Length ? args[sv + 1] : null;
    await ScheduleBench.RunAsync(FindRoot(), Path.Combine(AppContext.BaseDirectory, "syndication.dll"), big, levels, serveList);
    return;
}

// parse FILE...: only read and parse the files with AngleSharp, one parser per thread on every core (the CPU
// measure's other side: a check of the same files is timed against it as whole processes).
if (args is ["parse", ..])
{
    var files = args.Skip(1).SelectMany(a => Directory.Exists(a) ? Directory.EnumerateFiles(a, "*.html", SearchOption.AllDirectories) : [a]).ToArray();
    var parsed = 0;
    Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new HtmlParser(), (file, _, parser) =>
    {
        GC.KeepAlive(parser.ParseDocument(File.ReadAllText(file)));
        Interlocked.Increment(ref parsed);
        return parser;
    }, _ => { });
    Console.WriteLine($"parsed {parsed} files");
    return;
}

if (args.Contains("--budget"))
{
    await BudgetBench.RunAsync(FindRoot(), Path.Combine(AppContext.BaseDirectory, "syndication.dll"), Option("--runs", 3));
    return;
}

if (args.Contains("--nights") || args.Contains("--year"))
{
    var year = args.Contains("--year");
    var pages = Option(year ? "--year" : "--nights", 100_000);
    var count = Option("--count", year ? 365 : 3);
    var cliPath = Path.Combine(AppContext.BaseDirectory, "syndication.dll");
    var keepHistory = Array.IndexOf(args, "--keep") is var kh and >= 0 && kh + 1 < args.Length ? args[kh + 1] : null;
    await (year ? NightsBench.YearAsync(FindRoot(), cliPath, pages, count, Option("--hosts", 50), keepHistory) : NightsBench.NightsAsync(FindRoot(), cliPath, pages, count, Option("--hosts", 50)));
    return;
}

if (args.Contains("--reports"))
{
    var findings = Array.IndexOf(args, "--findings") is var f and >= 0 ? (int?)Option("--findings", 5) : null;
    var keep = Array.IndexOf(args, "--keep") is var k and >= 0 && k + 1 < args.Length ? args[k + 1] : null;
    await ReportsBench.RunAsync(FindRoot(), Path.Combine(AppContext.BaseDirectory, "syndication.dll"), Option("--reports", 100_000), findings, keep, args.Contains("--static") ? Option("--static", 500) : null);
    return;
}

if (args is ["--html-open", var openFile, ..])
{
    await ReportsBench.OpenAsync(Path.GetFullPath(openFile));
    return;
}

if (args.Contains("--discovery"))
{
    var urls = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(50_000).First();
    var serveAt = Array.IndexOf(args, "--serve") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    await DiscoveryBench.RunAsync(FindRoot(), Path.Combine(AppContext.BaseDirectory, "syndication.dll"), urls, Option("--cap", 5000), serveAt);
    return;
}

// The sizes are the numbers that are not an option's value (--hosts 50 is no size).
var sizes = args.Where((a, i) => int.TryParse(a, out _) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).Select(int.Parse).DefaultIfEmpty(1000).ToList();
var hosts = Option("--hosts", 50);
var concurrency = Option("--concurrency", 16);
var images = args.Contains("--images");
var renderMix = args.Contains("--render");
var catalogueSize = Option("--catalogue", 0);
var root = FindRoot();
using var catalogueFolder = new TempDir();
var catalogueFile = catalogueSize > 0 ? await CatalogueBench.FillAsync(catalogueSize, root, catalogueFolder.Path) : null;
var cli = Path.Combine(AppContext.BaseDirectory, "syndication.dll");
Console.WriteLine($"syndication bench: {Environment.ProcessorCount} cores, {hosts} hosts, concurrency {concurrency}, per-host 2");
Console.WriteLine("pages    audit p/s   peak MB   fetch p/s   parse p/s   audit/parse   verdicts");

await using var farm = await PageFarm.StartAsync(Path.Combine(root, "samples"), hosts, images, renderMix);

// --serve FILE: write the partner list of the first size to FILE and keep serving (to profile an audit by hand).
var serveIndex = Array.IndexOf(args, "--serve");
if (serveIndex >= 0 && serveIndex + 1 < args.Length)
{
    await File.WriteAllLinesAsync(args[serveIndex + 1], PartnerList(farm, sizes[0], root, images));
    Console.WriteLine($"serving {sizes[0]} pages; partner list at {args[serveIndex + 1]}; Ctrl+C to stop");
    await Task.Delay(Timeout.Infinite);
}

foreach (var n in sizes)
{
    using var work = new TempDir();
    var list = Path.Combine(work.Path, "partners.yaml");
    await File.WriteAllLinesAsync(list, PartnerList(farm, n, root, images));

    if (renderMix)
    {
        foreach (var mode in new[] { "never", "auto", "always" })
        {
            var (seconds, peak, modeVerdicts) = await Audit(cli, list, work.Path, concurrency, catalogueFile, "--render", mode, "--no-images");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n,-8} --render {mode,-6} {n / seconds,7:0.0} p/s {seconds,7:0.0} s  peak tree {peak / 1048576.0,5:0} MB ({modeVerdicts})"));
        }

        continue;
    }

    if (images)
    {
        var served = farm.ImagesServed;
        var (offSeconds, offPeak, offVerdicts) = await Audit(cli, list, work.Path, concurrency, catalogueFile, "--no-images");
        var (onSeconds, onPeak, onVerdicts) = await Audit(cli, list, work.Path, concurrency, catalogueFile);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n,-8} images off {n / offSeconds,7:0.0} p/s {offPeak / 1048576.0,5:0} MB ({offVerdicts}); on {n / onSeconds,7:0.0} p/s {onPeak / 1048576.0,5:0} MB ({onVerdicts}), {farm.ImagesServed - served} images fetched; on/off {offSeconds / onSeconds:0.00}"));
        continue;
    }

    var (auditSeconds, peakBytes, verdicts) = await Audit(cli, list, work.Path, concurrency, catalogueFile);
    var fetchSeconds = await RawFetch(farm, n, concurrency);
    var parseSeconds = RawParse(farm, n);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{n,-8} {n / auditSeconds,9:0.0}   {peakBytes / 1048576.0,7:0}   {n / fetchSeconds,9:0.0}   {n / parseSeconds,9:0.0}   {n / auditSeconds / (n / parseSeconds),11:0.00}   {verdicts}"));
}

static IEnumerable<string> PartnerList(PageFarm farm, int n, string root, bool images)
{
    yield return "settings:";
    yield return $"  originals: [{Path.Combine(root, "samples", "originals", "feed.xml")}]";
    if (images)
    {
        yield return $"  profile: {Path.Combine(root, "samples", "profile.yaml")}";
    }

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

static async Task<(double Seconds, long PeakBytes, string Verdicts)> Audit(string cli, string list, string folder, int concurrency, string? catalogue, params string[] extra)
{
    var output = Path.Combine(folder, "report.json");
    var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
    // A copy of the catalogue for each audit: the audit adds the feed's originals to it, and each size starts alike.
    var catalogueCopy = Path.Combine(folder, "catalogue.db");
    File.Delete(catalogueCopy);
    if (catalogue is not null)
    {
        File.Copy(catalogue, catalogueCopy);
    }

    foreach (var arg in new[] { cli, "audit", list, "--allow-private-networks", "--format", "json", "--output", output, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture), "--timeout", "60", "--catalogue", catalogueCopy }.Concat(extra))
    {
        info.ArgumentList.Add(arg);
    }

    var watch = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var stderr = process.StandardError.ReadToEndAsync();
    long peak = 0;
    while (!process.HasExited)
    {
        peak = Math.Max(peak, Math.Max(HighWaterMark(process.Id), TreeMemory(process.Id)));
        await Task.Delay(50);
    }

    await process.WaitForExitAsync();
    var seconds = watch.Elapsed.TotalSeconds;
    if (process.ExitCode is not (0 or 1))
    {
        throw new InvalidOperationException($"audit exited {process.ExitCode}: {await stderr}");
    }

    using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(output));
    var s = report.RootElement.GetProperty("summary");
    var verdicts = string.Create(CultureInfo.InvariantCulture, $"{s.GetProperty("compliant")} ok, {s.GetProperty("nonCompliant")} nc, {s.GetProperty("needsReview")} rv, {s.GetProperty("notApplicable")} na, {s.GetProperty("errors")} err");
    return (seconds, peak, verdicts);
}

static long HighWaterMark(int pid)
{
    try
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
    }
    catch (IOException)
    {
        // The process ended between the check and the read.
    }

    return 0;
}

// The memory of a process and all its descendants (a browser's processes with the audit), sampled now: each process's
// proportional set size, so pages the browser's processes share are counted once, not once per process.
static long TreeMemory(int root)
{
    var children = new Dictionary<int, List<int>>();
    var resident = new Dictionary<int, long>();
    foreach (var dir in Directory.EnumerateDirectories("/proc"))
    {
        if (!int.TryParse(Path.GetFileName(dir), out var pid))
        {
            continue;
        }

        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            resident[pid] = Pss(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Gone while read.
        }
    }

    static long Pss(string dir)
    {
        foreach (var line in File.ReadLines(Path.Combine(dir, "smaps_rollup")))
        {
            if (line.StartsWith("Pss:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    long total = 0;
    var queue = new Queue<int>([root]);
    while (queue.Count > 0)
    {
        var pid = queue.Dequeue();
        total += resident.GetValueOrDefault(pid);
        foreach (var child in children.GetValueOrDefault(pid) ?? [])
        {
            queue.Enqueue(child);
        }
    }

    return total;
}

static async Task<double> RawFetch(PageFarm farm, int n, int concurrency)
{
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 2 });
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        await client.GetByteArrayAsync(farm.Url(i), ct));
    return watch.Elapsed.TotalSeconds;
}

// One parser per thread, as AngleSharp's maintainer recommends and as the audit itself parses: the raw rate is the
// best AngleSharp does on these pages, not one inflated by building a parser per page.
static double RawParse(PageFarm farm, int n)
{
    // Warm up first (JIT), as the audit has by the time most of its pages are parsed: a cold parse rate would flatter the ratio.
    var warm = new HtmlParser();
    for (var i = 0; i < 1000; i++)
    {
        GC.KeepAlive(warm.ParseDocument(farm.Page(i)));
    }

    var watch = Stopwatch.StartNew();
    Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new HtmlParser(), (i, _, parser) =>
    {
        var document = parser.ParseDocument(farm.Page(i));
        GC.KeepAlive(document);
        return parser;
    }, _ => { });
    return watch.Elapsed.TotalSeconds;
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Syndication.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository");
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("syndication-bench-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
