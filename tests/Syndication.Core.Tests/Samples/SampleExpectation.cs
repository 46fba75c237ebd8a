using System.Text.Json;
using System.Text.Json.Serialization;
using Syndication.Pipeline;
using Syndication.Verdicts;

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

    /// <summary>The result has this row's verdict, original and per-requirement outcomes; a failure shows every outcome's reason.</summary>
    public void AssertMatches(PageResult result, string context)
    {
        var details = $"{context}: {VerdictNames.Of(result.Verdict)} {result.Note} {result.Error?.Message}\n" +
            string.Join("\n", result.Requirements.Select(r => $"  {r.Id} {VerdictNames.Of(r.Status)}: {r.Message}"));
        Assert.That(VerdictNames.Of(result.Verdict), Is.EqualTo(Verdict), details);
        Assert.That(result.Original?.Title, Is.EqualTo(Original), details);
        Assert.That(result.Requirements.ToDictionary(r => r.Id, r => VerdictNames.Of(r.Status)), Is.EquivalentTo(Requirements), details);
    }

    public static List<SampleExpectation> Load(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        var document = JsonSerializer.Deserialize<ExpectationFile>(stream) ?? throw new InvalidDataException(path + " is empty");
        return document.Pages;
    }

    private sealed record ExpectationFile([property: JsonPropertyName("pages")] List<SampleExpectation> Pages);
}
