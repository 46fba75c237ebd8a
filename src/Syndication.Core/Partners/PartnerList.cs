namespace Syndication.Partners;

/// <summary>A partner list: the run's settings and every partner with its pages. Paths are resolved against the list's folder.</summary>
public sealed record PartnerList(string Source, AuditSettings Settings, IReadOnlyList<Partner> Partners)
{
    /// <summary>Agreed exceptions (README "Waivers").</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>Sites that are not partners, searched for unlicensed republications (README "Discovery").</summary>
    public IReadOnlyList<WatchedSite> Watched { get; init; } = [];

    /// <summary>Pages the list names twice, each dropped from <see cref="Partners"/> but its first entry.</summary>
    public IReadOnlyList<DuplicatePage> Duplicates { get; init; } = [];

    public int PageCount => Partners.Sum(p => p.Pages.Count);

    /// <summary>How many partner and watched sites discovery searches.</summary>
    public int SiteCount => Partners.Count(p => p.Site is not null) + Watched.Count;

    public IEnumerable<PartnerPage> Pages() => Partners.SelectMany(p => p.Pages);
}
