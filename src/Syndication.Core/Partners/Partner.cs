namespace Syndication.Partners;

/// <summary>A publisher that holds the licence, the pages of it to check, and optionally its site for discovery.</summary>
public sealed record Partner(string Name, string? Contact, string? Notes, bool IgnoreRobots, IReadOnlyList<PartnerPage> Pages)
{
    /// <summary>The partner's site, sitemaps and feeds, when its pages are to be discovered as well as listed.</summary>
    public SiteSources? Site { get; init; }

    /// <summary>Whether this partner's pages are rendered (its list entry's <c>render:</c>), over the run's <c>--render</c>; null: the run's.</summary>
    public Rendering.RenderMode? Render { get; init; }

    /// <summary>
    /// The licence profile the partner's pages are judged by (a built-in profile's name or a profile file's path), when
    /// it republishes another licensor than the run's; null: the run's.
    /// </summary>
    public string? Profile { get; init; }

    /// <summary>Originals of the partner's licensor (feeds, pages, folders), added to those the run reads for that licensor.</summary>
    public IReadOnlyList<string> Originals { get; init; } = [];
}
