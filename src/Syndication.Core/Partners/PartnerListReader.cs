namespace Syndication.Partners;

/// <summary>Reads a partner list from YAML (.yaml, .yml) or CSV (.csv); a page listed twice is kept once (<see cref="DuplicatePage"/>).</summary>
public static class PartnerListReader
{
    public static PartnerList Read(string path)
    {
        var text = ReadText(path);
        var list = IsCsv(path)
            ? CsvPartnerListReader.Read(path, text)
            : YamlPartnerListReader.Read(path, text);
        if (list.PageCount == 0 && list.SiteCount == 0)
        {
            // Every entry refused: nothing to audit, and each refusal says why.
            throw new PartnerListException(list.Refused.Count switch
            {
                0 => $"{path}: the partner list has no pages to check and no site to discover pages on",
                1 => list.Refused[0],
                var n => $"{list.Refused[0]} (and {n - 1} more entries refused: every entry of the list is)",
            });
        }

        return DuplicatePage.Remove(list);
    }

    /// <summary>
    /// Only the list's settings (where its history and catalogue are), for the commands that read a history: the
    /// partners are not read, so a list with a refused entry still leads to its history. A CSV list has no settings.
    /// </summary>
    public static AuditSettings ReadSettings(string path)
    {
        var text = ReadText(path);
        return IsCsv(path) ? new AuditSettings() : YamlPartnerListReader.ReadSettings(path, text);
    }

    private static bool IsCsv(string path) => string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);

    private static string ReadText(string path)
    {
        if (Directory.Exists(path))
        {
            throw new PartnerListException(FolderGiven(path));
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw new PartnerListException($"partner list not found: {path}");
        }
        catch (DirectoryNotFoundException)
        {
            throw new PartnerListException($"partner list not found: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PartnerListException($"cannot read partner list {path}: {e.Message}", e);
        }
    }

    /// <summary>A folder given where a partner list belongs: which list inside it was meant, when one is plain.</summary>
    private static string FolderGiven(string path)
    {
        var lists = Directory.EnumerateFiles(path)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml" or ".csv")
            .Order(StringComparer.Ordinal)
            .ToList();
        var likely = lists.Where(f => Path.GetFileName(f).Contains("partner", StringComparison.OrdinalIgnoreCase)).ToList();
        var meant = likely.Count == 1 ? likely[0] : lists.Count == 1 ? lists[0] : null;
        return meant is null
            ? $"{path} is a folder, not a partner list: give the list's YAML or CSV file"
            : $"{path} is a folder, not a partner list; did you mean {meant}?";
    }
}
