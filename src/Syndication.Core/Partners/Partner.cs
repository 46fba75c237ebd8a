namespace Syndication.Partners;

/// <summary>A publisher that holds the licence, the pages of it to check, and optionally its site for discovery.</summary>
public sealed record Partner(string Name, string? Contact, string? Notes, bool IgnoreRobots, IReadOnlyList<PartnerPage> Pages)
{
    /// <summary>The partner's site, sitemaps and feeds, when its pages are to be discovered as well as listed.</summary>
    public SiteSources? Site { get; init; }

    /// <summary>Whether this partner's pages are rendered (its list entry's <c>render:</c>), over the run's <c>--render</c>; null: the run's.</summary>
    public Rendering.RenderMode? Render { get; init; }
}
