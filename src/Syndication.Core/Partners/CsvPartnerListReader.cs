using CsvHelper;

namespace Syndication.Partners;

/// <summary>
/// Reads a partner list kept in a spreadsheet: CSV with a header row and the columns partner (required), page,
/// contact, notes, original, robots, site, sitemap, feed, watch, profile (optional); one row per page, a partner's rows grouped
/// by its name. A row may give a site, a sitemap or a feed instead of a page (discovery); "watch" set to yes makes the
/// row's name a watched site instead of a partner. CsvHelper does the quoting rules; errors name the file, the line
/// and the column.
/// </summary>
public static class CsvPartnerListReader
{
    private static readonly string[] Known = ["partner", "page", "contact", "notes", "original", "robots", "site", "sitemap", "feed", "watch", "profile"];

    public static PartnerList Read(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var options = new CsvReaderOptions { TrackLineNumbers = true, TrimWhitespace = true, SkipEmptyLines = true };
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        List<string> headers;
        try
        {
            headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        }
        catch (CsvFormatException e)
        {
            throw new PartnerListException($"{path}:1: the header row is not valid CSV: {e.Message}", e);
        }

        if (!headers.Contains("partner"))
        {
            throw new PartnerListException($"{path}:1: missing column 'partner'; columns: {string.Join(", ", Known)}");
        }

        if (!headers.Contains("page") && !headers.Contains("site"))
        {
            throw new PartnerListException($"{path}:1: missing column 'page' (or 'site', to discover a partner's pages); columns: {string.Join(", ", Known)}");
        }

        var unknown = headers.FirstOrDefault(h => !Known.Contains(h));
        if (unknown is not null)
        {
            throw new PartnerListException($"{path}:1: unknown column '{unknown}'; valid columns: {string.Join(", ", Known)}");
        }

        var order = new List<string>();
        var refused = new List<string>();
        var rows = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        while (Next(csv, path))
        {
            var line = csv.LineNumber;
            string? Field(string name) => headers.IndexOf(name) is var i and >= 0 && i < csv.FieldCount && csv.GetString(i).Trim() is { Length: > 0 } value ? value : null;
            var partner = Field("partner");
            var page = Field("page");
            var site = Field("site");
            var sitemap = Field("sitemap");
            var feed = Field("feed");
            if (partner is null && page is null && site is null && sitemap is null && feed is null)
            {
                continue;
            }

            try
            {
                if (partner is null)
                {
                    throw new PartnerListException($"{path}:{line}: column partner: the row has a page or a site but no partner");
                }

                if (page is null && site is null && sitemap is null && feed is null)
                {
                    throw new PartnerListException($"{path}:{line}: column page: partner \"{partner}\" has a row without a page or a site");
                }

                if (!rows.TryGetValue(partner, out var entry))
                {
                    entry = new Row(line, Field("contact"), Field("notes"), string.Equals(Field("robots"), "ignore", StringComparison.OrdinalIgnoreCase), Flag(Field("watch"), path, line));
                    order.Add(partner);
                    rows[partner] = entry;
                }

                if (page is not null)
                {
                    if (entry.Watch)
                    {
                        throw new PartnerListException($"{path}:{line}: column page: \"{partner}\" is a watched site: its pages are discovered, not listed");
                    }

                    try
                    {
                        entry.Pages.Add(new PartnerPage(PartnerPage.ResolveLocation(page, folder), Field("original")) { Line = line, Profile = Profile(Field("profile"), folder, path, line) });
                    }
                    catch (FormatException e)
                    {
                        throw new PartnerListException($"{path}:{line}: column page: {e.Message}");
                    }
                }

                if (site is not null)
                {
                    var url = Url(site, "site", path, line);
                    if (entry.Site is not null && entry.Site != url)
                    {
                        throw new PartnerListException($"{path}:{line}: column site: partner \"{partner}\" already has the site {entry.Site}");
                    }

                    entry.Site = url;
                }

                if (sitemap is not null)
                {
                    entry.Sitemaps.Add(Url(sitemap, "sitemap", path, line));
                }

                if (feed is not null)
                {
                    entry.Feeds.Add(Url(feed, "feed", path, line));
                }
        
            }
            catch (PartnerListException e)
            {
                // One malformed row is refused alone (with its line); the other rows are still read.
                refused.Add(e.Message);
            }
        }

        if (order.Count == 0 && refused.Count == 0)
        {
            throw new PartnerListException($"{path}:2: the CSV file lists no pages");
        }

        var partners = new List<Partner>();
        var watched = new List<WatchedSite>();
        foreach (var name in order)
        {
            var row = rows[name];
            if (row.Site is null && (row.Sitemaps.Count > 0 || row.Feeds.Count > 0 || row.Watch))
            {
                refused.Add($"{path}:{row.Line}: column site: \"{name}\" has sitemaps, feeds or watch but no site they belong to");
                continue;
            }

            var sources = row.Site is null ? null : new SiteSources(row.Site, row.Sitemaps.Distinct().ToList(), row.Feeds.Distinct().ToList());
            if (row.Watch)
            {
                watched.Add(new WatchedSite(name, row.Notes, row.IgnoreRobots, sources!));
            }
            else
            {
                partners.Add(new Partner(name, row.Contact, row.Notes, row.IgnoreRobots, row.Pages) { Site = sources });
            }
        }

        return new PartnerList(path, new AuditSettings(), partners) { Watched = watched, Refused = refused };
    }

    /// <summary>A page's licence profile: a built-in profile's name as it is, a profile file's path against the list's folder.</summary>
    private static string? Profile(string? value, string folder, string path, long line)
    {
        if (value is null || Profiles.ProfileLoader.IsBuiltIn(value))
        {
            return value;
        }

        try
        {
            return PartnerPage.FullPath(value, folder);
        }
        catch (FormatException e)
        {
            throw new PartnerListException($"{path}:{line}: column profile: {e.Message}");
        }
    }

    private static Uri Url(string value, string column, string path, long line) =>
        SiteUrls.Parse(value) ?? throw new PartnerListException($"{path}:{line}: column {column}: \"{PartnerPage.Printable(value)}\" is not an http(s) URL");

    private static bool Flag(string? value, string path, long line) => value?.ToLowerInvariant() switch
    {
        null or "no" or "false" or "0" => false,
        "yes" or "true" or "1" => true,
        _ => throw new PartnerListException($"{path}:{line}: column watch: expected yes or no, not \"{PartnerPage.Printable(value)}\""),
    };

    /// <summary>One name's rows gathered: a partner's pages and site, or a watched site.</summary>
    private sealed class Row(long line, string? contact, string? notes, bool ignoreRobots, bool watch)
    {
        public long Line { get; } = line;

        public string? Contact { get; } = contact;

        public string? Notes { get; } = notes;

        public bool IgnoreRobots { get; } = ignoreRobots;

        public bool Watch { get; } = watch;

        public List<PartnerPage> Pages { get; } = [];

        public Uri? Site { get; set; }

        public List<Uri> Sitemaps { get; } = [];

        public List<Uri> Feeds { get; } = [];
    }

    private static bool Next(CsvReader csv, string path)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException e)
        {
            throw new PartnerListException($"{path}: record {e.RecordNumber}: not valid CSV: {e.Message}", e);
        }
    }
}
