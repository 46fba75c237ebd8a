using System.Text;

namespace Syndication.Cli.Tests.Support;

/// <summary>
/// A temp folder holding a partner list over copies of sample pages, so a test can change, break or remove a
/// partner's page between nightly runs. The list reads the sample originals feed.
/// </summary>
public sealed class AuditFolder : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.Path;

    public string List => File("partners.yaml");

    public string History => File("history.db");

    public string File(string name) => _folder.File(name);

    /// <summary>Puts a copy of a sample page in the folder under a name of the test's choosing (replacing what was there).</summary>
    public string Page(string name, string sample)
    {
        System.IO.File.Copy(RepoPaths.Page(sample), File(name), overwrite: true);
        return File(name);
    }

    public void Remove(string name) => System.IO.File.Delete(File(name));

    /// <summary>Writes the partner list: each partner with its pages (file names in this folder or URLs), then any waivers (YAML).</summary>
    public void WriteList(IEnumerable<(string Partner, string[] Pages)> partners, string? waivers = null)
    {
        var yaml = new StringBuilder();
        yaml.Append("settings:\n  originals: [\"").Append(RepoPaths.Feed).Append("\"]\npartners:\n");
        foreach (var (partner, pages) in partners)
        {
            yaml.Append("  - name: ").Append(partner).Append("\n    pages:\n");
            foreach (var page in pages)
            {
                yaml.Append("      - \"").Append(page).Append("\"\n");
            }
        }

        if (waivers is not null)
        {
            yaml.Append("waivers:\n").Append(waivers);
        }

        System.IO.File.WriteAllText(List, yaml.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
