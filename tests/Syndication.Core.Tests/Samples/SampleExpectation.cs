using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Core.Tests.Samples;

/// <summary>One row of samples/pages/expected.json: the verdict and outcomes a sample page must get.</summary>
public sealed record SampleExpectation
{
    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("cms")]
    public string? Cms { get; init; }

    [JsonPropertyName("original")]
    public string? Original { get; init; }

    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    [JsonPropertyName("requirements")]
    public Dictionary<string, string> Requirements { get; init; } = [];

    [JsonPropertyName("why")]
    public string? Why { get; init; }

    public override string ToString() => File;

    public static List<SampleExpectation> Load(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        var document = JsonSerializer.Deserialize<ExpectationFile>(stream) ?? throw new InvalidDataException(path + " is empty");
        return document.Pages;
    }

    private sealed record ExpectationFile([property: JsonPropertyName("pages")] List<SampleExpectation> Pages);
}
