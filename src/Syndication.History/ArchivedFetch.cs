namespace Syndication.History;

/// <summary>
/// A page's archived fetch as a history stores it: the compressed bytes, their SHA-256 and length, the headers. Merge
/// carries it from a shard's history into the main one as it is, without unpacking and packing the bytes again.
/// </summary>
public sealed class ArchivedFetch
{
    internal ArchivedFetch(string sha256, byte[] packed, long bytes, string? headers)
    {
        Sha256 = sha256;
        Packed = packed;
        Bytes = bytes;
        Headers = headers;
    }

    internal string Sha256 { get; }

    /// <summary>The bytes, compressed as the evidence table keeps them.</summary>
    internal byte[] Packed { get; }

    /// <summary>How many bytes were fetched (before compression).</summary>
    internal long Bytes { get; }

    /// <summary>The response headers, as stored (JSON).</summary>
    internal string? Headers { get; }
}
