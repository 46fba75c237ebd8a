using Syndication.Discovery;
using Syndication.Fetching;
using Syndication.Rendering;

namespace Syndication.Pipeline;

/// <summary>One page to check, with the partner it belongs to (from a partner list) and its position in the run.</summary>
public sealed record PageTarget(PageAddress Address, string? Partner = null, string? ExpectedOriginal = null, bool IgnoreRobots = false)
{
    /// <summary>For a page discovery brought: the site's, how it was listed, and what the ledger knew of it; null for a page listed by hand.</summary>
    public DiscoveredPage? Discovered { get; init; }

    /// <summary>The partner's own render mode (the partner list's <c>render:</c>), which wins over <c>--render</c>; null: the run's.</summary>
    public RenderMode? Render { get; init; }

    /// <summary>The licence profile the page is judged by when it is not the run's (the partner list's <c>profile:</c>); null: the run's.</summary>
    public string? Profile { get; init; }

    public static PageTarget Of(string argument, string? partner = null) => new(PageAddress.Parse(argument), partner);
}
