namespace Syndication.Fetching;

/// <summary>Sends file addresses to the file fetcher and web addresses to the web fetcher.</summary>
public sealed class AddressRouter(IPageFetcher files, IPageFetcher web) : IPageFetcher
{
    public Task<FetchedPage> FetchAsync(PageAddress address, CancellationToken cancellationToken) =>
        address.IsFile ? files.FetchAsync(address, cancellationToken) : web.FetchAsync(address, cancellationToken);
}
