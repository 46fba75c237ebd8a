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
/// (and the 4 sample originals), then, in a fresh child process each (<c>catalogue-probe</c>), loads its matching
/// index and times matching on one core: republications of catalogue originals, unrelated articles, and the 41
/// sample pages; and the same against the 4 sample originals alone, so the cost per page can be compared.
/// </summary>
public static class CatalogueBench
{
    private const int Pages = 300;

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

    /// <summary>Runs the probe in a child process (clean memory figures) for a catalogue file, or for the samples alone (null).</summary>
    public static async Task ProbeAsync(string? catalogue, int n, string root)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Syndication.Bench.dll"), "catalogue-probe", catalogue ?? "-", n.ToString(CultureInfo.InvariantCulture), root })
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

    /// <summary>The child: load the index, then time matching per page on one thread.</summary>
    public static void Probe(string catalogue, int n, string root)
    {
        var profile = ProfileLoader.BuiltIn;
        var watch = Stopwatch.StartNew();
        CatalogueStore? store = null;
        OriginalCatalogue index;
        if (catalogue == "-")
        {
            index = new OriginalCatalogue(SampleOriginals(root), profile);
        }
        else
        {
            store = CatalogueStore.Open(catalogue, create: false);
            index = store.Index(profile);
        }

        var load = watch.Elapsed.TotalSeconds;
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        var afterLoad = self.WorkingSet64;

        // Pages: republications of originals of the catalogue (an excerpt of 4 to 8 paragraphs in site chrome), articles
        // that republish nothing, and the samples.
        var text = new InventedText(2024);
        var republished = new List<PageDocument>();
        var random = new Random(5);
        for (var i = 0; i < Pages && n > 0; i++)
        {
            var id = random.Next(n);
            var original = Invented(id);
            republished.Add(Page(original.Title, original.Paragraphs.Skip(random.Next(3)).Take(4 + random.Next(5)), text));
        }

        var unrelated = Enumerable.Range(0, Pages).Select(i => Page(text.Title(), text.Paragraphs(12), text)).ToList();
        var samples = Directory.GetFiles(Path.Combine(root, "samples", "pages"), "*.html").Select(f => PageParser.Parse(File.ReadAllBytes(f), null)).ToList();

        // Warm up (JIT and the catalogue's cache of prepared originals, as a night's audit has after its first pages).
        foreach (var page in republished.Take(50).Concat(unrelated.Take(50)).Concat(samples))
        {
            OriginalMatcher.Match(page, index);
        }

        republished = republished.Skip(50).ToList();
        unrelated = unrelated.Skip(50).ToList();

        // Republications twice: first each original is read from the file and prepared, then it comes from the cache
        // (a night's audit sees many partners' copies of the same recent stories).
        var (rep, repMatched) = Time(republished, index);
        var (repAgain, _) = Time(republished, index);
        var (unr, unrMatched) = Time(unrelated, index);
        var (sam, samMatched) = Time(samples, index);
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {(catalogue == "-" ? "4 sample originals in memory" : $"{index.Count:N0} originals from the file")}: index {load:0.00} s, {index.IndexBytes / 1048576.0:0.0} MB ({heap / 1048576.0:0} MB GC heap, {afterLoad / 1048576.0:0} MB working set after load, peak {self.PeakWorkingSet64 / 1048576.0:0} MB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    match µs a page on one thread (median / p90): republications {rep} first, {repAgain} again ({repMatched}/{republished.Count} matched); unrelated articles {unr} ({unrMatched} matched); the samples {sam} ({samMatched}/{samples.Count} matched)"));
        store?.Dispose();
    }

    private static (string Figures, int Matched) Time(List<PageDocument> pages, OriginalCatalogue index)
    {
        if (pages.Count == 0)
        {
            return ("-", 0);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var micros = new List<double>(pages.Count);
        var matched = 0;
        foreach (var page in pages)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = OriginalMatcher.Match(page, index);
            micros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            matched += outcome.Match is null ? 0 : 1;
        }

        micros.Sort();
        return (string.Create(CultureInfo.InvariantCulture, $"{micros[micros.Count / 2]:0} / {micros[micros.Count * 9 / 10]:0}"), matched);
    }

    private static PageDocument Page(string title, IEnumerable<string> story, InventedText chrome)
    {
        var html = $"""
            <!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(title)}</title></head><body>
            <header><nav>{string.Concat(Enumerable.Range(0, 8).Select(_ => $"<a href='/x'>{chrome.Word()}</a> "))}</nav></header>
            <main><article><h1>{WebUtility.HtmlEncode(title)}</h1><p class="byline">By Someone, Daily Caller News Foundation</p>
            {string.Concat(story.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}
            </article><aside><h2>Most read</h2><ul>{string.Concat(Enumerable.Range(0, 6).Select(_ => $"<li><a href='/y'>{chrome.Title()}</a></li>"))}</ul></aside></main>
            <footer><p>{chrome.Paragraph()}</p></footer></body></html>
            """;
        return PageParser.ParseText(html);
    }

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
