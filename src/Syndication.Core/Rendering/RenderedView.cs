using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;

namespace Syndication.Rendering;

/// <summary>
/// A page as the browser rendered it, still open: its marked DOM (<see cref="Html"/>) for the judge, then screenshots
/// of what decided. Disposing it closes the page's context and frees its slot.
/// </summary>
public sealed class RenderedView : IAsyncDisposable
{
    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        ["logo"] = "#d0021b",
        ["byline"] = "#e67e00",
        ["affiliation"] = "#1f6fd1",
    };

    private readonly ChromiumRenderer _renderer;
    private readonly ChromiumRenderer.Lease _lease;
    private readonly IBrowserContext _context;
    private readonly IPage _tab;
    private readonly BrowserGuard _guard;
    private readonly CancellationTokenSource _deadline;
    private readonly long _started;
    private bool _disposed;

    internal RenderedView(ChromiumRenderer renderer, ChromiumRenderer.Lease lease, IBrowserContext context, IPage tab, BrowserGuard guard, CancellationTokenSource deadline, long started, JsonElement marked)
    {
        _renderer = renderer;
        _lease = lease;
        _context = context;
        _tab = tab;
        _guard = guard;
        _deadline = deadline;
        _started = started;
        Html = marked.GetProperty("html").GetString() ?? string.Empty;
        Elements = marked.GetProperty("elements").GetInt32();
        Hidden = marked.GetProperty("hidden").GetInt32();
    }

    /// <summary>The rendered DOM, every element numbered and those a reader cannot see marked with why.</summary>
    public string Html { get; }

    public int Elements { get; }

    public int Hidden { get; }

    /// <summary>What the rendering cost and was refused, so far.</summary>
    public RenderFacts Facts(string why, IReadOnlyList<Screenshot>? screenshots = null) => new()
    {
        Why = why,
        ElapsedMs = Environment.TickCount64 - _started,
        Requests = _guard.Requests,
        Bytes = _guard.Bytes,
        Refused = _guard.Refused,
        RefusedCount = _guard.RefusedCount,
        Elements = Elements,
        Hidden = Hidden,
        Screenshots = screenshots ?? [],
    };

    /// <summary>
    /// The article region (when known) and the viewport, with each outlined element framed in its requirement's colour
    /// and labelled. Throws <see cref="RenderException"/> when the browser cannot take them within the page's deadline.
    /// </summary>
    public async Task<IReadOnlyList<Screenshot>> ScreenshotsAsync(IReadOnlyList<Outline> outlines, int? regionId)
    {
        var options = _renderer.Options;
        try
        {
            var marks = outlines.Select(o => new { id = o.ElementId, label = o.Requirement, colour = Colours.GetValueOrDefault(o.Requirement, "#7b2cbf") }).ToArray();
            var region = await _tab.EvaluateAsync<JsonElement>(OutlineScript, new { marks, region = regionId ?? -1 }).WaitAsync(_deadline.Token);
            var shots = new List<Screenshot>();
            var labels = outlines.Select(o => $"{o.Requirement}: {o.Selector}").ToList();
            if (region.ValueKind == JsonValueKind.Object)
            {
                var x = Math.Max(0, region.GetProperty("x").GetDouble() - 16);
                var y = Math.Max(0, region.GetProperty("y").GetDouble() - 16);
                var width = Math.Min(options.ViewportWidth - x, region.GetProperty("width").GetDouble() + 32);
                var height = Math.Min(options.MaxScreenshotHeight, region.GetProperty("height").GetDouble() + 32);
                if (width >= 16 && height >= 16)
                {
                    var clip = new Clip { X = (float)x, Y = (float)y, Width = (float)width, Height = (float)height };
                    shots.Add(Shot("article", await TakeAsync(new PageScreenshotOptions { FullPage = true, Clip = clip }), (int)width, (int)height, labels));
                }
            }

            await _tab.EvaluateAsync("() => scrollTo(0, 0)").WaitAsync(_deadline.Token);
            shots.Add(Shot("viewport", await TakeAsync(new PageScreenshotOptions()), options.ViewportWidth, options.ViewportHeight, labels));
            return shots;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or OperationCanceledException)
        {
            throw new RenderException($"the browser could not take the page's screenshots: {e.GetType().Name}", e);
        }
    }

    private async Task<byte[]> TakeAsync(PageScreenshotOptions shot)
    {
        shot.Type = ScreenshotType.Png;
        shot.Animations = ScreenshotAnimations.Disabled;
        shot.Caret = ScreenshotCaret.Hide;
        shot.Timeout = (float)Math.Max(1, _renderer.Options.Deadline.TotalMilliseconds - (Environment.TickCount64 - _started));
        return await _tab.ScreenshotAsync(shot).WaitAsync(_deadline.Token);
    }

    private static Screenshot Shot(string name, byte[] png, int width, int height, IReadOnlyList<string> outlined) => new()
    {
        Name = name,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(png)),
        Bytes = png.Length,
        Width = width,
        Height = height,
        Outlined = outlined,
        Png = png,
    };

    private const string OutlineScript = """
        ({ marks, region }) => {
          const find = (id) => document.querySelector(`[data-syndication-id="${id}"]`);
          for (const m of marks) {
            const e = find(m.id);
            if (!e) continue;
            e.style.setProperty('outline', `4px solid ${m.colour}`, 'important');
            e.style.setProperty('outline-offset', '2px', 'important');
            const r = e.getBoundingClientRect();
            const label = document.createElement('div');
            label.textContent = m.label;
            label.setAttribute('style', `position:absolute;z-index:2147483647;left:${Math.max(0, r.left + scrollX)}px;top:${Math.max(0, r.top + scrollY - 22)}px;background:${m.colour};color:#fff;font:bold 13px/18px sans-serif;padding:1px 6px;border-radius:3px;pointer-events:none`);
            document.body.appendChild(label);
          }
          const e = region >= 0 ? find(region) : null;
          if (!e) return null;
          const r = e.getBoundingClientRect();
          return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
        }
        """;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _renderer.CloseAsync(_context, _lease);
        _renderer.Done(_lease);
        _deadline.Dispose();
    }
}
