using System.Collections;
using Syndication.Partners;

namespace Syndication.Pipeline;

/// <summary>
/// An audit's pages, made when asked for: a listed page is kept as its place in the partner list (two numbers), and
/// its target (parsed address, partner, licence) is built from the list each time it is read, so a list of 100,000
/// pages does not hold 100,000 parsed addresses for the whole night (README "Memory, 10,000 against 100,000 pages").
/// Pages discovery brought are held as they came. A target read twice is built twice: equal in every field, but not
/// the same object.
/// </summary>
public sealed class TargetList : IReadOnlyList<PageTarget>
{
    private readonly PartnerList _list;
    private readonly string _folder;

    /// <summary>Per page: its partner's index in the list, or -1 for a held target.</summary>
    private readonly int[] _partner;

    /// <summary>Per page: its index among the partner's pages, or among <see cref="_held"/>.</summary>
    private readonly int[] _page;

    private readonly IReadOnlyList<PageTarget> _held;
    private readonly Func<PageTarget, PageTarget>? _map;

    private TargetList(PartnerList list, string folder, int[] partner, int[] page, IReadOnlyList<PageTarget> held, Func<PageTarget, PageTarget>? map)
    {
        _list = list;
        _folder = folder;
        _partner = partner;
        _page = page;
        _held = held;
        _map = map;
    }

    public int Count => _partner.Length;

    public PageTarget this[int index]
    {
        get
        {
            var target = _partner[index] is var p and >= 0 ? Listed(_list.Partners[p], _list.Partners[p].Pages[_page[index]], _folder) : _held[_page[index]];
            return _map is null ? target : _map(target);
        }
    }

    /// <summary>The same pages, each read through <paramref name="map"/> (after any map given before).</summary>
    public TargetList Select(Func<PageTarget, PageTarget> map) =>
        new(_list, _folder, _partner, _page, _held, _map is { } first ? t => map(first(t)) : map);

    /// <summary>A listed page's target, as the list sets it.</summary>
    public static PageTarget Listed(Partner partner, PartnerPage page, string folder) =>
        AuditTargets.TargetFrom(page.Location, folder) with
        {
            Partner = partner.Name,
            ExpectedOriginal = page.Original,
            IgnoreRobots = partner.IgnoreRobots,
            Render = partner.Render,
            Profile = page.Profile ?? partner.Profile,
        };

    public IEnumerator<PageTarget> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Collects the pages of a list in order: listed ones by their place, others as they are.</summary>
    internal sealed class Builder(PartnerList list, int capacity)
    {
        private readonly string _folder = list.Folder;
        private readonly List<int> _partner = new(capacity);
        private readonly List<int> _page = new(capacity);
        private readonly List<PageTarget> _held = [];

        public string Folder => _folder;

        public void AddListed(int partner, int page)
        {
            _partner.Add(partner);
            _page.Add(page);
        }

        public void AddHeld(PageTarget target)
        {
            _partner.Add(-1);
            _page.Add(_held.Count);
            _held.Add(target);
        }

        public TargetList Build() => new(list, _folder, [.. _partner], [.. _page], _held, null);
    }
}
