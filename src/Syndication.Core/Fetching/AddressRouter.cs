namespace Syndication.Fetching;

/// <summary>Sends file addresses to the file fetcher and web addresses to the web fetcher.</summary>
public sealed class AddressRouter(IPageFetcher files, IPageFetcher web) : IPageFetcher, IDisposable
{
    public void Dispose() => (web as IDisposable)?.Dispose();

    public Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
        request.Address.IsFile ? files.FetchAsync(request, cancellationToken) : web.FetchAsync(request, cancellationToken);
}
