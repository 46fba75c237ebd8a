namespace Syndication.Partners;

/// <summary>A partner list: the run's settings and every partner with its pages. Pages are kept as listed (relative paths relative to its folder).</summary>
public sealed record PartnerList(string Source, AuditSettings Settings, IReadOnlyList<Partner> Partners)
{
    /// <summary>Agreed exceptions (README "Waivers").</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>Sites that are not partners, searched for unlicensed republications (README "Discovery").</summary>
    public IReadOnlyList<WatchedSite> Watched { get; init; } = [];

    /// <summary>Pages the list names twice, each dropped from <see cref="Partners"/> but its first entry.</summary>
    public IReadOnlyList<DuplicatePage> Duplicates { get; init; } = [];

    /// <summary>Entries the list could not use, one line each naming the file, the line and the field; the rest is audited.</summary>
    public IReadOnlyList<string> Refused { get; init; } = [];

    /// <summary>The list's folder, which its relative paths are read against.</summary>
    public string Folder => Path.GetDirectoryName(Path.GetFullPath(Source)) ?? ".";

    public int PageCount => Partners.Sum(p => p.Pages.Count);

    /// <summary>How many partner and watched sites discovery searches.</summary>
    public int SiteCount => Partners.Count(p => p.Site is not null) + Watched.Count;

    public IEnumerable<PartnerPage> Pages() => Partners.SelectMany(p => p.Pages);
}
