using Serilog;
using Syndication.Fetching;
using Syndication.Images;
using Syndication.Profiles;
using Syndication.Resources;

namespace Syndication.Pipeline;

/// <summary>
/// Between a page's preparation and its checks: fetches what the checks asked for. Images are fetched only when they
/// can be compared (images on, the image library loaded, at least one reference logo loaded) and only those a page
/// can reach (see <see cref="PageLocation"/>); the reference logos load at the first page that needs them.
/// </summary>
public sealed class ResourceStage
{
    private readonly ResourceFetcher _fetcher;
    private readonly ReferenceLogoSet _references;
    private readonly ResourceOptions _options;
    private readonly ILogger _log;
    private int _warned;

    public ResourceStage(IPageFetcher fetcher, LicenceProfile profile, ResourceOptions options, ILogger log)
    {
        _fetcher = new ResourceFetcher(fetcher, options);
        _references = new ReferenceLogoSet(profile.Logo.Images, fetcher, options.ImageLimits, log);
        _options = options;
        _log = log;
    }

    public ResourceOptions Options => _options;

    public async Task<(PageResources Resources, IReadOnlyList<ReferenceLogo> References)> GatherAsync(
        IReadOnlyList<ResourceRequest> needs, PageLocation page, bool ignoreRobots, CancellationToken cancellationToken)
    {
        if (needs.Count == 0)
        {
            return (PageResources.None, []);
        }

        // Images for the reference logos are fetched only when the profile has some; others (a photo compared with
        // the original's) whatever it has.
        var wanted = _references.IsEmpty ? needs.Where(n => !n.AgainstReferenceLogos).ToList() : needs;
        if (!_options.Images || wanted.Count == 0)
        {
            return (PageResources.NotFetched(_options.Images ? "the licence profile names no reference logo" : "images are not fetched (--no-images)"), []);
        }

        if (ImageSupport.Problem is { } problem)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                _log.Warning("Images cannot be compared on this machine ({Problem}): logos are judged by their markup alone", problem);
            }

            return (PageResources.NotFetched(problem), []);
        }

        var resolvable = _fetcher.Resolvable(wanted, page);
        if (resolvable.Count == 0)
        {
            return (PageResources.None, []);
        }

        IReadOnlyList<ReferenceLogo> references = [];
        if (resolvable.Any(r => r.Request.AgainstReferenceLogos))
        {
            references = await _references.GetAsync(cancellationToken);
            if (references.Count == 0)
            {
                resolvable = [.. resolvable.Where(r => !r.Request.AgainstReferenceLogos)];
                if (resolvable.Count == 0)
                {
                    return (PageResources.NotFetched(_references.Problem ?? "no reference logo"), []);
                }
            }
        }

        var fetched = await _fetcher.FetchAsync(resolvable, ignoreRobots, cancellationToken);
        return (new PageResources(fetched, null), references);
    }
}
