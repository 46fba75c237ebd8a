using CsvHelper;

namespace Syndication.Partners;

/// <summary>
/// Reads a partner list kept in a spreadsheet: CSV with a header row and the columns partner, page (required),
/// contact, notes, original (optional); one row per page, a partner's rows grouped by its name. CsvHelper does the
/// quoting rules; errors name the file, the line and the column.
/// </summary>
public static class CsvPartnerListReader
{
    private static readonly string[] Known = ["partner", "page", "contact", "notes", "original", "robots"];

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

        foreach (var required in new[] { "partner", "page" })
        {
            if (!headers.Contains(required))
            {
                throw new PartnerListException($"{path}:1: missing column '{required}'; columns: {string.Join(", ", Known)}");
            }
        }

        var unknown = headers.FirstOrDefault(h => !Known.Contains(h));
        if (unknown is not null)
        {
            throw new PartnerListException($"{path}:1: unknown column '{unknown}'; valid columns: {string.Join(", ", Known)}");
        }

        var order = new List<string>();
        var rows = new Dictionary<string, (string? Contact, string? Notes, bool IgnoreRobots, List<PartnerPage> Pages)>(StringComparer.OrdinalIgnoreCase);
        while (Next(csv, path))
        {
            var line = csv.LineNumber;
            string? Field(string name) => headers.IndexOf(name) is var i and >= 0 && i < csv.FieldCount && csv.GetString(i).Trim() is { Length: > 0 } value ? value : null;
            var partner = Field("partner");
            var page = Field("page");
            if (partner is null && page is null)
            {
                continue;
            }

            if (partner is null)
            {
                throw new PartnerListException($"{path}:{line}: column partner: the row has a page but no partner");
            }

            if (page is null)
            {
                throw new PartnerListException($"{path}:{line}: column page: partner \"{partner}\" has a row without a page");
            }

            string location;
            try
            {
                location = PartnerPage.ResolveLocation(page, folder);
            }
            catch (FormatException e)
            {
                throw new PartnerListException($"{path}:{line}: column page: {e.Message}");
            }

            if (!rows.TryGetValue(partner, out var entry))
            {
                order.Add(partner);
                entry = (Field("contact"), Field("notes"), string.Equals(Field("robots"), "ignore", StringComparison.OrdinalIgnoreCase), []);
                rows[partner] = entry;
            }

            entry.Pages.Add(new PartnerPage(location, Field("original")));
        }

        if (order.Count == 0)
        {
            throw new PartnerListException($"{path}:2: the CSV file lists no pages");
        }

        var partners = order.Select(name => new Partner(name, rows[name].Contact, rows[name].Notes, rows[name].IgnoreRobots, rows[name].Pages)).ToList();
        return new PartnerList(path, new AuditSettings(), partners);
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
