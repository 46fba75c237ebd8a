namespace Syndication.Rendering;

/// <summary>How pages are rendered, and what one rendered page may cost (README "Rendered pages").</summary>
public sealed record RenderOptions
{
    public const string DefaultBrowser = "/usr/bin/chromium";

    public static readonly RenderOptions Default = new();

    public RenderMode Mode { get; init; } = RenderMode.Never;

    /// <summary><c>--render never</c> given: no page is rendered, whatever its partner's own <c>render:</c> says.</summary>
    public bool Off { get; init; }

    /// <summary>The Chromium executable (Debian's package); never downloaded.</summary>
    public string BrowserPath { get; init; } = DefaultBrowser;

    /// <summary>Pages open in the browser at once: each costs a renderer process, so few on a small machine.</summary>
    public int Pages { get; init; } = 2;

    /// <summary>A browser is replaced after this many pages (and at once when it crashes), so leaks stay bounded.</summary>
    public int RecycleAfter { get; init; } = 100;

    /// <summary>The whole render of one page: load, its requests, settling, marking and screenshots.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after the load event the page may go on fetching (script-built pages load their story then).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The most requests one page's browser may make; past it they are refused.</summary>
    public int MaxRequests { get; init; } = 150;

    /// <summary>The most bytes all of one page's requests may bring, together.</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>The most bytes one request may bring.</summary>
    public long MaxBytesPerRequest { get; init; } = 5 * 1024 * 1024;

    public int ViewportWidth { get; init; } = 1280;

    public int ViewportHeight { get; init; } = 800;

    /// <summary>The tallest article screenshot; a longer article is cut at its top part.</summary>
    public int MaxScreenshotHeight { get; init; } = 4000;

    /// <summary>Screenshots of non-compliant and needs-review pages.</summary>
    public bool Screenshots { get; init; } = true;

    /// <summary>Elements marked per page at most (a page past it is judged on its first elements).</summary>
    public int MaxPieces { get; init; } = 20000;
}
