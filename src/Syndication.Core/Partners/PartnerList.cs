namespace Syndication.Partners;

/// <summary>A partner list: the run's settings and every partner with its pages. Paths are resolved against the list's folder.</summary>
public sealed record PartnerList(string Source, AuditSettings Settings, IReadOnlyList<Partner> Partners)
{
    /// <summary>Agreed exceptions (README "Waivers").</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    public int PageCount => Partners.Sum(p => p.Pages.Count);

    public IEnumerable<PartnerPage> Pages() => Partners.SelectMany(p => p.Pages);
}
