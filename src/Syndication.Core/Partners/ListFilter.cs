using Syndication.Text;

namespace Syndication.Partners;

/// <summary>
/// The part of a partner list an audit checks when told to (audit --partner NAME, --page GLOB): the partners named
/// (case ignored), and of their pages those a glob matches (<see cref="PageGlob"/>, on the page as the list writes it).
/// A run over part of the list searches no watched site; with --page it searches no site at all, since discovery
/// cannot know in advance which pages a glob wants. Waivers, settings and refusals are kept as they are.
/// </summary>
public static class ListFilter
{
    /// <summary>The list cut down, or the list itself when nothing is asked; <see cref="PartnerListException"/> when nothing is left.</summary>
    public static PartnerList Apply(PartnerList list, IReadOnlyCollection<string> partners, IReadOnlyCollection<string> pages)
    {
        if (partners.Count == 0 && pages.Count == 0)
        {
            return list;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in partners.Select(p => p.Trim()))
        {
            if (!list.Partners.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new PartnerListException($"no partner \"{name}\" in {list.Source}{DidYouMean.Hint(name, list.Partners.Select(p => p.Name))}");
            }

            names.Add(name);
        }

        var globs = pages.Select(p => new PageGlob(p)).ToList();
        var kept = list.Partners
            .Where(p => names.Count == 0 || names.Contains(p.Name))
            .Select(p => globs.Count == 0 ? p : p with { Pages = p.Pages.Where(page => globs.Any(g => g.IsMatch(page.Location))).ToList(), Site = null })
            .Where(p => p.Pages.Count > 0 || p.Site is not null)
            .ToList();
        if (kept.Count == 0)
        {
            throw new PartnerListException($"{list.Source} has no page {Describe(partners, pages)}");
        }

        return list with { Partners = kept, Watched = [] };
    }

    /// <summary>"of Plains Reporter matching *2024*": what was asked, for messages and the run's scope.</summary>
    public static string Describe(IReadOnlyCollection<string> partners, IReadOnlyCollection<string> pages)
    {
        var parts = new List<string>();
        if (partners.Count > 0)
        {
            parts.Add("of " + string.Join(" or ", partners.Select(p => p.Trim())));
        }

        if (pages.Count > 0)
        {
            parts.Add("matching " + string.Join(" or ", pages));
        }

        return string.Join(' ', parts);
    }
}
