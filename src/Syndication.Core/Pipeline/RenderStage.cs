using AngleSharp.Dom;
using Serilog;
using Syndication.Fetching;
using Syndication.Locating;
using Syndication.Parsing;
using Syndication.Rendering;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// Between a page's static judgement and its result: decides whether the page is rendered (<c>--render</c>, a
/// partner's <c>render:</c>, <see cref="RenderAdvisor"/> for auto), renders it in the shared browser, and says what to
/// outline in its screenshots. The rendered DOM is judged by the same evaluator as the fetched one. Without Chromium,
/// pages are judged from their HTML, and the run says so once.
/// </summary>
public sealed class RenderStage : IAsyncDisposable
{
    private readonly RenderOptions _options;
    private readonly ILogger _log;
    private readonly ChromiumRenderer? _renderer;
    private readonly string? _unavailable;
    private int _warned;

    public RenderStage(IPageFetcher fetcher, RenderOptions options, ILogger log)
    {
        _options = options;
        _log = log;
        _unavailable = ChromiumRenderer.Unavailable(options);
        _renderer = _unavailable is null ? new ChromiumRenderer(fetcher, options, log) : null;
    }

    public RenderOptions Options => _options;

    /// <summary>Browsers started in this run.</summary>
    public int Launches => _renderer?.Launches ?? 0;

    /// <summary>Why this page is rendered, or null when its fetched HTML is judged as it is.</summary>
    public string? Why(PageTarget target, PageDocument page, PageResult result)
    {
        var mode = _options.Off ? RenderMode.Never : target.Render ?? _options.Mode;
        if (mode == RenderMode.Never || result.Verdict == PageVerdict.Error)
        {
            return null;
        }

        if (_renderer is null)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                _log.Warning("Pages are not rendered: {Problem}; they are judged from their HTML alone", _unavailable);
            }

            return null;
        }

        return mode == RenderMode.Always
            ? (target.Render == RenderMode.Always ? "the partner list renders this partner's pages" : "--render always")
            : RenderAdvisor.Why(page, result);
    }

    public Task<RenderedView> RenderAsync(FetchedPage page, bool ignoreRobots, CancellationToken cancellationToken) =>
        _renderer!.RenderAsync(new RenderPage(page, ignoreRobots), cancellationToken);

    /// <summary>Screenshots are taken of the pages a person will look at: non-compliant and needs-review.</summary>
    public bool WantsScreenshots(PageResult result) =>
        _options.Screenshots && result.Verdict is PageVerdict.NonCompliant or PageVerdict.NeedsReview;

    /// <summary>The elements each requirement's evidence names, as the rendered page numbers them (at most a dozen).</summary>
    public static IReadOnlyList<Outline> Outlines(PageDocument rendered, PageResult result)
    {
        var outlines = new List<Outline>();
        foreach (var requirement in result.Requirements.OrderBy(r => r.Status == Outcome.Pass))
        {
            foreach (var evidence in requirement.Evidence)
            {
                if (Find(rendered, evidence.Selector) is { } element && rendered.Rendered?.IdOf(element) is { } id && outlines.Count < 12
                    && !outlines.Any(o => o.ElementId == id && o.Requirement == requirement.Id))
                {
                    outlines.Add(new Outline(requirement.Id, id, evidence.Selector));
                }
            }
        }

        return outlines;
    }

    /// <summary>The element holding the article's headline and story, as the rendered page numbers it.</summary>
    public static int? RegionId(PageDocument rendered, ArticleRegion? region)
    {
        if (region is null || rendered.Rendered is not { } marks)
        {
            return null;
        }

        IElement holder = region.Body;
        if (region.Headline is { } headline)
        {
            while (holder.ParentElement is { } parent && !holder.Contains(headline))
            {
                holder = parent;
            }
        }

        return marks.IdOf(holder);
    }

    private static IElement? Find(PageDocument page, string selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        try
        {
            return page.Document.QuerySelector(selector);
        }
        catch (Exception e) when (e is AngleSharp.Dom.DomException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_renderer is not null)
        {
            await _renderer.DisposeAsync();
        }
    }
}
