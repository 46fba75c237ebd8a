using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>
/// The hardened web fetcher. Per page: robots.txt first; then each hop (redirects followed here, at most ten, each
/// one re-checked for scheme, robots and address) under the host's politeness slot, with retries (exponential
/// backoff and jitter) on 408, 429, 5xx and dropped connections, Retry-After honoured up to a cap; only the media
/// types the request accepts are read (HTML for a page, a feed for originals), and only up to the size cap after
/// decompression; the whole page has one deadline. A page that cannot be fetched ends in a
/// <see cref="FetchException"/> with a kind, never in a compliance finding.
/// </summary>
public sealed class HttpFetcher : IPageFetcher, IDocumentFetcher, IRobotsSitemaps, IDisposable
{
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly HostLimiter _hosts;
    private readonly RobotsCache _robots;
    private readonly ConditionalCache? _cache;
    private readonly ResiliencePipeline<HttpResponseMessage> _attempts;

    public HttpFetcher(FetchOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        var connector = new GuardedConnector(options.Addresses);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.ConnectTimeout,
            ConnectCallback = connector.ConnectAsync,
            UseCookies = false,
            UseProxy = false,
            MaxConnectionsPerServer = Math.Max(1, options.PerHost),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 64,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

        // Every request, pages and robots.txt alike, says who is asking. (Accept-Encoding comes from the handler's
        // automatic decompression.)
        if (!_client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent))
        {
            throw new ArgumentException($"\"{options.UserAgent}\" is not a valid User-Agent (product/version (comment))", nameof(options));
        }
        _hosts = new HostLimiter(options.PerHost, time);
        _robots = new RobotsCache(_client, options, _hosts);
        _cache = options.CacheDirectory is null ? null : new ConditionalCache(options.CacheDirectory);
        _attempts = BuildAttempts(options, time, _hosts);
    }

    public void Dispose() => _client.Dispose();

    public async Task<IReadOnlyList<string>> RobotsSitemapsAsync(Uri site, CancellationToken cancellationToken) =>
        (await _robots.GetAsync(site, cancellationToken)).Rules.Sitemaps;

    public async Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
        (await FetchAsync(request, spool: false, cancellationToken)).Page;

    public async Task<FetchedDocument> FetchDocumentAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var (page, spool) = await FetchAsync(request, spool: true, cancellationToken);
        return new FetchedDocument(page, spool!, spool!.Length);
    }

    /// <summary>The fetch itself; the body in memory, or with <paramref name="spool"/> in a temporary file returned at its start.</summary>
    private async Task<(FetchedPage Page, FileStream? Spool)> FetchAsync(FetchRequest request, bool spool, CancellationToken cancellationToken)
    {
        var address = request.Address;
        var maxBytes = request.MaxBytes ?? _options.MaxBodyBytes;
        var start = address.Url ?? throw new ArgumentException("not a web address", nameof(request));
        var started = _time.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeout = request.Timeout ?? _options.Timeout;
        var turn = false;
        var current = start;
        try
        {
            // The validators were stored with the page's final address: they are sent on the hop that asks for it, so a
            // page behind a redirect (http to https, a trailing slash) is still answered with a 304.
            var cached = _cache?.Find(start);
            var chain = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { start.AbsoluteUri };
            for (var hop = 0; ; hop++)
            {
                await CheckAllowedAsync(current, hop, request.IgnoreRobots, deadline.Token);
                var slot = await _hosts.AcquireAsync(current.Host, deadline.Token);
                if (!turn)
                {
                    turn = true;
                    // The page's deadline and its time start with its turn at the host: a page that waited for one of
                    // the host's slots (the run keeps one ready to go: Pipeline.HostQueue) is not late for it. The
                    // wait is as long as a request the host is answering, and those have deadlines of their own.
                    started = _time.GetTimestamp();
                    deadline.CancelAfter(timeout);
                }

                HttpResponseMessage? response = null;
                try
                {
                    var conditional = cached is not null && cached.FinalUrl == current.AbsoluteUri ? cached : null;
                    response = await _attempts.ExecuteAsync(
                        async (state, ct) => await SendAsync(state.Url, request.Accepts, state.Conditional, ct),
                        (Url: current, Conditional: conditional),
                        deadline.Token);
                    var status = (int)response.StatusCode;
                    if (status is >= 300 and < 400 && status != 304)
                    {
                        var next = RedirectTarget(current, response, chain, seen);
                        current = next;
                        continue;
                    }

                    if (status == 304 && conditional is not null)
                    {
                        if (spool && await SpoolCachedAsync(conditional, maxBytes, deadline.Token) is { } file)
                        {
                            return (Page(address, [], conditional.MediaType, conditional.Charset, conditional.FinalUrl, status, chain, response, started, fromCache: true), file);
                        }

                        if (!spool && _cache!.Body(conditional) is { } body304)
                        {
                            return (Page(address, body304, conditional.MediaType, conditional.Charset, conditional.FinalUrl, status, chain, response, started, fromCache: true), null);
                        }

                        // The stored body is gone: ask again, unconditionally.
                        cached = null;
                        hop--;
                        continue;
                    }

                    Ensure(response, current);
                    var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
                    if (mediaType is not null && !request.Accepts.Contains(mediaType))
                    {
                        throw new FetchException(ErrorKinds.NotHtml, $"the server says the page is {mediaType}, not {request.Accepts.Name}");
                    }

                    var charset = response.Content.Headers.ContentType?.CharSet;
                    if (spool)
                    {
                        var file = await ReadBodyAsync(current, () => SpoolAsync(response.Content, (source, target) => BodyReader.CopyCappedAsync(source, target, maxBytes, deadline.Token), deadline.Token));
                        Remember(response, cache => cache.Put(CacheEntry(start, current, response, mediaType, charset), file));
                        file.Position = 0;
                        return (Page(address, [], mediaType, charset, current.AbsoluteUri, status, chain, response, started, fromCache: false), file);
                    }

                    var body = await ReadBodyAsync(current, () => BodyReader.ReadCappedAsync(response.Content, maxBytes, deadline.Token));
                    Remember(response, cache => cache.Put(CacheEntry(start, current, response, mediaType, charset), body));
                    return (Page(address, body, mediaType, charset, current.AbsoluteUri, status, chain, response, started, fromCache: false), null);
                }
                finally
                {
                    response?.Dispose();
                    slot.Dispose();
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(ErrorKinds.Timeout, $"no complete answer from {current.Host} within {timeout.TotalSeconds:0.#} s");
        }
        catch (TimeoutRejectedException)
        {
            throw new FetchException(ErrorKinds.Timeout, $"{current.Host} sent no response headers within {_options.AttemptTimeout.TotalSeconds:0.#} s, {_options.MaxRetries + 1} times");
        }
        catch (HttpRequestException e)
        {
            throw FetchErrors.Classify(e, current);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(ErrorKinds.Connection, $"{current.Host} broke off the response: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    private static async Task<T> ReadBodyAsync<T>(Uri current, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            // "Content-Encoding: gzip" on a body that is not gzip, or broken brotli or deflate: the server's fault.
            // (The handler decompresses, and drops the header as it does: the decoders' exceptions are all we see.)
            throw new FetchException(ErrorKinds.Read, $"{current.Host} sent a body that does not decompress as its Content-Encoding says: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    private async Task CheckAllowedAsync(Uri url, int hop, bool ignoreRobots, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            throw new FetchException(ErrorKinds.Redirects, $"refused a redirect to a {url.Scheme}: URL ({url}); only http and https are fetched");
        }

        if (_hosts.PausedUntil(url.Host) is { } until)
        {
            throw new FetchException(ErrorKinds.RateLimited, $"{url.Host} asked us to wait until {until:yyyy-MM-dd HH:mm:ss}Z; its pages are not fetched before then");
        }

        if (_options.RespectRobots && !ignoreRobots)
        {
            var (rules, why) = await _robots.GetAsync(url, cancellationToken);
            if (!rules.Allows(url.PathAndQuery))
            {
                throw new FetchException(ErrorKinds.Robots, $"{why} disallows {url.PathAndQuery} for {_robots.ProductToken}" + (hop > 0 ? " (after a redirect)" : string.Empty));
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, ContentKinds accepts, ConditionalCache.Entry? conditional, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accepts.AcceptHeader);
        if (conditional?.ETag is { } etag)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (conditional?.LastModified is { } modified)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", modified);
        }

        return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private Uri RedirectTarget(Uri current, HttpResponseMessage response, List<string> chain, HashSet<string> seen)
    {
        if (response.Headers.Location is not { } location)
        {
            // HttpClient leaves Location unset when it cannot parse it: the raw header tells the two cases apart.
            if (response.Headers.NonValidated.TryGetValues("Location", out var raw) && raw.FirstOrDefault() is { Length: > 0 } text)
            {
                throw new FetchException(ErrorKinds.Redirects, $"HTTP {(int)response.StatusCode} redirect to \"{text}\", which is not a valid URL");
            }

            throw new FetchException(ErrorKinds.HttpStatus, $"HTTP {(int)response.StatusCode} redirect without a Location");
        }

        if (!Uri.TryCreate(current, location, out var next))
        {
            throw new FetchException(ErrorKinds.Redirects, $"HTTP {(int)response.StatusCode} redirect to \"{location.OriginalString}\", which is not a valid URL");
        }

        chain.Add(next.ToString());
        if (!seen.Add(next.AbsoluteUri))
        {
            throw new FetchException(ErrorKinds.Redirects, $"redirect loop: {string.Join(" -> ", chain.TakeLast(4))}");
        }

        if (chain.Count > _options.MaxRedirects)
        {
            throw new FetchException(ErrorKinds.Redirects, $"more than {_options.MaxRedirects} redirects (last: {next})");
        }

        return next;
    }

    private void Ensure(HttpResponseMessage response, Uri url)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        if (status == 429)
        {
            var paused = _hosts.PausedUntil(url.Host);
            throw new FetchException(ErrorKinds.RateLimited, paused is null
                ? $"HTTP 429 Too Many Requests from {url.Host} after {_options.MaxRetries + 1} attempts"
                : $"HTTP 429 from {url.Host} with Retry-After beyond {_options.RetryAfterCap.TotalSeconds:0} s: host paused, its pages are reported rate-limited");
        }

        var attempts = status is 408 or >= 500 ? $" after {_options.MaxRetries + 1} attempts" : string.Empty;
        throw new FetchException(ErrorKinds.HttpStatus, $"HTTP {status} {response.ReasonPhrase}{attempts}");
    }

    /// <summary>Keeps the body and its validators for the next run's conditional request, when the server gave any.</summary>
    private void Remember(HttpResponseMessage response, Action<ConditionalCache> put)
    {
        if (_cache is not null && (response.Headers.ETag is not null || response.Content.Headers.LastModified is not null))
        {
            put(_cache);
        }
    }

    private ConditionalCache.Entry CacheEntry(Uri start, Uri final, HttpResponseMessage response, string? mediaType, string? charset) =>
        new(start.AbsoluteUri, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), mediaType, charset, final.AbsoluteUri, _time.GetUtcNow());

    /// <summary>The cached body of an unchanged document in a spool file, or null when it is missing or damaged.</summary>
    private async Task<FileStream?> SpoolCachedAsync(ConditionalCache.Entry entry, long maxBytes, CancellationToken cancellationToken)
    {
        if (_cache!.OpenBody(entry) is not { } cached)
        {
            return null;
        }

        try
        {
            return await SpoolAsync(cached, (source, target) => BodyReader.CopyCappedAsync(source, target, maxBytes, cancellationToken), cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// A temporary file, deleted when closed, filled by <paramref name="copy"/> and returned at its start. A copy that
    /// fails (over the cap, a broken connection) deletes it at once.
    /// </summary>
    private async Task<FileStream> SpoolAsync<TSource>(TSource source, Func<TSource, Stream, Task<long>> copy, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_options.SpoolDirectory ?? Path.GetTempPath(), $"syndication-{Guid.NewGuid():N}.spool");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await copy(source, file);
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        finally
        {
            (source as IDisposable)?.Dispose();
        }
    }

    private FetchedPage Page(PageAddress address, byte[] body, string? mediaType, string? charset, string finalUrl, int status, List<string> chain, HttpResponseMessage response, long started, bool fromCache) => new()
    {
        Address = address,
        Body = body,
        MediaType = mediaType,
        Charset = charset,
        FinalLocation = finalUrl,
        StatusCode = status,
        Redirects = chain,
        Headers = HeaderMap(response.Headers, response.Content.Headers),
        FetchedAt = _time.GetUtcNow(),
        Elapsed = _time.GetElapsedTime(started),
        FromCache = fromCache,
    };

    private static Dictionary<string, string> HeaderMap(HttpResponseHeaders headers, HttpContentHeaders content)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers.Concat(content))
        {
            map[header.Key] = string.Join(", ", header.Value);
        }

        return map;
    }

    /// <summary>
    /// Retries with exponential backoff and jitter on 408, 429, 5xx, dropped connections and attempt timeouts.
    /// A Retry-After is honoured up to the cap; beyond it the host is paused and the response is not retried.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> BuildAttempts(FetchOptions options, TimeProvider time, HostLimiter hosts)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result: { } response } => IsRetryable(response) && !PausesHost(response, options, time, hosts),
                    { Exception: TimeoutRejectedException } => true,
                    { Exception: HttpRequestException e } => FetchErrors.IsTransient(e),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    private static bool IsRetryable(HttpResponseMessage response) => (int)response.StatusCode is 408 or 429 or >= 500 and < 600;

    /// <summary>True (and the host is paused) when the server asks for a wait longer than we accept (<see cref="FetchOptions.RetryAfterCap"/>).</summary>
    private static bool PausesHost(HttpResponseMessage response, FetchOptions options, TimeProvider time, HostLimiter hosts)
    {
        if (RetryAfter(response, time) is { } wait && wait >= options.RetryAfterCap)
        {
            var host = response.RequestMessage?.RequestUri?.Host;
            if (host is not null)
            {
                hosts.Pause(host, time.GetUtcNow() + wait);
            }

            return true;
        }

        return false;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
