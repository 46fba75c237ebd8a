using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.Bench;

/// <summary>
/// Serves N generated partner pages from a real Kestrel server bound to several loopback addresses (127.0.0.1 ..
/// 127.0.0.H), so the audit sees H hosts and its per-host limit spreads work as on the real partner list. Page i is
/// sample page i mod 41 with its own marker, made on request: the server holds only the samples.
/// </summary>
public sealed class PageFarm : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string[] _samples;

    private PageFarm(WebApplication app, string[] samples, int port, int hosts)
    {
        _app = app;
        _samples = samples;
        Port = port;
        Hosts = hosts;
    }

    public int Port { get; }

    public int Hosts { get; }

    public static async Task<PageFarm> StartAsync(string samplesFolder, int hosts)
    {
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
        var farm = new PageFarm(app, samples, port, hosts);
        app.Run(farm.ServeAsync);
        await app.StartAsync();
        return farm;
    }

    public string Url(int i) => $"http://127.0.0.{(i % Hosts) + 1}:{Port}/page/{i}";

    public string Page(int i) => _samples[i % _samples.Length].Replace("</body>", $"<!-- bench page {i} --></body>", StringComparison.Ordinal);

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/page/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(6), out var i))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(i));
            return;
        }

        context.Response.StatusCode = 404;
    }

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
