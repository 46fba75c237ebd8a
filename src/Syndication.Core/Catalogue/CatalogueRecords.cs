namespace Syndication.Catalogue;

/// <summary>
/// One original as the catalogue lists it. <c>ReadAt</c>/<c>Source</c>: when and where the kept text was read;
/// <c>SeenAt</c>/<c>SeenSource</c>: when and where the original was last seen (a source may show it in another rendering).
/// </summary>
public sealed record CatalogueRow(
    long Id,
    string Title,
    string? Url,
    IReadOnlyList<string> Reporters,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    int Paragraphs,
    int Words,
    DateTimeOffset FirstReadAt,
    string FirstSource,
    DateTimeOffset ReadAt,
    string Source,
    DateTimeOffset ChangedAt,
    int Revision,
    string? LicensorId,
    DateTimeOffset SeenAt,
    string SeenSource);

/// <summary>An earlier revision of an original: when the change was seen, what changed, and what it was before.</summary>
public sealed record CatalogueEdit(int Revision, DateTimeOffset SeenAt, DateTimeOffset? Modified, string Source, string Changes, string PreviousTitle);

/// <summary>What <c>originals list</c> asks for.</summary>
public sealed record CatalogueQuery
{
    public string? Reporter { get; init; }

    public string? Search { get; init; }

    public DateTimeOffset? Since { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One sync of the catalogue from the licensor's site.</summary>
public sealed record SyncRecord(
    long Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    int Added,
    int Updated,
    int Unchanged,
    int Requests,
    IReadOnlyList<string> Problems,
    string? Summary);

/// <summary>The catalogue in figures, for <c>originals stats</c>.</summary>
public sealed record CatalogueStats(
    string Licensor,
    int Count,
    DateTimeOffset? Earliest,
    DateTimeOffset? Latest,
    int Undated,
    int WithoutReporters,
    int Edited,
    IReadOnlyList<(string Reporter, int Count)> Reporters,
    IReadOnlyList<(string Source, int Count)> Sources,
    SyncRecord? LastSync);
