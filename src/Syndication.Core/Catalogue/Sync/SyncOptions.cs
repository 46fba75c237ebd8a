namespace Syndication.Catalogue.Sync;

/// <summary>How far one sync may go: its bounds keep a first backfill polite and a broken site from costing more.</summary>
public sealed record SyncOptions
{
    /// <summary>Read everything again, not only what changed since the last sync.</summary>
    public bool Full { get; init; }

    /// <summary>The most article pages read from the sitemaps in one sync (the rest wait for the next).</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>The most pages of a feed followed (?paged=N).</summary>
    public int MaxFeedPages { get; init; } = 500;

    /// <summary>The most pages of the REST API read.</summary>
    public int MaxApiPages { get; init; } = 1_000;

    /// <summary>Posts asked for on each REST API page (WordPress allows at most 100).</summary>
    public int ApiPageSize { get; init; } = 100;

    /// <summary>How far before the last sync a sitemap's lastmod still counts as changed (clocks and caches disagree).</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromDays(1);
}
