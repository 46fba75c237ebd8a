namespace Syndication.Fetching;

/// <summary>Reads a page's bytes. Throws <see cref="FetchException"/> with a kind when it cannot.</summary>
public interface IPageFetcher
{
    Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
