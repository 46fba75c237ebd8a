using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.DiscoveryDemo;

/// <summary>
/// One bundled web site of the demo, served on 127.0.0.1 by Kestrel (part of the .NET SDK): the files of its folder
/// (robots.txt, sitemaps, a feed) and its article pages (routes.txt maps a path to a sample page), each with an ETag and
/// a 304 for a request that names it, as real sites answer; a "night-2" folder's files replace the others from the
/// second night. The sites' canonical addresses (http://127.0.0.1:8642, :8643) in the files are rewritten to the
/// addresses actually served, so the demo also runs on other ports. Every request is logged with its status.
/// </summary>
internal sealed class DemoSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly Dictionary<string, string> _routes;
    private readonly ConcurrentQueue<string> _log = new();
    private IReadOnlyDictionary<string, string> _origins = new Dictionary<string, string>();

    private DemoSite(WebApplication app, string folder, Dictionary<string, string> routes)
    {
        _app = app;
        _folder = folder;
        _routes = routes;
    }

    public string Origin { get; private set; } = string.Empty;

    /// <summary>From the second night on, the files of the folder's night-2 folder replace the others.</summary>
    public bool SecondNight { get; set; }

    public static async Task<DemoSite> StartAsync(string folder, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var site = new DemoSite(app, folder, Routes(folder));
        app.Run(site.ServeAsync);
        await app.StartAsync();
        site.Origin = new Uri(app.Urls.First()).GetLeftPart(UriPartial.Authority);
        return site;
    }

    /// <summary>The canonical origins of the demo's sites and the ones they are served on, for rewriting the files.</summary>
    public void Rewrite(IReadOnlyDictionary<string, string> origins) => _origins = origins;

    /// <summary>The requests seen since the last call ("200 /robots.txt"), and the log emptied.</summary>
    public List<string> TakeLog()
    {
        var lines = new List<string>();
        while (_log.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var file = File(path);
        if (file is null)
        {
            context.Response.StatusCode = 404;
            _log.Enqueue($"404 {path}");
            return;
        }

        var body = Encoding.UTF8.GetBytes(_origins.Aggregate(await System.IO.File.ReadAllTextAsync(file), (text, o) => text.Replace(o.Key, o.Value, StringComparison.Ordinal)));
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            _log.Enqueue($"304 {path}");
            return;
        }

        context.Response.ContentType = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".txt" => "text/plain; charset=utf-8",
            _ when Path.GetFileName(file) == "feed.xml" => "application/rss+xml",
            _ => "application/xml",
        };
        context.Response.Headers.ETag = etag;
        _log.Enqueue($"200 {path}");
        await context.Response.Body.WriteAsync(body);
    }

    /// <summary>The file that answers a path: an article page (routes.txt), else a file of the folder (night-2 first on the second night).</summary>
    private string? File(string path)
    {
        if (_routes.TryGetValue(path, out var page))
        {
            return page;
        }

        var name = path.TrimStart('/');
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal) || name == "routes.txt")
        {
            return null;
        }

        var tonight = Path.Combine(_folder, "night-2", name);
        var file = SecondNight && System.IO.File.Exists(tonight) ? tonight : Path.Combine(_folder, name);
        return System.IO.File.Exists(file) ? file : null;
    }

    private static Dictionary<string, string> Routes(string folder) =>
        System.IO.File.ReadAllLines(Path.Combine(folder, "routes.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToDictionary(parts => parts[0], parts => Path.GetFullPath(Path.Combine(folder, parts[1])), StringComparer.Ordinal);
}
