using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Testing;

/// <summary>
/// One real page of tests/fixtures/real-pages (Readability's test pages) or tests/fixtures/author-pages
/// (trafilatura's pages with their true authors): who its byline credits and which other names it shows.
/// </summary>
public sealed record RealPageCase
{
    /// <summary>The fixture folders that hold real pages, each with its cases.json.</summary>
    public static readonly string[] Corpora = ["real-pages", "author-pages"];

    [JsonPropertyName("case")]
    public required string Case { get; init; }

    [JsonPropertyName("reporters")]
    public List<string> Reporters { get; init; } = [];

    [JsonPropertyName("decoys")]
    public List<Decoy> Decoys { get; init; } = [];

    [JsonPropertyName("byline")]
    public string? Byline { get; init; }

    /// <summary>
    /// Why no byline on the page credits its true author (upstream names the author from the page's metadata or its
    /// site title): the check must refuse the name there, as it refuses any name that is not a byline.
    /// </summary>
    [JsonPropertyName("notCredited")]
    public string? NotCredited { get; init; }

    /// <summary>The page's byline credits its reporters: the check must find them.</summary>
    [JsonIgnore]
    public bool Credited => Reporters.Count > 0 && NotCredited is null;

    /// <summary>Why a page has no decoy: no other person is named on it.</summary>
    [JsonPropertyName("noDecoy")]
    public string? NoDecoy { get; init; }

    /// <summary>The fixture folder the page comes from.</summary>
    [JsonIgnore]
    public string Corpus { get; init; } = "real-pages";

    /// <summary>A name unique across the corpora, for test names.</summary>
    [JsonIgnore]
    public string Name => Corpus == "real-pages" ? Case : $"{Corpus}/{Case}";

    public override string ToString() => Name;

    /// <summary>The gzipped page: real-pages keeps Readability's layout (CASE/source.html.gz), author-pages one file per case.</summary>
    public string FilePath => Corpus == "real-pages"
        ? RepoPaths.Fixtures(Corpus, Case, "source.html.gz")
        : RepoPaths.Fixtures(Corpus, Case + ".html.gz");

    public byte[] Bytes()
    {
        using var file = File.OpenRead(FilePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    private static readonly Lazy<List<RealPageCase>> All = new(() =>
        [.. Corpora.SelectMany(corpus =>
            JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(RepoPaths.Fixtures(corpus, "cases.json")))!.Cases.Select(c => c with { Corpus = corpus }))]);

    public static List<RealPageCase> Load() => All.Value;

    public sealed record Decoy([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("kind")] string Kind)
    {
        public override string ToString() => $"{Name} ({Kind})";
    }

    private sealed record CaseFile([property: JsonPropertyName("cases")] List<RealPageCase> Cases);
}
