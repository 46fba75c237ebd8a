using Syndication.Fetching;

namespace Syndication.Resources;

/// <summary>
/// The runner's half of the resource seam: fetches what a page's checks asked for through the page fetcher (so an
/// image gets the same SSRF guard, per-host limit, robots, retries, caps and conditional cache as a page), in the
/// order asked, up to the cap per page. Never throws for a resource: each one ends with its bytes or a reason.
/// </summary>
public sealed class ResourceFetcher(IPageFetcher fetcher, ResourceOptions options)
{
    /// <summary>What an image may be: the image types, SVG included (judged by markup, but named as such).</summary>
    public static readonly ContentKinds ImageKinds = new(
        "an image",
        "image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml;q=0.8,image/*;q=0.8,*/*;q=0.1",
        ["image/png", "image/jpeg", "image/pjpeg", "image/gif", "image/webp", "image/bmp", "image/x-icon", "image/vnd.microsoft.icon", "image/avif", "image/svg+xml", "application/octet-stream", "binary/octet-stream"]);

    public ResourceOptions Options => options;

    /// <summary>
    /// The requests that can be fetched, with their addresses, at most the cap: a web page's http(s) references, a
    /// saved page's files in its folder. The others are not fetched at all (a saved page is judged offline).
    /// </summary>
    public IReadOnlyList<(ResourceRequest Request, PageAddress Address)> Resolvable(IEnumerable<ResourceRequest> requests, PageLocation page) =>
        requests.DistinctBy(r => (r.Kind, r.Source))
            .Select(r => (Request: r, page.Resolve(r.Source).Address))
            .Where(r => r.Address is not null)
            .Take(options.MaxImagesPerPage)
            .Select(r => (r.Request, r.Address!))
            .ToList();

    public async Task<IReadOnlyList<FetchedResource>> FetchAsync(IEnumerable<(ResourceRequest Request, PageAddress Address)> resolvable, bool ignoreRobots, CancellationToken cancellationToken)
    {
        var fetched = new List<FetchedResource>();
        foreach (var (request, address) in resolvable)
        {
            try
            {
                var result = await fetcher.FetchAsync(
                    new FetchRequest(address, ignoreRobots) { Accepts = ImageKinds, MaxBytes = options.ImageLimits.MaxBytes, Timeout = options.ImageTimeout },
                    cancellationToken);
                fetched.Add(new FetchedResource(request, result.FinalLocation, result.Body, null) { MediaType = result.MediaType, FromCache = result.FromCache });
            }
            catch (FetchException e)
            {
                fetched.Add(FetchedResource.Failed(request, address.Argument, e.Message));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A resource that breaks the fetcher costs that resource, never the page.
                fetched.Add(FetchedResource.Failed(request, address.Argument, $"internal: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));
            }
        }

        return fetched;
    }
}
