using System.Collections;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Syndication.History;
using Syndication.Pipeline;
using Syndication.Reporting;
using Syndication.Verdicts;

namespace Syndication.Bench;

/// <summary>
/// The reports of a large night without the night. <c>--reports N [--findings P]</c>: the 44 sample pages are audited
/// once (real results), then replayed as N pages of 250 partners — each page a sample's result under its own address,
/// its change as on a later night (violations persisting, one in 200 new) — and every format is written from that run
/// in this process, one at a time: size and time of each. Then report.html is opened in Chromium (Debian's, driven by
/// Playwright) and timed to the moment its first pages are shown and its filters work, and a search and a partner's
/// view are timed in it. The samples' own mix has 52% findings (non-compliant and needs-review), far more than a real
/// list; --findings P makes P% of the pages findings and the rest compliant or not applicable (P = 5 is closer to a
/// real night). <c>--html-open FILE</c> opens a report already written and times it the same way.
///   dotnet run -c Release --project bench/Syndication.Bench -- --reports 100000 [--findings 5]
/// </summary>
internal static class ReportsBench
{
    public static async Task RunAsync(string root, string cli, int pages, int? findingsPercent, string? keep = null, int? staticPages = null)
    {
        using var work = new TempDir();
        var templates = await SeedAsync(root, cli, work.Path);
        var run = new ReplayedRun(templates, pages, findingsPercent);
        var summary = RunSummary.Create(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero), run, run.Gists());
        var c = summary.Counts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reports bench: {pages:N0} pages of {summary.Partners.Count} partners ({c.Compliant:N0} compliant, {c.NonCompliant:N0} non-compliant, {c.NeedsReview:N0} needs review, {c.NotApplicable:N0} not applicable, {c.Errors:N0} errors); {Environment.ProcessorCount} cores, load {NightsBench.Load()}"));
        Console.WriteLine("format     MB      write s");
        var html = staticPages is { } written ? new HtmlReporter { StaticPages = written } : new HtmlReporter();
        foreach (var reporter in new IReporter[] { html, new JsonReporter(), new JsonLinesReporter(), new JUnitReporter(), new JUnitReporter { FindingsOnly = true }, new CsvReporter(), new MarkdownReporter() })
        {
            var findings = reporter is JUnitReporter { FindingsOnly: true };
            var path = Path.Combine(work.Path, findings ? "junit-findings.xml" : reporter.FileName);
            var watch = Stopwatch.StartNew();
            await using (var file = File.Create(path))
            {
                reporter.Write(summary, file);
            }

            var name = findings ? "junit (--junit-cases findings)" : reporter.Format;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-9} {new FileInfo(path).Length / 1048576.0,7:0.0}  {watch.Elapsed.TotalSeconds,7:0.0}"));
        }

        await OpenAsync(Path.Combine(work.Path, "report.html"), search: "story-" + (pages - 7) + "/", partner: "Partner 7");
        if (keep is not null)
        {
            Directory.CreateDirectory(keep);
            foreach (var file in Directory.EnumerateFiles(work.Path))
            {
                File.Copy(file, Path.Combine(keep, Path.GetFileName(file)), overwrite: true);
            }
        }
    }

    /// <summary>
    /// Opens a report in Chromium three times and prints the median time to its first pages shown with working filters
    /// (the script has run and the pages' region is not busy), the JavaScript heap, and the time of a search and of a
    /// partner's view.
    /// </summary>
    public static async Task OpenAsync(string report, string? search = null, string? partner = null)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--enable-precise-memory-info"],
        });
        var opens = new List<double>();
        string? facts = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var watch = Stopwatch.StartNew();
            // Ready: the first pages are shown and the filters work (the script has run, the pages' region is not busy);
            // the rest of a large file may still be being read.
            await page.GotoAsync(new Uri(report).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 300_000 });
            await SettledAsync(page);
            opens.Add(watch.Elapsed.TotalSeconds);
            await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 300_000 });
            if (attempt == 0)
            {
                var timing = await page.EvaluateAsync<double[]>("(() => { const t = performance.getEntriesByType('navigation')[0]; const p = performance.getEntriesByName('first-contentful-paint')[0]; return [t.responseEnd, t.domInteractive, t.domContentLoadedEventEnd, t.loadEventEnd, p ? p.startTime : -1]; })()");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  navigation (ms): first paint {timing[4]:0}, file read {timing[0]:0}, parsed {timing[1]:0}, load event {timing[3]:0}"));
                var shown = await page.EvaluateAsync<int>("document.querySelectorAll('article.page:not([hidden])').length");
                var heap = await page.EvaluateAsync<double>("performance.memory ? performance.memory.usedJSHeapSize : 0");
                var count = await page.Locator("#f-count").InnerTextAsync();
                facts = string.Create(CultureInfo.InvariantCulture, $"{count}, {shown} in the document; JS heap {heap / 1048576.0:0} MB");
                if (search is not null)
                {
                    watch.Restart();
                    await page.Locator("#f-search").FillAsync(search);
                    await SettledAsync(page);
                    var found = await page.Locator("#f-count").InnerTextAsync();
                    facts += string.Create(CultureInfo.InvariantCulture, $"; search \"{search}\" {watch.Elapsed.TotalSeconds:0.00} s ({found})");
                    await page.Locator("#f-search").FillAsync(string.Empty);
                    await SettledAsync(page);
                }

                if (partner is not null && await page.Locator($"#f-partner option[value='{partner}']").CountAsync() > 0)
                {
                    watch.Restart();
                    await page.Locator("#f-partner").SelectOptionAsync(partner);
                    await SettledAsync(page);
                    var viewed = await page.Locator("#f-count").InnerTextAsync();
                    facts += string.Create(CultureInfo.InvariantCulture, $"; {partner}'s view {watch.Elapsed.TotalSeconds:0.00} s ({viewed})");
                }
            }

            await page.CloseAsync();
        }

        opens.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"report.html {new FileInfo(report).Length / 1048576.0:0.0} MB opens in Chromium in {opens[2]:0.00} s (median of 5: {string.Join(", ", opens.Select(o => o.ToString("0.00", CultureInfo.InvariantCulture)))}); {facts}"));
    }

    private static async Task SettledAsync(IPage page)
    {
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>("!!document.getElementById('pages') && document.getElementById('pages').getAttribute('aria-busy') === 'false'"))
                {
                    return;
                }
            }
            catch (PlaywrightException)
            {
                // The document is being replaced (just after the navigation commits).
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The samples audited once with a history: real results, read back as the history keeps them.</summary>
    private static async Task<List<PageResult>> SeedAsync(string root, string cli, string folder)
    {
        var history = Path.Combine(folder, "seed.db");
        var (_, _, code) = await Child.RunAsync("dotnet", [cli, "audit", Path.Combine(root, "samples", "partners.yaml"), "--history", history, "--format", "json", "--output", Path.Combine(folder, "seed.json")]);
        if (code is not (0 or 1))
        {
            throw new InvalidOperationException($"seed audit exited {code}");
        }

        using var store = HistoryStore.Open(history, createIfMissing: false);
        return [.. store.Pages(store.Runs(1)[0].Id)];
    }

    /// <summary>N pages made on demand from the templates: the run never holds them, as a spooled run does not.</summary>
    private sealed class ReplayedRun : IReadOnlyList<PageResult>
    {
        private const int Partners = 250;
        private readonly List<PageResult> _templates;
        private readonly int[] _findings;
        private readonly int[] _others;
        private readonly int? _percent;

        public ReplayedRun(List<PageResult> templates, int count, int? percent)
        {
            _templates = templates;
            Count = count;
            _percent = percent;
            _findings = [.. Enumerable.Range(0, templates.Count).Where(t => templates[t].Verdict is PageVerdict.NonCompliant or PageVerdict.NeedsReview or PageVerdict.Error)];
            _others = [.. Enumerable.Range(0, templates.Count).Where(t => Array.IndexOf(_findings, t) < 0)];
        }

        public int Count { get; }

        public PageResult this[int i]
        {
            get
            {
                var template = _templates[Template(i)];
                var violation = template.Verdict == PageVerdict.NonCompliant;
                var change = violation ? (i % 200 == 0 ? Changes.New : Changes.Persisting) : Changes.Same;
                return template with
                {
                    Url = $"https://partner-{Partner(i)}.example/2026/11/story-{i}/",
                    Partner = $"Partner {Partner(i)}",
                    Change = change,
                    Since = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero).AddDays(change == Changes.New ? 0 : -30),
                    Streak = violation ? (change == Changes.New ? 1 : 30) : null,
                    Confirmed = violation ? true : null,
                    Requirements = [.. template.Requirements.Select(r => r with { Change = r.Status == Outcome.Fail ? change : null })],
                };
            }
        }

        public List<PageGist> Gists() => [.. this.Select(PageGist.Of)];

        /// <summary>A partner's pages are together, as an audit lists them.</summary>
        private int Partner(int i) => (int)((long)i * Partners / Count) + 1;

        /// <summary>Page i's sample: the samples in turn, or with --findings, P% of the pages from the findings.</summary>
        private int Template(int i)
        {
            if (_percent is not { } percent)
            {
                return i % _templates.Count;
            }

            var roll = (int)((uint)(i * 2654435761u) % 1000);
            return roll < percent * 10 ? _findings[i % _findings.Length] : _others[i % _others.Length];
        }

        public IEnumerator<PageResult> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
