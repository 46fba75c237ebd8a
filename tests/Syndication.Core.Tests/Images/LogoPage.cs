using System.Text.RegularExpressions;
using Serilog;
using SkiaSharp;
using Syndication.Core.Tests.Fetching;
using Syndication.Core.Tests.Support;
using Syndication.Fetching;
using Syndication.Matching;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Resources;

namespace Syndication.Core.Tests.Images;

/// <summary>
/// A sample partner page (WordPress, no logo named anywhere) served by a loopback server with every host rewritten to
/// it, an image injected after its byline, and a profile whose reference logo the same server serves.
/// </summary>
public sealed partial class LogoPage : IAsyncDisposable
{
    public const string ReferencePath = "/licensor/dcnf-logo.png";

    private static readonly string Template = File.ReadAllText(RepoPaths.Samples("pages", "wordpress-no-logo.html"));
    private readonly IPageFetcher _fetcher;
    private int _pages;

    private LogoPage(FaultServer server, PageChecker checker, IPageFetcher fetcher)
    {
        Server = server;
        Checker = checker;
        _fetcher = fetcher;
    }

    public FaultServer Server { get; }

    public PageChecker Checker { get; }

    public static async Task<LogoPage> StartAsync(ResourceOptions? resources = null, string? profileYaml = null)
    {
        var server = await FaultServer.StartAsync();
        server.Bytes(ReferencePath, TestImages.Png(TestImages.Logo()), "image/png");
        var profile = ProfileLoader.Parse(profileYaml ?? $"extends: dcnf\nlogo:\n  images: ['{server.Url(ReferencePath)}']\n", "test-profile.yaml");
        var fetcher = Engine.CreateFetcher(new FetchOptions { Addresses = AddressPolicy.PublicAndLoopback, RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 1 }, TimeProvider.System);
        var settings = new CheckSettings(profile, new OriginalCatalogue(Engines.Samples, profile), []);
        var checker = new PageChecker(fetcher, new PageEvaluator(settings), new LoggerConfiguration().CreateLogger(), resources);
        return new LogoPage(server, checker, fetcher);
    }

    /// <summary>Serves the page with <paramref name="html"/> after the byline, checks it, and returns the result.</summary>
    public async Task<PageResult> CheckAsync(string html)
    {
        var path = $"/2022/07/12/iran-drones-{Interlocked.Increment(ref _pages)}/";
        var page = Hosts().Replace(Template, Server.BaseUrl.AbsoluteUri);
        page = page.Replace("Daily Caller News Foundation</span>", "Daily Caller News Foundation</span>" + html, StringComparison.Ordinal);
        Server.Html(path, page);
        return await Checker.CheckAsync(PageTarget.Of(Server.Url(path).AbsoluteUri), CancellationToken.None);
    }

    public Task<PageResult> CheckWithImageAsync(string path, byte[] bytes, string contentType = "image/png", string alt = "")
    {
        Server.Bytes(path, bytes, contentType);
        return CheckAsync($"<p class=\"credit-logo\"><img src=\"{path}\" alt=\"{alt}\"></p>");
    }

    /// <summary>The images the server was asked for (not pages, not robots.txt, not the reference), with their counts.</summary>
    public IReadOnlyDictionary<string, int> ImagesFetched() =>
        Server.AllHits.Where(h => !h.Key.EndsWith('/') && h.Key != "/robots.txt" && h.Key != ReferencePath).ToDictionary(h => h.Key, h => h.Value);

    public async ValueTask DisposeAsync()
    {
        (_fetcher as IDisposable)?.Dispose();
        await Server.DisposeAsync();
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 60) => TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);

    [GeneratedRegex(@"https?://[a-z0-9.-]+\.(?:example|com)/", RegexOptions.IgnoreCase)]
    private static partial Regex Hosts();
}
