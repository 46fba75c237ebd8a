using System.CommandLine;
using Syndication.Fetching;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Rendering;
using Syndication.Resources;

namespace Syndication.Cli.Commands;

/// <summary>The fetch options check and audit share, and how they combine with a partner list's settings (options win).</summary>
public sealed class FetchOptionSet
{
    public Option<double?> Timeout { get; } = new("--timeout") { Description = "Seconds a whole page may take: every attempt, redirect and the body. Default 30.", HelpName = "SECONDS" };

    public Option<int?> Concurrency { get; } = new("--concurrency") { Description = "Pages in flight at once, across all hosts. Default 16.", HelpName = "N" };

    public Option<int?> PerHost { get; } = new("--per-host") { Description = "Requests in flight to one host at once. Default 2.", HelpName = "N" };

    public Option<long> MaxBytes { get; } = new("--max-bytes") { Description = "The most bytes read from one page, after decompression. Default 5 MiB.", DefaultValueFactory = _ => FetchOptions.DefaultMaxBodyBytes, HelpName = "BYTES" };

    public Option<bool> AllowPrivateNetworks { get; } = new("--allow-private-networks") { Description = "Allow loopback, private and link-local addresses (tests, intranets). Off: only public addresses are fetched." };

    public Option<bool> IgnoreRobots { get; } = new("--ignore-robots") { Description = "Do not read or honour robots.txt (a partner can also be set to 'robots: ignore')." };

    public Option<string?> UserAgent { get; } = new("--user-agent") { Description = "The User-Agent sent to partners; keep a contact URL in it.", HelpName = "TEXT" };

    public Option<string?> Cache { get; } = new("--cache") { Description = "Folder for conditional-request validators and bodies (reruns send If-None-Match / If-Modified-Since).", HelpName = "DIR" };

    public Option<bool> NoImages { get; } = new("--no-images") { Description = "Fetch no images: judge logos by their markup alone (alt text, file name, known URL), never by their pixels." };

    public Option<int?> MaxImages { get; } = new("--max-images") { Description = "The most images fetched for one page to compare with the reference logos, most likely first. Default 4.", HelpName = "N" };

    public Option<string?> Render { get; } = new("--render")
    {
        Description = "Judge pages as headless Chromium renders them: never, auto (pages that look built by scripts, or whose decisions rest on stylesheets the parser does not read) or always. Default never.",
        HelpName = "never|auto|always",
    };

    public IEnumerable<Option> All => [Timeout, Concurrency, PerHost, MaxBytes, AllowPrivateNetworks, IgnoreRobots, UserAgent, Cache, NoImages, MaxImages, Render];

    /// <summary>
    /// How pages are rendered: --render, else the list's settings, else never; each page's deadline is the page's
    /// --timeout. A page or partner that must render (always) on a machine without Chromium is a usage error naming
    /// what to install; auto falls back to judging the HTML, with a warning. An explicit --render never turns every
    /// partner's own mode off too.
    /// </summary>
    public RenderOptions RenderFrom(ParseResult result, AuditSettings settings, FetchOptions fetch, IReadOnlyList<PageTarget> targets)
    {
        RenderMode? given;
        try
        {
            given = result.GetValue(Render) is { } value ? RenderModes.Parse(value) : null;
        }
        catch (FormatException e)
        {
            throw new UsageException($"--render: {e.Message}");
        }

        var mode = given ?? settings.Render ?? RenderMode.Never;
        var options = new RenderOptions { Mode = mode, Off = given == RenderMode.Never, Deadline = fetch.Timeout, MaxBytesPerRequest = fetch.MaxBodyBytes };
        if ((mode == RenderMode.Always || (!options.Off && targets.Any(t => t.Render == RenderMode.Always))) && ChromiumRenderer.Unavailable(options) is { } missing)
        {
            var who = mode == RenderMode.Always ? (given is null ? "settings.render: always" : "--render always") : $"partner \"{targets.First(t => t.Render == RenderMode.Always).Partner}\" (render: always)";
            throw new UsageException($"{who} needs Chromium: {missing}; or use --render auto to judge without it");
        }

        return options;
    }

    /// <summary>What the checks may have fetched for a page besides the page itself (images to compare with the reference logos).</summary>
    public ResourceOptions Resources(ParseResult result) => new()
    {
        Images = !result.GetValue(NoImages),
        MaxImagesPerPage = Positive(result.GetValue(MaxImages) ?? ResourceOptions.Default.MaxImagesPerPage, "--max-images"),
    };

    public int ConcurrencyFrom(ParseResult result, AuditSettings settings) =>
        Positive(result.GetValue(Concurrency) ?? settings.Concurrency ?? 16, "--concurrency");

    public FetchOptions Build(ParseResult result, AuditSettings settings, string? defaultCache)
    {
        var timeout = result.GetValue(Timeout) ?? settings.TimeoutSeconds ?? 30;
        if (timeout <= 0)
        {
            throw new UsageException($"--timeout must be greater than 0 (got {timeout})");
        }

        var maxBytes = result.GetValue(MaxBytes);
        if (maxBytes <= 0)
        {
            throw new UsageException($"--max-bytes must be greater than 0 (got {maxBytes})");
        }

        var userAgent = result.GetValue(UserAgent) ?? settings.UserAgent ?? FetchOptions.DefaultUserAgent;
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            throw new UsageException("--user-agent must not be empty: a partner's server must see who is asking (keep a contact URL in it)");
        }

        using var probe = new HttpRequestMessage();
        if (!probe.Headers.UserAgent.TryParseAdd(userAgent))
        {
            throw new UsageException($"--user-agent \"{userAgent}\" is not a valid User-Agent: write it as product/version (+contact URL), e.g. \"{FetchOptions.DefaultUserAgent}\"");
        }

        return new FetchOptions
        {
            Timeout = TimeSpan.FromSeconds(timeout),
            AttemptTimeout = TimeSpan.FromSeconds(Math.Min(15, timeout)),
            PerHost = Positive(result.GetValue(PerHost) ?? settings.PerHost ?? 2, "--per-host"),
            MaxBodyBytes = maxBytes,
            Addresses = result.GetValue(AllowPrivateNetworks) ? AddressPolicy.AllowPrivateNetworks : AddressPolicy.PublicOnly,
            RespectRobots = !result.GetValue(IgnoreRobots) && settings.RespectRobots != false,
            UserAgent = userAgent,
            CacheDirectory = result.GetValue(Cache) ?? settings.Cache ?? defaultCache,
        };
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UsageException($"{option} must be greater than 0 (got {value})");
}
