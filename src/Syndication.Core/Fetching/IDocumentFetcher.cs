namespace Syndication.Fetching;

/// <summary>
/// Fetches a document that may be large (a sitemap) as a stream, with the same robots, politeness, retries, SSRF
/// guard, deadline and conditional cache as a page. Throws <see cref="FetchException"/> with a kind when it cannot.
/// </summary>
public interface IDocumentFetcher
{
    Task<FetchedDocument> FetchDocumentAsync(FetchRequest request, CancellationToken cancellationToken);
}
