using System.Text.Json.Serialization;

namespace Syndication.Rendering;

/// <summary>
/// A screenshot of a rendered page kept as evidence: <c>article</c> (the article region) or <c>viewport</c> (what a
/// reader sees on arrival), with the elements that decided each requirement outlined. The PNG's SHA-256 names it in the
/// evidence archive; the bytes travel with the page only until they are stored.
/// </summary>
public sealed record Screenshot
{
    public required string Name { get; init; }

    public required string Sha256 { get; init; }

    public required long Bytes { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>What is outlined: "logo: img.dcnf-logo" per element.</summary>
    public IReadOnlyList<string> Outlined { get; init; } = [];

    [JsonIgnore]
    public byte[]? Png { get; init; }
}
