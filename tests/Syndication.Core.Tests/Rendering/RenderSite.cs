using System.Net;
using System.Text.RegularExpressions;
using Serilog;
using Syndication.Core.Tests.Fetching;
using Syndication.Core.Tests.Images;
using Syndication.Core.Tests.Support;
using Syndication.Fetching;
using Syndication.Pipeline;
using Syndication.Rendering;
using Syndication.Resources;

namespace Syndication.Core.Tests.Rendering;

/// <summary>
/// Partner pages on a loopback server (127.0.0.1), checked by the real page pipeline with one shared Chromium
/// (Debian's, as the HTML report's browser test starts it). The fetcher allows 127.0.0.1 and no other loopback
/// address, so a second server on 127.0.0.2 stands for the private network: the guard must keep it unreached.
/// </summary>
public sealed partial class RenderSite : IAsyncDisposable
{
    public const string LogoPath = "/wp-content/uploads/2022/03/dcnf-logo-300x75.png";

    private static readonly string Compliant = File.ReadAllText(RepoPaths.Samples("pages", "wordpress-compliant.html"));
    private readonly AddressRouter _fetcher;
    private int _pages;

    private RenderSite(FaultServer server, FaultServer privateServer, AddressRouter fetcher, RenderStage stage, PageEvaluator evaluator)
    {
        Server = server;
        Private = privateServer;
        _fetcher = fetcher;
        Stage = stage;
        Evaluator = evaluator;
    }

    public FaultServer Server { get; }

    /// <summary>A server on 127.0.0.2, refused by the guard: it must never see a request.</summary>
    public FaultServer Private { get; }

    public RenderStage Stage { get; }

    public PageEvaluator Evaluator { get; }

    public static async Task<RenderSite> StartAsync(RenderOptions options)
    {
        RequireChromium(options.BrowserPath);
        var server = await FaultServer.StartAsync();
        var privateServer = await FaultServer.StartAsync("127.0.0.2");
        server.Bytes(LogoPath, TestImages.Png(TestImages.Logo()), "image/png");
        var fetcher = Engine.CreateFetcher(
            new FetchOptions { Addresses = AddressPolicy.PublicAndOneLoopback(IPAddress.Loopback), RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 0 },
            TimeProvider.System);
        var log = new LoggerConfiguration().CreateLogger();
        var stage = new RenderStage(fetcher, options, log);
        return new RenderSite(server, privateServer, fetcher, stage, new PageEvaluator(Engines.Settings()));
    }

    /// <summary>Without Chromium the tests are ignored on a developer's machine and fail in CI, where .ci/run installs it.</summary>
    public static void RequireChromium(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var message = $"{path} is missing: apt-get install -y chromium (.ci/run does)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }

    /// <summary>The sample WordPress page that complies, its hosts pointed at the server, with extra markup in its head and after its logo.</summary>
    public string CompliantPage(string head = "", string afterLogo = "") =>
        Hosts().Replace(Compliant, Server.BaseUrl.AbsoluteUri)
            .Replace("</head>", head + "</head>", StringComparison.Ordinal)
            .Replace("dcnf-logo-300x75.png\" alt=\"Daily Caller News Foundation logo\" class=\"wp-image-44120\" width=\"300\" height=\"75\"/></figure>", "dcnf-logo-300x75.png\" alt=\"Daily Caller News Foundation logo\" class=\"wp-image-44120\" width=\"300\" height=\"75\"/></figure>" + afterLogo, StringComparison.Ordinal);

    /// <summary>Serves the HTML at a new path and checks it with the given render mode.</summary>
    public Task<PageResult> CheckAsync(string html, RenderMode mode, CancellationToken cancellationToken = default)
    {
        var path = $"/2022/07/12/story-{Interlocked.Increment(ref _pages)}/";
        Server.Html(path, html);
        return CheckUrlAsync(Server.Url(path).AbsoluteUri, mode, cancellationToken);
    }

    public Task<PageResult> CheckUrlAsync(string url, RenderMode mode, CancellationToken cancellationToken = default)
    {
        var checker = new PageChecker(_fetcher, Evaluator, new LoggerConfiguration().CreateLogger(), new ResourceOptions { Images = false }) { Render = Stage };
        return checker.CheckAsync(PageTarget.Of(url) with { Render = mode }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Stage.DisposeAsync();
        _fetcher.Dispose();
        await Server.DisposeAsync();
        await Private.DisposeAsync();
    }

    [GeneratedRegex(@"https?://[a-z0-9.-]+\.(?:example|com)/", RegexOptions.IgnoreCase)]
    private static partial Regex Hosts();
}
