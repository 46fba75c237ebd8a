namespace Syndication.Catalogue.Sync;

/// <summary>What one sync did: originals added, edited and seen again, requests made, each source's part, and its problems (one line each).</summary>
public sealed class SyncReport
{
    private readonly List<string> _problems = [];
    private readonly List<string> _parts = [];

    public UpsertResult Result { get; } = new();

    /// <summary>Requests made (pages, feeds, sitemaps, API pages; robots.txt and retries not counted).</summary>
    public int Requests { get; internal set; }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>One line per source: what was read from it.</summary>
    public IReadOnlyList<string> Parts => _parts;

    /// <summary>False when a source could not be read to its end (its problem says why).</summary>
    public bool Complete { get; internal set; } = true;

    internal void Problem(string line, bool incomplete = true)
    {
        _problems.Add(line.ReplaceLineEndings(" "));
        Complete &= !incomplete;
    }

    internal void Part(string line) => _parts.Add(line);
}
