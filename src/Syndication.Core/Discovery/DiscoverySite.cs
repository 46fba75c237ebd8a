using Syndication.Partners;

namespace Syndication.Discovery;

/// <summary>
/// A site whose pages are discovered: a partner's (a republication found there joins its pages) or a watched one (a
/// republication found there is unlicensed). <see cref="Name"/> is the partner's or the watched site's name.
/// </summary>
public sealed record DiscoverySite(string Name, bool Watched, SiteSources Sources, bool IgnoreRobots, int MaxPages)
{
    /// <summary>The built-in cap on candidate pages fetched from one site in one night: a first night's backlog of hundreds of republications fits.</summary>
    public const int DefaultMaxPages = 1000;

    /// <summary>How the ledger knows the site from night to night.</summary>
    public string Key => KeyOf(Name, Watched);

    public static string KeyOf(string name, bool watched) => (watched ? "watch:" : "partner:") + name;

    public Uri Url => Sources.Site;

    /// <summary>Every site of a partner list, partners first, with the cap each gets (its own, else the list's, else the default).</summary>
    public static List<DiscoverySite> From(PartnerList list)
    {
        var cap = list.Settings.DiscoveryMaxPages ?? DefaultMaxPages;
        var sites = list.Partners.Where(p => p.Site is not null)
            .Select(p => new DiscoverySite(p.Name, Watched: false, p.Site!, p.IgnoreRobots, p.Site!.MaxPages ?? cap))
            .ToList();
        sites.AddRange(list.Watched.Select(w => new DiscoverySite(w.Name, Watched: true, w.Sources, w.IgnoreRobots, w.Sources.MaxPages ?? cap)));
        return sites;
    }
}
