using System.Collections.Concurrent;
using Microsoft.Playwright;
using Syndication.Fetching;
using Syndication.Resources;
using Syndication.Text;

namespace Syndication.Rendering;

/// <summary>
/// Every request of a rendered page goes through here, and none reaches the network by itself: the page's own
/// document is answered with the bytes already fetched (so the page judged is the page archived), and everything
/// else it asks for is fetched by the one guarded fetcher (only http and https; the SSRF guard at connect time, every
/// redirect re-checked; per-host limits; robots.txt; the conditional cache) within the page's request count, byte cap
/// and deadline. A saved page is rendered offline: only files in its folder are read. Other frames' documents,
/// media, beacons and requests other than GET are refused. The browser is started with a proxy that leads nowhere, so
/// a request that escaped this handler could not connect either.
/// </summary>
internal sealed class BrowserGuard(IPageFetcher fetcher, RenderOptions options, RenderPage page, CancellationToken deadline)
{
    /// <summary>Where a saved page is put when rendered: a name that resolves nowhere, whose paths map to the page's folder.</summary>
    public const string SavedPageOrigin = "http://saved-page.invalid/";

    private static readonly HashSet<string> Loaded = new(StringComparer.Ordinal) { "document", "stylesheet", "script", "image", "xhr", "fetch", "font" };

    private static readonly HashSet<string> PassedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-security-policy", "access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-headers",
        "access-control-allow-methods", "access-control-expose-headers", "timing-allow-origin", "cross-origin-resource-policy", "link",
    };

    private readonly ConcurrentQueue<string> _refused = new();
    private int _requests;
    private long _bytes;
    private int _documentServed;

    /// <summary>The URL the browser is sent to: the page's final URL, or a saved page's place under <see cref="SavedPageOrigin"/>.</summary>
    public string StartUrl => page.Document.Address.IsFile
        ? SavedPageOrigin + Uri.EscapeDataString(Path.GetFileName(page.Document.FinalLocation))
        : page.Document.FinalLocation;

    public int Requests => _requests;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>One line per request refused or failed (the first few are kept).</summary>
    public IReadOnlyList<string> Refused => [.. _refused];

    public int RefusedCount => _refusedCount;

    private int _refusedCount;

    private int _pending;
    private long _lastActivity = Environment.TickCount64;

    /// <summary>
    /// Waits until no request of the page has been in flight for <paramref name="quiet"/>, or <paramref name="most"/>
    /// has passed: a page that builds its story from a fetch after the load event has it by then.
    /// </summary>
    public async Task QuietAsync(TimeSpan quiet, TimeSpan most, CancellationToken cancellationToken)
    {
        var until = Environment.TickCount64 + (long)most.TotalMilliseconds;
        while (Environment.TickCount64 < until)
        {
            var idleFor = Environment.TickCount64 - Interlocked.Read(ref _lastActivity);
            if (Volatile.Read(ref _pending) == 0 && idleFor >= quiet.TotalMilliseconds)
            {
                return;
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    public async Task HandleAsync(IRoute route)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            await AnswerAsync(route);
        }
        finally
        {
            Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task AnswerAsync(IRoute route)
    {
        var request = route.Request;
        try
        {
            if (request.IsNavigationRequest && request.ResourceType == "document" && request.Frame.ParentFrame is null
                && Interlocked.Exchange(ref _documentServed, 1) == 0)
            {
                await FulfilAsync(route, page.Document, page.Document.Body);
                return;
            }

            if (Refusal(request) is { } why)
            {
                await RefuseAsync(route, request.Url, why);
                return;
            }

            var address = Address(request.Url, out var problem);
            if (address is null)
            {
                await RefuseAsync(route, request.Url, problem!);
                return;
            }

            var left = options.MaxBytes - Bytes;
            var fetched = await fetcher.FetchAsync(
                new FetchRequest(address, page.IgnoreRobots) { Accepts = FetchRequest.Anything, MaxBytes = Math.Min(options.MaxBytesPerRequest, Math.Max(1, left)) },
                deadline);
            if (Interlocked.Add(ref _bytes, fetched.Body.Length) > options.MaxBytes)
            {
                await RefuseAsync(route, request.Url, $"the page's requests passed {options.MaxBytes / 1048576.0:0.#} MiB together");
                return;
            }

            await FulfilAsync(route, fetched, fetched.Body);
        }
        catch (FetchException e)
        {
            await RefuseAsync(route, request.Url, $"{e.Kind}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            await RefuseAsync(route, request.Url, "the page's render deadline passed");
        }
        catch (PlaywrightException)
        {
            // The page or the browser went away while this request was answered: nothing to answer any more.
        }
    }

    private string? Refusal(IRequest request)
    {
        if (request.ResourceType == "document")
        {
            return request.Frame.ParentFrame is null ? "the page navigated away (not followed)" : "frames are not loaded";
        }

        if (!Loaded.Contains(request.ResourceType))
        {
            return $"{request.ResourceType} requests are not loaded";
        }

        if (request.Method is not ("GET" or "HEAD"))
        {
            return $"{request.Method} requests are not sent";
        }

        return Interlocked.Increment(ref _requests) > options.MaxRequests ? $"more than {options.MaxRequests} requests" : null;
    }

    /// <summary>Where a request goes: a web page's http(s) URLs; a saved page's files in its folder, nothing on the web.</summary>
    private PageAddress? Address(string url, out string? problem)
    {
        problem = null;
        if (!page.Document.Address.IsFile)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return PageAddress.Parse(uri.AbsoluteUri);
            }

            problem = "only http and https are fetched";
            return null;
        }

        if (!url.StartsWith(SavedPageOrigin, StringComparison.Ordinal))
        {
            problem = "the page is a local file, judged offline: its requests to the web are not made";
            return null;
        }

        var (address, why) = new PageLocation(null, page.Document.FinalLocation).Resolve(url[SavedPageOrigin.Length..]);
        problem = why;
        return address;
    }

    private static async Task FulfilAsync(IRoute route, FetchedPage fetched, byte[] body)
    {
        var headers = fetched.Headers.Where(h => PassedHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var type = fetched.MediaType ?? MediaTypeOf(fetched.FinalLocation);
        headers["content-type"] = fetched.Charset is { } charset ? $"{type}; charset={charset}" : type;
        await route.FulfillAsync(new RouteFulfillOptions { Status = 200, Headers = headers, BodyBytes = body });
    }

    /// <summary>A saved page's files carry no media type: the browser needs one for stylesheets and scripts.</summary>
    private static string MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html",
        ".css" => "text/css",
        ".js" or ".mjs" => "text/javascript",
        ".json" => "application/json",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".svg" => "image/svg+xml",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        _ => "application/octet-stream",
    };

    private async Task RefuseAsync(IRoute route, string url, string why)
    {
        Interlocked.Increment(ref _refusedCount);
        if (_refused.Count < 20)
        {
            _refused.Enqueue($"{TextShortening.End(url, 160)}: {why}");
        }

        try
        {
            await route.AbortAsync("blockedbyclient");
        }
        catch (PlaywrightException)
        {
            // Already gone with its page.
        }
    }
}
