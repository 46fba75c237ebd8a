namespace Syndication.Partners;

/// <summary>Reads a partner list from YAML (.yaml, .yml) or CSV (.csv); a page listed twice is kept once (<see cref="DuplicatePage"/>).</summary>
public static class PartnerListReader
{
    public static PartnerList Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
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

        var list = string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase)
            ? CsvPartnerListReader.Read(path, text)
            : YamlPartnerListReader.Read(path, text);
        if (list.PageCount == 0 && list.SiteCount == 0)
        {
            throw new PartnerListException($"{path}: the partner list has no pages to check and no site to discover pages on");
        }

        return DuplicatePage.Remove(list);
    }
}
