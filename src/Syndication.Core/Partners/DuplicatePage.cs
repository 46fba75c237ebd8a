namespace Syndication.Partners;

/// <summary>
/// A page the partner list names twice: the same file, or the same URL once written the one way a site's page is
/// keyed (<see cref="SiteUrls.Key(Uri)"/>: http or https, "www." or not, a trailing slash, a #fragment). It is checked
/// and reported once, for its first entry; the later entry is dropped, and the audit's warning names both.
/// </summary>
public sealed record DuplicatePage(string KeptPartner, PartnerPage Kept, string DroppedPartner, PartnerPage Dropped)
{
    /// <summary>The list without its duplicate pages, each named in <see cref="PartnerList.Duplicates"/>.</summary>
    public static PartnerList Remove(PartnerList list)
    {
        var seen = new Dictionary<string, (string Partner, PartnerPage Page)>(StringComparer.Ordinal);
        var folder = list.Folder;
        var duplicates = new List<DuplicatePage>();
        var partners = new List<Partner>(list.Partners.Count);
        foreach (var partner in list.Partners)
        {
            var pages = new List<PartnerPage>(partner.Pages.Count);
            foreach (var page in partner.Pages)
            {
                if (seen.TryGetValue(Key(page.Location, folder), out var first))
                {
                    duplicates.Add(new DuplicatePage(first.Partner, first.Page, partner.Name, page));
                }
                else
                {
                    seen.Add(Key(page.Location, folder), (partner.Name, page));
                    pages.Add(page);
                }
            }

            partners.Add(pages.Count == partner.Pages.Count ? partner : partner with { Pages = pages });
        }

        return duplicates.Count == 0 ? list : list with { Partners = partners, Duplicates = duplicates };
    }

    /// <summary>One line naming both entries, for the list at <paramref name="source"/>.</summary>
    public string Describe(string source) =>
        $"{source}:{Kept.Line} and line {Dropped.Line} list the same page (\"{PartnerPage.Printable(Kept.Location)}\" for {PartnerPage.Printable(KeptPartner)}, "
        + $"\"{PartnerPage.Printable(Dropped.Location)}\" for {PartnerPage.Printable(DroppedPartner)}): it is checked once, for {PartnerPage.Printable(KeptPartner)}";

    /// <summary>A location's key: a web page's <see cref="SiteUrls.Key(Uri)"/>, a file's full path (a file: URL's too; a path relative to the list's folder).</summary>
    private static string Key(string location, string folder) =>
        SiteUrls.Parse(location) is { } url ? "web " + SiteUrls.Key(url)
        : Uri.TryCreate(location, UriKind.Absolute, out var file) && file.IsFile ? "file " + file.LocalPath
        : "file " + Path.GetFullPath(location, folder);
}
