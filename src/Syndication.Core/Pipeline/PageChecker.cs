using System.Security.Cryptography;
using Serilog;
using Syndication.Fetching;
using Syndication.Parsing;
using Syndication.Resources;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// Checks one page end to end: fetch, sniff, decode, parse, prepare, fetch what the checks ask for, evaluate. Every
/// page ends with a verdict; nothing throws.
/// </summary>
public sealed class PageChecker(IPageFetcher fetcher, PageEvaluator evaluator, ILogger log, ResourceOptions? resources = null)
{
    private readonly ResourceStage _resources = new(fetcher, evaluator.Settings.Profile, resources ?? ResourceOptions.Default, log);

    private readonly Dictionary<string, (PageEvaluator Evaluator, ResourceStage Resources)> _licensors = new(StringComparer.Ordinal);

    /// <summary>
    /// The evaluators of the run's other licensors, by the profile a page's target names (<see cref="PageTarget.Profile"/>);
    /// a page that names none is judged by the run's evaluator.
    /// </summary>
    public IReadOnlyDictionary<string, PageEvaluator> Licensors
    {
        init
        {
            foreach (var (profile, other) in value)
            {
                _licensors[profile] = (other, new ResourceStage(fetcher, other.Settings.Profile, resources ?? ResourceOptions.Default, log));
            }
        }
    }

    private static readonly SemaphoreSlim Cores = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The CPU time one page's parsing and judging may take (the page's --timeout); over it the page is too-complex.</summary>
    public TimeSpan JudgingTime { get; init; } = new FetchOptions().Timeout;

    /// <summary>Renders the pages <c>--render</c> asks for in the shared browser; null: every page is judged from its HTML.</summary>
    public RenderStage? Render { get; init; }

    public Task<PageResult> CheckAsync(PageTarget target, CancellationToken cancellationToken) => CheckAsync(target, onFetched: null, cancellationToken);

    /// <param name="onFetched">Called once the page's own fetch has ended (whatever its outcome), before it is judged: the
    /// run gives its host's turn to the next page then, as the fetcher's own per-host limit still holds every request.</param>
    public async Task<PageResult> CheckAsync(PageTarget target, Action? onFetched, CancellationToken cancellationToken)
    {
        if (target.Address.Problem is { } problem)
        {
            return PageResult.Failed(target, ErrorKinds.Address, problem);
        }

        var called = 0;
        void Fetched()
        {
            if (Interlocked.Exchange(ref called, 1) == 0)
            {
                onFetched?.Invoke();
            }
        }

        try
        {
            return await CheckFetchedAsync(target, Fetched, cancellationToken);
        }
        finally
        {
            Fetched();
        }
    }

    private async Task<PageResult> CheckFetchedAsync(PageTarget target, Action onFetched, CancellationToken cancellationToken)
    {
        FetchedPage fetched;
        try
        {
            fetched = await fetcher.FetchAsync(new FetchRequest(target.Address, target.IgnoreRobots), cancellationToken);
        }
        catch (FetchException e)
        {
            log.Debug("Could not fetch {Page}: {Kind} {Message}", target.Address.Argument, e.Kind, e.Message);
            return PageResult.Failed(target, e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A server that breaks the fetcher in a way we did not foresee fails that page, never the run.
            log.Warning(e, "Fetching {Page} failed", target.Address.Argument);
            return PageResult.Failed(target, ErrorKinds.Internal, $"the page could not be fetched: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }

        onFetched();
        var facts = new FetchFacts
        {
            Status = fetched.StatusCode,
            FinalUrl = fetched.FinalLocation,
            Redirects = fetched.Redirects,
            ContentType = fetched.MediaType,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(fetched.Body)),
            Bytes = fetched.Body.Length,
            ElapsedMs = Math.Round(fetched.Elapsed.TotalMilliseconds, 1),
            FetchedAt = fetched.FetchedAt,
            FromCache = fetched.FromCache,
        };

        if (Problem(fetched) is { } notHtml)
        {
            return PageResult.Failed(target, notHtml.Kind, notHtml.Message) with { Fetch = facts, Body = fetched.Body, Headers = fetched.Headers };
        }

        // Fetching waits on the network, so many pages are fetched at once; parsing and judging use a core each, so
        // only as many run at once as there are cores: fewer DOMs alive together, less garbage to collect. A page
        // whose checks ask for images gives its core back while they are fetched.
        // Parsing and judging together may take JudgingTime of CPU time, and the run's budget stops a page half-judged
        // as it stops one half-fetched.
        var used = TimeSpan.Zero;
        T Costed<T>(Func<T> work)
        {
            using var cost = PageCost.Begin(JudgingTime, used, cancellationToken);
            try
            {
                return work();
            }
            finally
            {
                used += cost.Used;
            }
        }

        try
        {
            var (evaluator, stage) = For(target);
            var (page, prepared, needs, result) = await OnACoreAsync(
                () => Costed(() =>
                {
                    var page = PageParser.Parse(fetched.Body, fetched.Charset);
                    var prepared = evaluator.Prepare(page, target);
                    var needs = prepared.Decided is null && stage.Options.Images ? prepared.Needs() : [];
                    return (page, prepared, needs, needs.Count == 0 ? prepared.Finish() : null);
                }),
                cancellationToken);
            if (result is null)
            {
                var (resources, references) = await stage.GatherAsync(needs, Location(fetched, page), target.IgnoreRobots, cancellationToken);
                result = await OnACoreAsync(() => Costed(() => prepared.Finish(resources, references, stage.Options.ImageLimits)), cancellationToken);
            }

            if (Render?.Why(target, page, result) is { } why)
            {
                // The page as a reader's browser shows it, judged by the same evaluator: what the browser saw hidden
                // replaces the estimate from the markup, and the images its checks ask for come through the same stage.
                await using var view = await Render.RenderAsync(fetched, target.IgnoreRobots, cancellationToken);
                var (seen, seenPrepared, seenNeeds, seenResult) = await OnACoreAsync(
                    () => Costed(() =>
                    {
                        var seen = PageParser.ParseRendered(view.Html, page.EncodingName);
                        var prepared = evaluator.Prepare(seen, target);
                        var needs = prepared.Decided is null && stage.Options.Images ? prepared.Needs() : [];
                        return (seen, prepared, needs, needs.Count == 0 ? prepared.Finish() : null);
                    }),
                    cancellationToken);
                if (seenResult is null)
                {
                    var (resources, references) = await stage.GatherAsync(seenNeeds, Location(fetched, seen), target.IgnoreRobots, cancellationToken);
                    seenResult = await OnACoreAsync(() => Costed(() => seenPrepared.Finish(resources, references, stage.Options.ImageLimits)), cancellationToken);
                }

                IReadOnlyList<Rendering.Screenshot> screenshots = [];
                string? screenshotProblem = null;
                if (Render.WantsScreenshots(seenResult))
                {
                    try
                    {
                        screenshots = await view.ScreenshotsAsync(RenderStage.Outlines(seen, seenResult), RenderStage.RegionId(seen, seenPrepared.Region));
                    }
                    catch (Rendering.RenderException e)
                    {
                        screenshotProblem = e.Message;
                    }
                }

                result = seenResult with { Rendered = view.Facts(why, screenshots) with { ScreenshotProblem = screenshotProblem } };
            }

            return result with
            {
                Fetch = facts with { Encoding = $"{page.EncodingName} ({page.EncodingSource})" },
                Body = fetched.Body,
                Headers = fetched.Headers,
            };
        }
        catch (Rendering.RenderException e)
        {
            log.Debug("{Page} could not be rendered: {Message}", target.Address.Argument, e.Message);
            return PageResult.Failed(target, ErrorKinds.Render, e.Message) with { Fetch = facts, Body = fetched.Body, Headers = fetched.Headers };
        }
        catch (PageTooComplexException e)
        {
            log.Debug("{Page} is too complex: {Message}", target.Address.Argument, e.Message);
            return PageResult.Failed(target, ErrorKinds.TooComplex, e.Message) with { Fetch = facts };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A page that breaks the parser or a check is that page's error, never the run's.
            log.Warning(e, "Checking {Page} failed", target.Address.Argument);
            return PageResult.Failed(target, ErrorKinds.Internal, $"the page could not be checked: {e.GetType().Name}: {e.Message}") with { Fetch = facts };
        }
    }

    /// <summary>The evaluator and resource stage of the page's licensor.</summary>
    private (PageEvaluator Evaluator, ResourceStage Resources) For(PageTarget target)
    {
        if (target.Profile is null)
        {
            return (evaluator, _resources);
        }

        return _licensors.TryGetValue(target.Profile, out var other)
            ? other
            : throw new InvalidOperationException($"the page names the licence profile {target.Profile}, which the run did not load");
    }

    private static async Task<T> OnACoreAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await Cores.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, cancellationToken);
        }
        finally
        {
            Cores.Release();
        }
    }

    /// <summary>Where the page's references resolve: its final URL and &lt;base href&gt;, or its file's folder.</summary>
    private static PageLocation Location(FetchedPage fetched, PageDocument page) =>
        fetched.Address.IsFile
            ? new PageLocation(null, fetched.FinalLocation)
            : new PageLocation(new Uri(fetched.FinalLocation), null, page.Document.QuerySelector("base[href]")?.GetAttribute("href"));

    private static PageError? Problem(FetchedPage fetched)
    {
        if (fetched.Body.Length == 0 || fetched.Body.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return new PageError(ErrorKinds.Empty, "the page is empty");
        }

        if (ContentSniffer.DescribeNonHtml(fetched.Body) is { } what)
        {
            return new PageError(ErrorKinds.NotHtml, $"the page is {what}, not HTML");
        }

        return null;
    }
}
