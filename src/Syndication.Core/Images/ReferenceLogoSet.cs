using Serilog;
using Syndication.Fetching;
using Syndication.Resources;

namespace Syndication.Images;

/// <summary>
/// The profile's reference logos, loaded once per run and only when a page first needs them: URLs through the page
/// fetcher (the same guards, politeness and conditional cache as pages), files from disk. A reference that cannot be
/// loaded is a warning; with none at all, logos are judged by their markup.
/// </summary>
public sealed class ReferenceLogoSet
{
    private readonly IReadOnlyList<PageAddress> _images;
    private readonly IPageFetcher _fetcher;
    private readonly ImageLimits _limits;
    private readonly ILogger _log;
    private readonly Lazy<Task<IReadOnlyList<ReferenceLogo>>> _loaded;

    public ReferenceLogoSet(IReadOnlyList<PageAddress> images, IPageFetcher fetcher, ImageLimits limits, ILogger log)
    {
        _images = images;
        _fetcher = fetcher;
        _limits = limits;
        _log = log;

        // Loaded once, whichever page asks first; a page stopped while waiting does not stop the load for the others.
        _loaded = new(() => LoadAsync(CancellationToken.None));
    }

    public bool IsEmpty => _images.Count == 0;

    /// <summary>Why no reference could be loaded, once loading has been tried; null while there are some.</summary>
    public string? Problem { get; private set; }

    public Task<IReadOnlyList<ReferenceLogo>> GetAsync(CancellationToken cancellationToken) => _loaded.Value.WaitAsync(cancellationToken);

    private async Task<IReadOnlyList<ReferenceLogo>> LoadAsync(CancellationToken cancellationToken)
    {
        var references = new List<ReferenceLogo>();
        var problems = new List<string>();
        foreach (var image in _images)
        {
            try
            {
                var fetched = await _fetcher.FetchAsync(new FetchRequest(image) { Accepts = ResourceFetcher.ImageKinds, MaxBytes = _limits.MaxBytes }, cancellationToken);
                references.Add(ReferenceLogo.From(image.Argument, fetched.Body, _limits));
            }
            catch (Exception e) when (e is FetchException or ImageException)
            {
                problems.Add($"{image.Argument}: {e.Message}");
                _log.Warning("The reference logo {Image} could not be loaded: {Problem}", image.Argument, e.Message);
            }
        }

        if (references.Count == 0 && _images.Count > 0)
        {
            Problem = $"no reference logo could be loaded ({string.Join("; ", problems)})";
            _log.Warning("No reference logo could be loaded: logos are judged by their markup alone");
        }
        else if (references.Count > 0)
        {
            _log.Debug("Loaded {Count} reference logo(s)", references.Count);
        }

        return references;
    }
}
