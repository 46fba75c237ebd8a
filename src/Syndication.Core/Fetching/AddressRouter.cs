namespace Syndication.Fetching;

/// <summary>Sends file addresses to the file fetcher and web addresses to the web fetcher.</summary>
public sealed class AddressRouter(FileFetcher files, HttpFetcher web) : IPageFetcher, IDocumentFetcher, IRobotsSitemaps, IDisposable
{
    public void Dispose() => web.Dispose();

    public Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken) =>
        request.Address.IsFile ? files.FetchAsync(request, cancellationToken) : web.FetchAsync(request, cancellationToken);

    public Task<FetchedDocument> FetchDocumentAsync(FetchRequest request, CancellationToken cancellationToken) =>
        request.Address.IsFile ? files.FetchDocumentAsync(request, cancellationToken) : web.FetchDocumentAsync(request, cancellationToken);

    public Task<IReadOnlyList<string>> RobotsSitemapsAsync(Uri site, CancellationToken cancellationToken) => web.RobotsSitemapsAsync(site, cancellationToken);
}
