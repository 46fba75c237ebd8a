using System.Diagnostics;
using System.Globalization;
using System.Net;
using Syndication.Catalogue;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Profiles;
using Syndication.Testing;

namespace Syndication.Bench;

/// <summary>
/// The catalogue at scale. <c>catalogue N</c> fills a catalogue file with N invented originals of about 700 words
/// (and the 4 sample originals), then, in a fresh child process (<c>catalogue-probe</c>), loads its matching index
/// (time and memory) and times matching on one core: republications of catalogue originals (first seen, read from
/// the file, and again), unrelated articles, and the sample pages; each against the catalogue and against the 4
/// sample originals alone, in turn, so the cost a page can be compared whatever the machine's load.
/// </summary>
public static class CatalogueBench
{
    private const int Pages = 400;
    private const int Warm = 100;
    private const int WarmReads = 2_000;

    public static async Task<string> FillAsync(int n, string root, string folder)
    {
        var path = Path.Combine(folder, $"catalogue-{n}.db");
        var watch = Stopwatch.StartNew();
        using (var store = CatalogueStore.Open(path))
        {
            const int Batch = 1_000;
            for (var start = 0; start < n; start += Batch)
            {
                store.Upsert(Enumerable.Range(start, Math.Min(Batch, n - start)).Select(Invented), "dcnf", DateTimeOffset.UtcNow);
            }

            store.Upsert(SampleOriginals(root), "dcnf", DateTimeOffset.UtcNow);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"catalogue of {n:N0} invented originals (+4 samples): filled in {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, n):0} µs an original), {new FileInfo(path).Length / 1048576.0:0} MB on disk"));
        await Task.CompletedTask;
        return path;
    }

    /// <summary>Runs the probe in a child process (clean memory figures).</summary>
    public static async Task ProbeAsync(string catalogue, int n, string root)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Syndication.Bench.dll"), "catalogue-probe", catalogue, n.ToString(CultureInfo.InvariantCulture), root })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Console.Write(await stdout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"probe exited {process.ExitCode}: {await stderr}");
        }
    }

    /// <summary>
    /// The child: load the catalogue's index (timed, with its memory), then time matching a page on one thread against
    /// it and against the 4 sample originals held in memory, page by page in turn (A B A B ..., the fastest of three
    /// tries each), so a busy machine slows both alike and the ratio holds. The parse of each page is timed the same
    /// way, for scale.
    /// </summary>
    public static void Probe(string catalogue, int n, string root)
    {
        var profile = ProfileLoader.BuiltIn;
        var watch = Stopwatch.StartNew();
        using var store = CatalogueStore.Open(catalogue, create: false);
        var large = store.Index(profile);
        var load = watch.Elapsed.TotalSeconds;
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        var afterLoad = self.WorkingSet64;
        var small = new OriginalCatalogue(SampleOriginals(root), profile);

        // Pages: republications of originals of the catalogue (an excerpt of 4 to 8 paragraphs in site chrome), articles
        // that republish nothing, and the samples (which republish the 4 sample originals).
        var text = new InventedText(2024);
        var random = new Random(5);
        var republished = new List<string>();
        var ids = Enumerable.Range(0, Pages).Select(_ => random.Next(n)).ToList();
        foreach (var id in ids)
        {
            var original = Invented(id);
            republished.Add(Html(original.Title, original.Paragraphs.Skip(random.Next(3)).Take(4 + random.Next(5)), text));
        }

        var unrelated = Enumerable.Range(0, Pages).Select(_ => Html(text.Title(), text.Paragraphs(12), text)).ToList();
        var samples = Directory.GetFiles(Path.Combine(root, "samples", "pages"), "*.html").Select(File.ReadAllText).ToList();

        // Warm up the JIT to its optimised code, as a night's audit is after its first few hundred pages (on pages not
        // timed after), and the path that reads an original from the file and prepares it on 2,000 originals no timed
        // page republishes (it takes several hundred reads to reach its steady cost), then let tier 1 compile.
        for (var round = 0; round < 3; round++)
        {
            foreach (var html in republished.Take(Warm).Concat(unrelated.Take(Warm)).Concat(samples))
            {
                var page = PageParser.ParseText(html);
                OriginalMatcher.Match(page, large);
                OriginalMatcher.Match(page, small);
            }
        }

        var timed = ids.ToHashSet();
        foreach (var id in Enumerable.Range(0, 4 * WarmReads).Select(_ => random.Next(n)).Where(id => !timed.Contains(id)).Take(WarmReads))
        {
            GC.KeepAlive(large.Get(id));
        }

        Thread.Sleep(500);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {large.Count:N0} originals from the file: index loaded in {load:0.00} s, {large.IndexBytes / 1048576.0:0.0} MB ({heap / 1048576.0:0} MB GC heap, {afterLoad / 1048576.0:0} MB working set after loading)"));
        Console.WriteLine("    µs a page on one thread, median (p90): parse | match against the catalogue | against the 4 samples | catalogue / samples; originals read from the file a page");
        Row("republications, first seen", republished.Skip(Warm).ToList(), large, small, firstOnly: true);
        Row("republications, again", republished.Skip(Warm).ToList(), large, small, firstOnly: false);
        Row("unrelated articles", unrelated.Skip(Warm).ToList(), large, small, firstOnly: false);
        Row("the sample pages", samples, large, small, firstOnly: false);
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    peak working set of the probe {self.PeakWorkingSet64 / 1048576.0:0} MB"));
    }

    /// <param name="firstOnly">One try against the catalogue: the first sight of each original, read from the file.</param>
    private static void Row(string what, List<string> pages, OriginalCatalogue large, OriginalCatalogue small, bool firstOnly)
    {
        var (parse, againstLarge, againstSmall, ratios) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var (matched, candidates) = (0, 0);
        foreach (var html in pages)
        {
            var page = PageParser.ParseText(html);
            candidates += large.Candidates(page.Blocks.SelectMany(b => b.Shingles).ToHashSet(), 5).Count;
            var (p, l, m) = (double.MaxValue, double.MaxValue, double.MaxValue);
            for (var round = 0; round < 3; round++)
            {
                var t = Stopwatch.GetTimestamp();
                GC.KeepAlive(PageParser.ParseText(html));
                p = Math.Min(p, Stopwatch.GetElapsedTime(t).TotalMicroseconds);
                if (round == 0 || !firstOnly)
                {
                    t = Stopwatch.GetTimestamp();
                    var outcome = OriginalMatcher.Match(page, large);
                    l = Math.Min(l, Stopwatch.GetElapsedTime(t).TotalMicroseconds);
                    matched += round == 0 && outcome.Match is not null ? 1 : 0;
                }

                t = Stopwatch.GetTimestamp();
                GC.KeepAlive(OriginalMatcher.Match(page, small));
                m = Math.Min(m, Stopwatch.GetElapsedTime(t).TotalMicroseconds);
            }

            parse.Add(p);
            againstLarge.Add(l);
            againstSmall.Add(m);
            ratios.Add(l / m);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {what,-28} {Median(parse)} | {Median(againstLarge)} | {Median(againstSmall)} | {Sorted(ratios)[ratios.Count / 2]:0.00}; {(double)candidates / pages.Count:0.0} ({matched}/{pages.Count} matched)"));
    }

    private static List<double> Sorted(List<double> values) => [.. values.Order()];

    private static string Median(List<double> values)
    {
        var sorted = Sorted(values);
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Count / 2],5:0} ({sorted[sorted.Count * 9 / 10]:0})");
    }

    private static string Html(string title, IEnumerable<string> story, InventedText chrome) =>
        $"""
            <!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(title)}</title></head><body>
            <header><nav>{string.Concat(Enumerable.Range(0, 8).Select(_ => $"<a href='/x'>{chrome.Word()}</a> "))}</nav></header>
            <main><article><h1>{WebUtility.HtmlEncode(title)}</h1><p class="byline">By Someone, Daily Caller News Foundation</p>
            {string.Concat(story.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}
            </article><aside><h2>Most read</h2><ul>{string.Concat(Enumerable.Range(0, 6).Select(_ => $"<li><a href='/y'>{chrome.Title()}</a></li>"))}</ul></aside></main>
            <footer><p>{chrome.Paragraph()}</p></footer></body></html>
            """;

    /// <summary>Original i: its paragraphs come from a generator seeded by i, so a page can republish it without the catalogue.</summary>
    private static Original Invented(int i) => new()
    {
        Title = $"Invented story {i}",
        Url = $"https://dailycallernewsfoundation.org/bench/{i}/",
        Reporters = [$"Reporter {i % 300}"],
        Paragraphs = ParagraphsOf(i),
        Published = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(3 * i),
        Source = "bench",
    };

    /// <summary>About 700 words: 18 paragraphs of about 36 words (and a licensing line, as the licensor's feed has).</summary>
    private static List<string> ParagraphsOf(int i)
    {
        var paragraphs = new InventedText(1_000_000 + i).Paragraphs(18);
        paragraphs.Add("All content created by the Daily Caller News Foundation, an independent and nonpartisan newswire service, is available without charge to any eligible news publisher.");
        return paragraphs;
    }

    private static List<Original> SampleOriginals(string root) =>
        OriginalsLoader.Read(File.ReadAllBytes(Path.Combine(root, "samples", "originals", "feed.xml")), null, "samples/originals/feed.xml");
}
