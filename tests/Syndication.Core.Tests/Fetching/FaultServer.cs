using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.Core.Tests.Fetching;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1, port 0, whose routes each script a fault. It counts the requests
/// each path saw and the most requests it ever had in flight at once.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    private FaultServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public static async Task<FaultServer> StartAsync(string address = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxResponseBufferSize = null);
        var app = builder.Build();
        var server = new FaultServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First() + "/");
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Route(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public void Html(string path, string html, int status = 200) => Route(path, async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html);
    });

    /// <summary>Serves bytes under a content type (a sitemap, a feed, a gzip file).</summary>
    public void Bytes(string path, byte[] body, string contentType) => Route(path, async context =>
    {
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body);
    });

    public void Text(string path, string text, string contentType) => Bytes(path, System.Text.Encoding.UTF8.GetBytes(text), contentType);

    public void Redirect(string path, string location, int status = 302) => Route(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    /// <summary>Answers each request to the path with the next status of the script (the last one repeats).</summary>
    public void Statuses(string path, string html, params int[] statuses)
    {
        var next = 0;
        Route(path, async context =>
        {
            var status = statuses[Math.Min(Interlocked.Increment(ref next) - 1, statuses.Length - 1)];
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(status == 200 ? html : $"<p>status {status}</p>");
        });
    }

    /// <summary>
    /// Serves the page with an ETag, and a 304 to a request that names it in If-None-Match. Returns a function that
    /// tells the If-None-Match values the path has seen, in order.
    /// </summary>
    public Func<IReadOnlyList<string>> Versioned(string path, string html, string etag)
    {
        var asked = new ConcurrentQueue<string>();
        Route(path, async context =>
        {
            var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
            asked.Enqueue(ifNoneMatch);
            if (ifNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.ContentType = "text/html";
            context.Response.Headers.ETag = etag;
            await context.Response.WriteAsync(html);
        });
        return () => asked.ToList();
    }

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>Every path asked for, with how many times.</summary>
    public IReadOnlyDictionary<string, int> AllHits => new Dictionary<string, int>(_hits, StringComparer.Ordinal);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var now = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); now > max; max = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, max) == max)
            {
                break;
            }
        }

        try
        {
            if (_routes.TryGetValue(path, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client went away: that is what several faults are for.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Handlers that hang on purpose are cut off.
        }

        await _app.DisposeAsync();
    }
}
