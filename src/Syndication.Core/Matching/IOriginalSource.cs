namespace Syndication.Matching;

/// <summary>
/// Where the catalogue's originals are, by their number in the index: in memory (the originals a run was given), or
/// in the persistent catalogue, read when a page names or nearly matches one.
/// </summary>
public interface IOriginalSource
{
    int Count { get; }

    /// <summary>The original numbered <paramref name="id"/>, prepared for matching.</summary>
    IndexedOriginal Get(int id);

    /// <summary>Every original's title, publication date and first reading, without its text, in index order.</summary>
    IReadOnlyList<OriginalHeadline> Headlines();

    /// <summary>The number of the original with this URL or title (case-insensitive), as a partner list may name it, or null.</summary>
    int? Find(string urlOrTitle);
}

/// <summary>
/// An original's title and publication date, what discovery orders and narrows candidates by, and when the tool first
/// read it (null when not known): an original first read after a site's last search but published before it was
/// filled in late (a backfill), so pages read that night may carry it.
/// </summary>
public sealed record OriginalHeadline(string Title, DateTimeOffset? Published, DateTimeOffset? FirstRead = null);
