using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.Testing;

/// <summary>
/// A partner's web site on 127.0.0.1 (or another loopback address; Kestrel, port 0), as real sites serve: each document with an ETag and a
/// Last-Modified, a 304 to a request that names its ETag, a 404 for anything else. It logs every request it sees
/// (path and status), so a test can say exactly which requests a night made.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, int Status)> _log = new();

    private SiteServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request seen since the last <see cref="ClearLog"/>: path (with query) and the status answered.</summary>
    public IReadOnlyList<(string Path, int Status)> Requests => [.. _log];

    public static async Task<SiteServer> StartAsync(string host = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{host}:0");
        var app = builder.Build();
        var server = new SiteServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First() + "/");
        return server;
    }

    public string Url(string path) => new Uri(BaseUrl, path.TrimStart('/')).AbsoluteUri;

    public void Put(string path, string contentType, string body) => Put(path, contentType, Encoding.UTF8.GetBytes(body));

    public void Put(string path, string contentType, byte[] body, IReadOnlyDictionary<string, string>? headers = null) =>
        _documents["/" + path.TrimStart('/')] = new Document(contentType, body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..16] + "\"", headers);

    /// <summary>Answers the path with a handler of its own (a hostile server).</summary>
    public void Route(string path, Func<HttpContext, Task> handler) =>
        _documents["/" + path.TrimStart('/')] = new Document("", [], "", null, handler);

    public void Remove(string path) => _documents.TryRemove("/" + path.TrimStart('/'), out _);

    public void ClearLog() => _log.Clear();

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value + context.Request.QueryString.Value;
        if (!_documents.TryGetValue(path, out var document))
        {
            context.Response.StatusCode = 404;
            _log.Enqueue((path, 404));
            return;
        }

        if (document.Handler is { } handler)
        {
            try
            {
                await handler(context);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The client gave up, as it should with a hostile answer.
            }

            _log.Enqueue((path, context.Response.StatusCode));
            return;
        }

        if (context.Request.Headers.IfNoneMatch.ToString() == document.ETag)
        {
            context.Response.StatusCode = 304;
            _log.Enqueue((path, 304));
            return;
        }

        context.Response.ContentType = document.ContentType;
        context.Response.Headers.ETag = document.ETag;
        foreach (var (name, value) in document.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        _log.Enqueue((path, 200));
        await context.Response.Body.WriteAsync(document.Body);
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
            // A hostile handler that hangs is cut off.
        }

        await _app.DisposeAsync();
    }

    private sealed record Document(string ContentType, byte[] Body, string ETag, IReadOnlyDictionary<string, string>? Headers, Func<HttpContext, Task>? Handler = null);
}
