namespace Syndication.History;

/// <summary>What the tool fetched for a non-compliant page: the bytes, their SHA-256, when, from where, with which headers.</summary>
public sealed record EvidenceRecord(long RunId, string Url, string? Partner, string Sha256, DateTimeOffset FetchedAt, string? FinalUrl, IReadOnlyDictionary<string, string> Headers, byte[] Body);
