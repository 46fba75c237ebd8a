namespace Syndication.Pipeline;

/// <summary>
/// What discovery did on one site in a run, as the reports show it: what its sources listed, what was fetched, what
/// waits for the next nights, the republications found tonight, and a one-line reason for every source that could
/// not be read in full.
/// </summary>
public sealed record SiteDiscovery
{
    /// <summary>The partner's or the watched site's name.</summary>
    public required string Name { get; init; }

    public required string Site { get; init; }

    /// <summary>A watched site: what is found there is unlicensed.</summary>
    public bool Watched { get; init; }

    /// <summary>Sitemaps and feeds read tonight (a 304 counts: its stored copy is read).</summary>
    public int SourcesRead { get; init; }

    /// <summary>Sitemaps of an index not fetched: their lastmod says they have not changed since they were last read.</summary>
    public int SourcesUnchanged { get; init; }

    /// <summary>Pages on the site the sources listed.</summary>
    public int Listed { get; init; }

    /// <summary>Candidates left after narrowing (date window, known and unchanged pages), before the night's cap.</summary>
    public int Candidates { get; init; }

    /// <summary>Candidates fetched tonight.</summary>
    public int Fetched { get; init; }

    /// <summary>Candidates the cap (or a fetch to try again) leaves for the next nights.</summary>
    public int Waiting { get; init; }

    /// <summary>Republications found on earlier nights and checked again tonight.</summary>
    public int KnownRepublications { get; init; }

    /// <summary>Republications found tonight, in the order they were fetched.</summary>
    public IReadOnlyList<FoundPage> NewlyFound { get; init; } = [];

    /// <summary>One line each: a source that could not be read in full, and why; last, the candidates that could not be checked, if any.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>A republication discovery found: the page, the original it carries, where it was listed, and its verdict tonight.</summary>
public sealed record FoundPage(string Url, string OriginalTitle, string? OriginalUrl, string Via, Verdicts.PageVerdict Verdict);
