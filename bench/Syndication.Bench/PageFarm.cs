using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.Bench;

/// <summary>
/// Serves N generated partner pages from a real Kestrel server bound to several loopback addresses (127.0.0.1 ..
/// 127.0.0.H), so the audit sees H hosts and its per-host limit spreads work as on the real partner list. Page i is
/// sample page i mod the number of samples with its own marker, made on request: the server holds only the samples.
/// With images, a third of the pages need an image fetched: every web address points back at the page's own host, and
/// the page carries the licensor's logo re-hosted under an unhelpful name after its headline; the other two thirds
/// keep their images' alt text but lose their files. The server answers image requests (the logo for a logo's name,
/// 404 for the rest) and counts them.
/// </summary>
public sealed partial class PageFarm : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string[] _samples;
    private readonly byte[]? _logo;
    private int _images;

    private PageFarm(WebApplication app, string[] samples, int port, int hosts, byte[]? logo)
    {
        _app = app;
        _samples = samples;
        _logo = logo;
        Port = port;
        Hosts = hosts;
    }

    /// <summary>Image requests answered so far.</summary>
    public int ImagesServed => Volatile.Read(ref _images);

    public int Port { get; }

    public int Hosts { get; }

    /// <summary>
    /// The render mix: one page in ten is built by a script from a JSON story (the fetched HTML holds no story); the
    /// other nine keep their story in their HTML and lose their external stylesheets, so auto renders only the tenth.
    /// </summary>
    public bool RenderMix { get; init; }

    /// <summary>How long host h (127.0.0.h) takes before it answers: a network's latency; null: at once.</summary>
    public Func<int, TimeSpan>? Latency { get; init; }

    /// <summary>Every request answered, when <see cref="Record"/> is on: its host, path, and when it arrived and its answer was written (Stopwatch timestamps).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(int Host, string Path, long Arrived, long Answered)> Requests { get; } = new();

    /// <summary>Keeps every request's times in <see cref="Requests"/> (the schedule bench's view from the server's side).</summary>
    public bool Record { get; set; }

    public static async Task<PageFarm> StartAsync(string samplesFolder, int hosts, bool images = false, bool renderMix = false, Func<int, TimeSpan>? latency = null)
    {
        var logo = images ? File.ReadAllBytes(Path.Combine(samplesFolder, "logos", "dcnf-logo.png")) : null;
        var samples = Directory.GetFiles(Path.Combine(samplesFolder, "pages"), "*.html").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (var h = 1; h <= hosts; h++)
            {
                k.Listen(IPAddress.Parse($"127.0.0.{h}"), port);
            }
        });
        var app = builder.Build();
        var farm = new PageFarm(app, samples, port, hosts, logo) { RenderMix = renderMix, Latency = latency };
        app.Run(farm.ServeAsync);
        await app.StartAsync();
        return farm;
    }

    public string Url(int i) => $"http://127.0.0.{(i % Hosts) + 1}:{Port}/page/{i}";

    /// <summary>Page i served by host h (127.0.0.h), for a list that is not spread evenly.</summary>
    public string UrlOn(int host, int i) => $"http://127.0.0.{host}:{Port}/page/{i}";

    public string Page(int i)
    {
        var page = _samples[i % _samples.Length].Replace("</body>", $"<!-- bench page {i} --></body>", StringComparison.Ordinal);
        if (RenderMix)
        {
            page = Stylesheet().Replace(WebAddress().Replace(page, $"http://127.0.0.{(i % Hosts) + 1}:{Port}/"), string.Empty);
            return i % 10 == 0
                ? $"<!DOCTYPE html><html><head><title>Story {i}</title><script defer src=\"/app.js?story={i}\"></script></head><body><noscript>Enable JavaScript to read this story.</noscript><div id=\"app\"></div></body></html>"
                : page;
        }

        if (_logo is null)
        {
            return page;
        }

        page = WebAddress().Replace(page, $"http://127.0.0.{(i % Hosts) + 1}:{Port}/");
        if (i % 3 != 0)
        {
            // Two pages in three show no image the audit could fetch: their images keep their alt text, lose their files.
            return ImageSource().Replace(page, string.Empty);
        }

        var headline = page.IndexOf("</h1>", StringComparison.Ordinal);
        return headline < 0 ? page : page.Insert(headline + 5, $"<p><img src=\"/wp-content/uploads/image-{i}.png\" alt=\"\" width=\"300\" height=\"75\"></p>");
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!Record)
        {
            await AnswerAsync(context, path);
            return;
        }

        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        await AnswerAsync(context, path);
        await context.Response.CompleteAsync();
        Requests.Enqueue((context.Connection.LocalIpAddress?.MapToIPv4().GetAddressBytes()[3] ?? 0, path, arrived, System.Diagnostics.Stopwatch.GetTimestamp()));
    }

    private async Task AnswerAsync(HttpContext context, string path)
    {
        if (Latency is { } latency && context.Connection.LocalIpAddress is { } local)
        {
            await Task.Delay(latency(local.MapToIPv4().GetAddressBytes()[3]));
        }

        if (RenderMix && path == "/app.js")
        {
            context.Response.ContentType = "text/javascript";
            await context.Response.WriteAsync("const n = new URLSearchParams(document.currentScript.src.split('?')[1]).get('story'); fetch('/story/' + n).then(r => r.text()).then(h => { document.getElementById('app').innerHTML = h; });");
            return;
        }

        if (RenderMix && path.StartsWith("/story/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(7), out var story))
        {
            var html = _samples[story % _samples.Length];
            var body = html.IndexOf("<body", StringComparison.Ordinal);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(body < 0 ? html : html[html.IndexOf('>', body)..].TrimStart('>').Replace("</body>", string.Empty, StringComparison.Ordinal).Replace("</html>", string.Empty, StringComparison.Ordinal));
            return;
        }

        if (path.StartsWith("/page/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(6), out var i))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(i));
            return;
        }

        if (_logo is not null && (path.EndsWith(".png", StringComparison.Ordinal) || path.EndsWith(".jpg", StringComparison.Ordinal) || path.EndsWith(".gif", StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _images);
            if (path.Contains("dcnf", StringComparison.Ordinal) || path.Contains("/image-", StringComparison.Ordinal))
            {
                context.Response.ContentType = "image/png";
                await context.Response.Body.WriteAsync(_logo);
                return;
            }
        }

        context.Response.StatusCode = 404;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s(?:data-)?(?:lazy-)?(?:src|srcset|original)\s*=\s*(?:""[^""]*""|'[^']*')", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ImageSource();

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[a-z0-9.-]+\.(?:example|com)/", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex WebAddress();

    [System.Text.RegularExpressions.GeneratedRegex(@"<link[^>]+rel=['""]?stylesheet[^>]*>", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Stylesheet();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
