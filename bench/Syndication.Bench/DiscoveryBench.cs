using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.Bench;

/// <summary>
/// Discovery over one partner whose sitemaps list N URLs (--discovery N, default 50,000): a Kestrel server on
/// 127.0.0.1 serves robots.txt (a Sitemap: line), a sitemap index of five sitemaps (the oldest gzipped) and a news
/// sitemap, and the pages, made on request. Page dates run back five years from the originals' last months, so the
/// catalogue's window lets a few thousand through; one in a hundred of those republishes an original. Three nights of
/// `syndication audit` run in a child process with one history: the first reads everything, the second finds nothing
/// changed, before the third one sitemap and the news sitemap gain ten pages; a night 0 before them reads and narrows
/// the sitemaps with a cap of one page (its own history), to show what the search itself costs. Each night prints its wall time, peak
/// working set, and the requests the server saw (sitemaps and robots.txt apart from pages, 304s counted).
///   dotnet run -c Release --project bench/Syndication.Bench -- --discovery [N] [--cap C] [--serve FILE]
/// --serve FILE: write the partner list to FILE and keep serving, to time nights by hand.
/// </summary>
internal static class DiscoveryBench
{
    private static readonly DateTimeOffset Newest = new(2022, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(50);
    private static readonly string[] Unrelated = ["ghost-unrelated-article.html", "newspack-local-story-quotes-dcnf.html", "wordpress-own-story-quotes-dcnf.html"];
    private static readonly string[] Republications = ["wordpress-compliant.html", "blox-lazy-logo-compliant.html", "ghost-svg-logo-compliant.html", "drupal-picture-logo-two-reporters-compliant.html", "wordpress-no-logo.html"];

    public static async Task RunAsync(string root, string cli, int urls, int cap, string? serve)
    {
        await using var site = await Site.StartAsync(root, urls);
        using var work = new TempDir();
        string List(int maxPages) => $"""
            settings:
              originals: ["{Path.Combine(root, "samples", "originals", "feed.xml")}"]
              profile: "{Path.Combine(root, "samples", "profile.yaml")}"
              discovery: {"{"} maxPages: {maxPages} {"}"}
            partners:
              - name: Big Partner
                site: {site.Origin}/
            """;
        var list = serve ?? Path.Combine(work.Path, "partners.yaml");
        await File.WriteAllTextAsync(list, List(cap));
        if (serve is not null)
        {
            Console.WriteLine($"serving {urls:N0} sitemap URLs at {site.Origin}/; partner list at {serve}; Ctrl+C or SIGTERM to stop");
            using var stop = new CancellationTokenSource();
            using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        Console.WriteLine($"discovery bench: {urls:N0} sitemap URLs (5 sitemaps, the oldest gzipped, and a news sitemap), {site.InWindow:N0} dated within the originals' window, {site.Republished:N0} of them republications; cap {cap:N0} a night");
        Console.WriteLine("night  wall s  peak MB  requests: sitemaps+robots  pages  (304s)  images  candidates  fetched  found  waiting");
        // Night 0 only reads and narrows the 50,000 URLs (cap 1, its own history): what the search itself costs.
        var searchOnly = Path.Combine(work.Path, "search-only.yaml");
        await File.WriteAllTextAsync(searchOnly, List(1));
        var history = Path.Combine(work.Path, "history.db");
        for (var night = 0; night <= 3; night++)
        {
            if (night == 3)
            {
                site.Publish(10);
            }

            site.ResetCounts();
            var report = Path.Combine(work.Path, $"night-{night}.json");
            var (seconds, peak) = night == 0
                ? await AuditAsync(cli, searchOnly, Path.Combine(work.Path, "search-only.db"), Path.Combine(work.Path, "search-only-cache"), report)
                : await AuditAsync(cli, list, history, Path.Combine(work.Path, "cache"), report);
            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var account = json.RootElement.GetProperty("discovery")[0];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{night,-5}  {seconds,6:0.0}  {peak / 1048576.0,7:0}  {site.SitemapRequests,24}  {site.PageRequests,5}  ({site.NotModified,4})  {site.ImageRequests,6}  {account.GetProperty("candidates").GetInt32(),10}  {account.GetProperty("fetched").GetInt32(),7}  {account.GetProperty("newlyFound").GetArrayLength(),5}  {account.GetProperty("waiting").GetInt32(),7}"));
        }
    }

    private static async Task<(double Seconds, long Peak)> AuditAsync(string cli, string list, string history, string cache, string report)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { cli, "audit", list, "--allow-private-networks", "--history", history, "--cache", cache, "--format", "json", "--output", report })
        {
            info.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        await stdout;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"audit exited {process.ExitCode}: {await stderr}");
        }

        return (watch.Elapsed.TotalSeconds, peak);
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The partner's site: its sitemaps built once, its pages made on request; counts what it is asked for.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly Dictionary<string, string> _pages;
        private readonly ConcurrentDictionary<string, (byte[] Body, string Type, string ETag)> _documents = new(StringComparer.Ordinal);
        private readonly int _urls;
        private int _published;
        private int _sitemapRequests;
        private int _pageRequests;
        private int _imageRequests;
        private int _notModified;

        private Site(WebApplication app, Dictionary<string, string> pages, int urls)
        {
            _app = app;
            _pages = pages;
            _urls = urls;
        }

        public string Origin { get; private set; } = string.Empty;

        public int InWindow { get; private set; }

        public int Republished { get; private set; }

        public int SitemapRequests => Volatile.Read(ref _sitemapRequests);

        public int PageRequests => Volatile.Read(ref _pageRequests);

        public int NotModified => Volatile.Read(ref _notModified);

        /// <summary>Images the logo check asked for (the sample pages' own, which this site does not have).</summary>
        public int ImageRequests => Volatile.Read(ref _imageRequests);

        public static async Task<Site> StartAsync(string root, int urls)
        {
            var pages = Unrelated.Concat(Republications).ToDictionary(n => n, n => File.ReadAllText(Path.Combine(root, "samples", "pages", n)), StringComparer.Ordinal);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var site = new Site(app, pages, urls);
            app.Run(site.ServeAsync);
            await app.StartAsync();
            site.Origin = new Uri(app.Urls.First()).GetLeftPart(UriPartial.Authority);
            site.Build(Newest);
            return site;
        }

        public void ResetCounts()
        {
            Interlocked.Exchange(ref _sitemapRequests, 0);
            Interlocked.Exchange(ref _pageRequests, 0);
            Interlocked.Exchange(ref _notModified, 0);
            Interlocked.Exchange(ref _imageRequests, 0);
        }

        /// <summary>The partner publishes <paramref name="count"/> more pages (the first a republication): the newest sitemap and the news sitemap change.</summary>
        public void Publish(int count)
        {
            _published += count;
            Build(Newest.AddDays(1));
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();

        /// <summary>Page i is dated i steps before the newest; pages published later (ids from N on) come after it, newest first.</summary>
        private void Build(DateTimeOffset modified)
        {
            var windowFrom = new DateTimeOffset(2022, 7, 9, 0, 0, 0, TimeSpan.Zero);
            var published = Enumerable.Range(0, _published).Select(k => (Index: _urls + k, Date: Newest.AddHours(k + 1))).Reverse().ToList();
            var entries = published.Concat(Enumerable.Range(0, _urls).Select(i => (Index: i, Date: Newest - (i * Step)))).ToList();
            InWindow = entries.Count(e => e.Date >= windowFrom);
            Republished = entries.Count(e => e.Date >= windowFrom && IsRepublication(e.Index));
            // Five sitemaps of the first N pages, newest first; pages published later go into the first (as a CMS appends to its newest).
            var per = (int)Math.Ceiling(_urls / 5.0);
            var index = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""");
            for (var s = 0; s < 5; s++)
            {
                var part = (s == 0 ? published : []).Concat(entries.Skip(published.Count + (s * per)).Take(per)).ToList();
                var name = s == 4 ? "sitemap-5.xml.gz" : $"sitemap-{s + 1}.xml";
                var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""");
                foreach (var (i, date) in part)
                {
                    xml.Append("<url><loc>").Append(Origin).Append("/p/").Append(i).Append("/</loc><lastmod>").Append(Date(date)).Append("</lastmod></url>");
                }

                xml.Append("</urlset>");
                var body = Encoding.UTF8.GetBytes(xml.ToString());
                Put("/" + name, s == 4 ? Gzip(body) : body, s == 4 ? "application/x-gzip" : "application/xml");
                index.Append("<sitemap><loc>").Append(Origin).Append('/').Append(name).Append("</loc><lastmod>").Append(Date(s == 0 ? modified : part[0].Date)).Append("</lastmod></sitemap>");
            }

            var news = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">""");
            foreach (var (i, date) in entries.Where(e => IsRepublication(e.Index)).Take(30))
            {
                news.Append("<url><loc>").Append(Origin).Append("/p/").Append(i).Append("/</loc><news:news><news:publication><news:name>Big Partner</news:name><news:language>en</news:language></news:publication><news:publication_date>")
                    .Append(Date(date)).Append("</news:publication_date><news:title>Story ").Append(i).Append("</news:title></news:news></url>");
            }

            Put("/news-sitemap.xml", Encoding.UTF8.GetBytes(news.Append("</urlset>").ToString()), "application/xml");
            index.Append("<sitemap><loc>").Append(Origin).Append("/news-sitemap.xml</loc><lastmod>").Append(Date(modified)).Append("</lastmod></sitemap></sitemapindex>");
            Put("/sitemap_index.xml", Encoding.UTF8.GetBytes(index.ToString()), "application/xml");
            Put("/robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nDisallow: /private/\nSitemap: {Origin}/sitemap_index.xml\n"), "text/plain");
        }

        private bool IsRepublication(int i) => i >= _urls ? i == _urls : i % 100 == 7;

        private void Put(string path, byte[] body, string type) =>
            _documents[path] = (body, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"");

        private async Task ServeAsync(HttpContext context)
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/p/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(3).TrimEnd('/'), out var i))
            {
                Interlocked.Increment(ref _pageRequests);
                var name = IsRepublication(i) ? Republications[i / 100 % Republications.Length] : Unrelated[i % Unrelated.Length];
                var body = Encoding.UTF8.GetBytes(_pages[name].Replace("</body>", $"<!-- page {i} --></body>", StringComparison.Ordinal));
                if (Answer304(context, body))
                {
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.Body.WriteAsync(body);
                return;
            }

            if (!_documents.ContainsKey(path) && Path.GetExtension(path) is ".png" or ".webp" or ".jpg" or ".gif" or ".svg")
            {
                Interlocked.Increment(ref _imageRequests);
                context.Response.StatusCode = 404;
                return;
            }

            Interlocked.Increment(ref _sitemapRequests);
            if (!_documents.TryGetValue(path, out var document))
            {
                context.Response.StatusCode = 404;
                return;
            }

            if (context.Request.Headers.IfNoneMatch.ToString() == document.ETag)
            {
                Interlocked.Increment(ref _notModified);
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.ContentType = document.Type;
            context.Response.Headers.ETag = document.ETag;
            await context.Response.Body.WriteAsync(document.Body);
        }

        private bool Answer304(HttpContext context, byte[] body)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref _notModified);
                context.Response.StatusCode = 304;
                return true;
            }

            context.Response.Headers.ETag = etag;
            return false;
        }

        private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private static byte[] Gzip(byte[] body)
        {
            using var memory = new MemoryStream();
            using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
            {
                gzip.Write(body);
            }

            return memory.ToArray();
        }
    }
}
