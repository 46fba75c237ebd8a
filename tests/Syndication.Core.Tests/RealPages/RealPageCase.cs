using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Core.Tests.RealPages;

/// <summary>One real page of tests/fixtures/real-pages: who its byline credits and which other names it shows.</summary>
public sealed record RealPageCase
{
    [JsonPropertyName("case")]
    public required string Case { get; init; }

    [JsonPropertyName("reporters")]
    public List<string> Reporters { get; init; } = [];

    [JsonPropertyName("decoys")]
    public List<Decoy> Decoys { get; init; } = [];

    [JsonPropertyName("byline")]
    public string? Byline { get; init; }

    public override string ToString() => Case;

    public byte[] Bytes()
    {
        using var file = File.OpenRead(RepoPaths.Fixtures("real-pages", Case, "source.html.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        return memory.ToArray();
    }

    public static List<RealPageCase> Load() =>
        JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(RepoPaths.Fixtures("real-pages", "cases.json")))!.Cases;

    public sealed record Decoy([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("kind")] string Kind)
    {
        public override string ToString() => $"{Name} ({Kind})";
    }

    private sealed record CaseFile([property: JsonPropertyName("cases")] List<RealPageCase> Cases);
}
