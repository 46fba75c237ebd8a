namespace Syndication.Fetching;

/// <summary>
/// A fetched body to be read as a stream, not held in memory (a 50,000-URL sitemap): on the web it is spooled to a
/// temporary file (deleted on dispose) under the size cap, and the host's slot is free again before it is read.
/// <see cref="Facts"/> has every fact of the fetch but an empty <see cref="FetchedPage.Body"/>.
/// </summary>
public sealed class FetchedDocument(FetchedPage facts, Stream body, long length) : IDisposable
{
    public FetchedPage Facts { get; } = facts;

    /// <summary>The body, read from its start; forward-only for a body that comes from the conditional cache.</summary>
    public Stream Body { get; } = body;

    /// <summary>The body's length in bytes (after HTTP decompression).</summary>
    public long Length { get; } = length;

    public void Dispose() => Body.Dispose();
}
