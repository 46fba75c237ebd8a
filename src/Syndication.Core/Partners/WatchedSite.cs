namespace Syndication.Partners;

/// <summary>A site that holds no licence: a page there that republishes an original is an unlicensed republication.</summary>
public sealed record WatchedSite(string Name, string? Notes, bool IgnoreRobots, SiteSources Sources);
