using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.Cli.Tests.Support;

/// <summary>
/// A web server on loopback addresses (127.0.0.1 .. 127.0.0.N, one port) that serves the samples: a path ending in
/// a sample page's file name (/any/thing/wordpress-no-logo.html) gets that page, /feed.xml the originals feed, each
/// optionally after a delay, so an audit over HTTP can be made slow enough to stop or kill half-way.
/// </summary>
public sealed class SamplePageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]?> _pages = new(StringComparer.Ordinal);
    private long _delayTicks;
    private int _served;
    private int _notModified;
    private int _unconditional;
    private int _received;

    private SamplePageServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    /// <summary>How long each page request waits before it is answered.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>While set and not yet completed, every request waits for it (after <see cref="Delay"/>): a test opens it when it is ready.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Pages carry an ETag (their content's hash), and a request naming it gets 304 Not Modified.</summary>
    public bool ETags { get; set; }

    /// <summary>How many page requests were answered 304 Not Modified.</summary>
    public int NotModified => Volatile.Read(ref _notModified);

    /// <summary>How many page requests asked for the page without a validator.</summary>
    public int Unconditional => Volatile.Read(ref _unconditional);

    /// <summary>How many requests have been answered.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>How many requests have arrived (answered or not yet).</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>A page's URL on host 127.0.0.<paramref name="host"/>.</summary>
    public string Url(int host, string path) => $"http://127.0.0.{host}:{Port}/{path.TrimStart('/')}";

    public static async Task<SamplePageServer> StartAsync(int hosts = 1)
    {
        for (var attempt = 1; ; attempt++)
        {
            // One host can take any free port; several must share one, found free on the first and tried on the rest.
            var port = hosts == 1 ? 0 : FreePort();
            var server = Create(hosts, port);
            try
            {
                await server._app.StartAsync();
                server.Port = new Uri(server._app.Urls.First()).Port;
                return server;
            }
            catch (IOException) when (attempt < 10)
            {
                await server._app.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static SamplePageServer Create(int hosts, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            for (var host = 1; host <= hosts; host++)
            {
                options.Listen(IPAddress.Parse($"127.0.0.{host}"), port);
            }
        });
        var app = builder.Build();
        var server = new SamplePageServer(app);
        app.Run(server.ServeAsync);
        return server;
    }

    private async Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _received);
        var name = context.Request.Path.Value?.Split('/').LastOrDefault() ?? string.Empty;
        var body = name.EndsWith(".html", StringComparison.Ordinal) || name == "feed.xml" ? _pages.GetOrAdd(name, Read) : null;
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (Gate is { } gate)
        {
            try
            {
                await gate.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (ETags && name != "feed.xml")
        {
            var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16]}\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Count == 0)
            {
                Interlocked.Increment(ref _unconditional);
            }
            else if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                Interlocked.Increment(ref _notModified);
                Interlocked.Increment(ref _served);
                return;
            }
        }

        context.Response.ContentType = name == "feed.xml" ? "application/rss+xml" : "text/html";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        Interlocked.Increment(ref _served);
    }

    private static byte[]? Read(string name)
    {
        var path = name == "feed.xml" ? RepoPaths.Feed : RepoPaths.Page(name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
