using Syndication.Fetching;

namespace Syndication.Catalogue.Sync;

/// <summary>Counts the requests a sync makes through the guarded fetcher (each page, feed, sitemap or API page asked for).</summary>
internal sealed class CountingFetcher(IPageFetcher pages, IDocumentFetcher documents) : IPageFetcher, IDocumentFetcher
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return pages.FetchAsync(request, cancellationToken);
    }

    public Task<FetchedDocument> FetchDocumentAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return documents.FetchDocumentAsync(request, cancellationToken);
    }
}
