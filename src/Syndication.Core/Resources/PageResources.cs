namespace Syndication.Resources;

/// <summary>The resources fetched for one page, by the source the page wrote; and why some were not fetched at all.</summary>
public sealed class PageResources
{
    public static readonly PageResources None = new([], null);

    private readonly Dictionary<(ResourceKind, string), FetchedResource> _fetched;

    public PageResources(IEnumerable<FetchedResource> fetched, string? unavailable)
    {
        _fetched = fetched.GroupBy(f => (f.Request.Kind, f.Request.Source)).ToDictionary(g => g.Key, g => g.First());
        Unavailable = unavailable;
    }

    /// <summary>Why nothing was fetched for this page (images turned off, no reference logos), or null.</summary>
    public string? Unavailable { get; }

    public int Count => _fetched.Count;

    public IEnumerable<FetchedResource> All => _fetched.Values;

    public FetchedResource? Find(ResourceKind kind, string source) => _fetched.GetValueOrDefault((kind, source));

    public static PageResources NotFetched(string why) => new([], why);
}
