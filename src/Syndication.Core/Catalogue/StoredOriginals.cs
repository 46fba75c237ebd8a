using System.Collections.Concurrent;
using Syndication.Matching;
using Syndication.Profiles;

namespace Syndication.Catalogue;

/// <summary>
/// The catalogue's originals as matching reads them: by their number in the index, read from the store and prepared
/// when a page first nearly matches one, then kept in a bounded cache (pages that republish one story come in runs).
/// </summary>
internal sealed class StoredOriginals(CatalogueStore store, LicenceProfile profile, long[] rowIds) : IOriginalSource
{
    /// <summary>About 50 KB each prepared: a few tens of megabytes at most.</summary>
    private const int CacheSize = 512;

    private readonly ConcurrentDictionary<int, IndexedOriginal> _prepared = new();

    public int Count => rowIds.Length;

    public IndexedOriginal Get(int id)
    {
        if (_prepared.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var prepared = IndexedOriginal.From(id, store.Read(rowIds[id]), profile);
        if (_prepared.Count >= CacheSize)
        {
            _prepared.Clear();
        }

        return _prepared.GetOrAdd(id, prepared);
    }

    public IReadOnlyList<OriginalHeadline> Headlines() => store.Headlines(profile.Id);

    public int? Find(string urlOrTitle)
    {
        if (store.FindRowId(profile.Id, urlOrTitle) is not { } rowId)
        {
            return null;
        }

        var id = Array.BinarySearch(rowIds, rowId);
        return id >= 0 ? id : null;
    }
}
