using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;
using Serilog;
using Syndication.Fetching;

namespace Syndication.Rendering;

/// <summary>
/// Renders pages in Debian's headless Chromium, driven by Playwright (no browser is downloaded). One browser serves
/// every page, each page in a fresh context (no cookies, storage, permissions or downloads carried over, service
/// workers blocked), at most <see cref="RenderOptions.Pages"/> at once; the browser is replaced after
/// <see cref="RenderOptions.RecycleAfter"/> pages and at once when it dies. A page that crashes or hangs the browser,
/// or passes its deadline, ends in a <see cref="RenderException"/>: that page's error, never a stalled run.
/// </summary>
public sealed class ChromiumRenderer : IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions", "--mute-audio",
        "--hide-scrollbars",

        // Every request is answered by the guard; one that escaped it would meet a proxy that resolves nowhere.
        "--proxy-server=http://no-network.invalid:1", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    /// <summary>How long a page must make no request to count as settled (a script that fetches its story does so at once).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    private static readonly Lazy<string> MarkScript = new(() => LoadScript("mark-visibility.js"));

    private readonly IPageFetcher _fetcher;
    private readonly RenderOptions _options;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _launching = new(1, 1);
    private readonly object _gate = new();
    private IPlaywright? _playwright;
    private Lease? _current;
    private bool _disposed;

    public ChromiumRenderer(IPageFetcher fetcher, RenderOptions options, ILogger log)
    {
        _fetcher = fetcher;
        _options = options;
        _log = log;
        _slots = new SemaphoreSlim(Math.Max(1, options.Pages), Math.Max(1, options.Pages));
    }

    public RenderOptions Options => _options;

    /// <summary>Browsers started so far (the first, and each replacement).</summary>
    public int Launches { get; private set; }

    /// <summary>Why pages cannot be rendered on this machine (no Chromium, or no Playwright driver), or null.</summary>
    public static string? Unavailable(RenderOptions options) =>
        !File.Exists(options.BrowserPath) ? $"Chromium is not installed at {options.BrowserPath} (on Debian or Ubuntu: apt-get install chromium)"
        : PlaywrightDriver.Missing();

    /// <summary>
    /// Loads the page, lets it settle, marks what a reader cannot see and returns the view, open for screenshots until
    /// disposed. Throws <see cref="RenderException"/> when the page cannot be rendered within its deadline.
    /// </summary>
    public async Task<RenderedView> RenderAsync(RenderPage page, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var started = Environment.TickCount64;
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Lease? lease = null;
        IBrowserContext? context = null;
        var handedOver = false;
        try
        {
            // Starting the browser is the run's cost, not the page's: the page's deadline begins once it has one.
            lease = await LeaseAsync(cancellationToken);
            started = Environment.TickCount64;
            deadline.CancelAfter(_options.Deadline);
            context = await lease.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                AcceptDownloads = false,
                ServiceWorkers = ServiceWorkerPolicy.Block,
                Permissions = [],
                ViewportSize = new ViewportSize { Width = _options.ViewportWidth, Height = _options.ViewportHeight },
                JavaScriptEnabled = true,
            }).WaitAsync(deadline.Token);
            context.SetDefaultTimeout((float)_options.Deadline.TotalMilliseconds);
            var guard = new BrowserGuard(_fetcher, _options, page, deadline.Token);
            await context.RouteAsync("**/*", guard.HandleAsync).WaitAsync(deadline.Token);
            var tab = await context.NewPageAsync().WaitAsync(deadline.Token);
            await tab.GotoAsync(guard.StartUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = Remaining(started) })
                .WaitAsync(deadline.Token);
            await guard.QuietAsync(Quiet, _options.Settle, deadline.Token);

            // Lazy loaders fill images and sections in as the reader scrolls: scroll through once, then settle again.
            await tab.EvaluateAsync("async () => { for (let i = 0, y = 0; i < 12 && y < document.documentElement.scrollHeight; i++, y += innerHeight) { scrollTo(0, y); await new Promise(r => requestAnimationFrame(() => r())); } scrollTo(0, 0); }")
                .WaitAsync(deadline.Token);
            await guard.QuietAsync(Quiet, _options.Settle, deadline.Token);
            var marked = await tab.EvaluateAsync<JsonElement>(MarkScript.Value, _options.MaxPieces).WaitAsync(deadline.Token);
            _log.Debug(
                "Rendered {Page}: {Requests} request(s), {Elapsed} ms",
                page.Document.FinalLocation, guard.Requests, Environment.TickCount64 - started);
            var view = new RenderedView(this, lease, context, tab, guard, deadline, started, marked);
            handedOver = true;
            return view;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new RenderException(Describe(e, started), e);
        }
        finally
        {
            if (!handedOver)
            {
                if (context is not null)
                {
                    await CloseAsync(context, lease!);
                }

                if (lease is not null)
                {
                    Release(lease);
                }

                _slots.Release();
                deadline.Dispose();
            }
        }
    }

    private string Describe(Exception e, long started)
    {
        var elapsed = (Environment.TickCount64 - started) / 1000.0;
        if (e is OperationCanceledException or TimeoutException || elapsed >= _options.Deadline.TotalSeconds - 0.5)
        {
            return $"the browser did not finish rendering the page within {_options.Deadline.TotalSeconds:0.#} s";
        }

        var first = e.Message.ReplaceLineEndings(" ").Split("  ", StringSplitOptions.RemoveEmptyEntries)[0];
        return $"the browser could not render the page: {Syndication.Text.TextShortening.End(first.Trim(), 200)}";
    }

    private float Remaining(long started) => (float)Math.Max(1, _options.Deadline.TotalMilliseconds - (Environment.TickCount64 - started));

    private async Task<Lease> LeaseAsync(CancellationToken cancellationToken)
    {
        await _launching.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            lock (_gate)
            {
                if (_current is { Retired: false } current && current.Browser.IsConnected)
                {
                    current.Take(_options.RecycleAfter);
                    return current;
                }
            }

            _playwright ??= await Playwright.CreateAsync();
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.BrowserPath,
                Headless = true,
                Args = Args,
                Timeout = 30_000,
            });
            Launches++;
            var lease = new Lease(browser);
            browser.Disconnected += (_, _) =>
            {
                lock (_gate)
                {
                    lease.Retired = true;
                }
            };
            Lease? old;
            lock (_gate)
            {
                old = _current;
                if (old is not null)
                {
                    old.Retired = true;
                }

                _current = lease;
                lease.Take(_options.RecycleAfter);
            }

            if (old is { InFlight: 0 })
            {
                _ = CloseBrowserAsync(old);
            }

            _log.Debug("Started Chromium ({Browser}), browser {Count} of this run", _options.BrowserPath, Launches);
            return lease;
        }
        finally
        {
            _launching.Release();
        }
    }

    /// <summary>A page is done with its browser and its slot.</summary>
    internal void Done(Lease lease)
    {
        Release(lease);
        _slots.Release();
    }

    private void Release(Lease lease)
    {
        bool close;
        lock (_gate)
        {
            lease.InFlight--;
            close = lease.Retired && lease.InFlight == 0;
        }

        if (close)
        {
            _ = CloseBrowserAsync(lease);
        }
    }

    /// <summary>Closes a page's context; one that does not close in time (a renderer hung in a script) takes its browser with it.</summary>
    internal async Task CloseAsync(IBrowserContext context, Lease lease)
    {
        try
        {
            await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _log.Debug("A page's browser context did not close ({Message}): the browser is replaced", e.Message);
            lock (_gate)
            {
                lease.Retired = true;
            }
        }
    }

    private async Task CloseBrowserAsync(Lease lease)
    {
        try
        {
            await lease.Browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            _log.Debug("A retired browser did not close: {Message}", e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _launching.WaitAsync();
        try
        {
            _disposed = true;
            if (_current is { } current)
            {
                await CloseBrowserAsync(current);
            }

            _playwright?.Dispose();
        }
        finally
        {
            _launching.Release();
        }
    }

    private static string LoadScript(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Syndication.Rendering." + name)
            ?? throw new InvalidOperationException($"the embedded script {name} is missing");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');

        // Playwright recognises a function by how the text starts: the leading comment goes.
        return string.Join('\n', lines.SkipWhile(l => l.StartsWith("//", StringComparison.Ordinal)));
    }

    /// <summary>One browser and the pages it is serving.</summary>
    internal sealed class Lease(IBrowser browser)
    {
        public IBrowser Browser { get; } = browser;

        public int InFlight { get; set; }

        public int Served { get; private set; }

        public bool Retired { get; set; }

        public void Take(int recycleAfter)
        {
            InFlight++;
            if (++Served >= recycleAfter)
            {
                Retired = true;
            }
        }
    }
}
