using Syndication.Pipeline;

namespace Syndication.Reporting.CaseFiles;

/// <summary>
/// What a licensing officer sends a partner about its pages: who, under which licence, from which run, and per page
/// its findings (since when), its archived fetch and its screenshots.
/// </summary>
public sealed record CaseFile
{
    public required string Partner { get; init; }

    public string? Contact { get; init; }

    public string? Notes { get; init; }

    public required string Licensor { get; init; }

    public string? LicenceText { get; init; }

    public required long RunId { get; init; }

    public required DateTimeOffset RunStartedAt { get; init; }

    public required DateTimeOffset WrittenAt { get; init; }

    public required IReadOnlyList<CasePage> Pages { get; init; }
}

/// <summary>One page of a case file: its result in the run, the fetch archived for it, its screenshots.</summary>
public sealed record CasePage(PageResult Result, CaseArchive? Archive, IReadOnlyList<CaseScreenshot> Screenshots);

/// <summary>The page's bytes exactly as fetched, with their SHA-256 and when and from where they were fetched.</summary>
public sealed record CaseArchive(string Sha256, DateTimeOffset FetchedAt, string? FinalUrl, byte[] Body);

public sealed record CaseScreenshot(string Name, string Sha256, int Width, int Height, IReadOnlyList<string> Outlined, byte[] Png);
