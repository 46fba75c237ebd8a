using Syndication.Partners;

namespace Syndication.Discovery;

/// <summary>
/// Narrows what a site's sources list to the pages worth fetching tonight, before any page is fetched: pages on the
/// site only; not those listed by hand or found before (they are checked anyway); not those read on an earlier night
/// and unchanged since (same date); on a site's first night (or when the catalogue reaches further back) only pages
/// dated on or after the earliest original, since a page cannot republish an article older than itself. Pages left
/// over by an earlier night's cap stay candidates, and so do pages read before that may carry an original the
/// catalogue gained late (<see cref="ReadAgainFrom"/>). The candidates are then ordered by title likeness (then newest
/// first) and cut at the night's cap; the rest wait for the next nights. Likeness orders, it never drops.
/// </summary>
public sealed class CandidateSelector(SiteLedger ledger, IReadOnlySet<string> listed, DateTimeOffset? windowFrom, TitleLikeness likeness)
{
    private readonly Dictionary<string, Listing> _fresh = new(StringComparer.Ordinal);

    /// <summary>
    /// Pages read on earlier nights and dated from this date (or undated) are candidates again: they were judged
    /// before the catalogue held originals published since then (a backfill). Null: none.
    /// </summary>
    public DateTimeOffset? ReadAgainFrom { get; init; }

    /// <summary>Pages read on earlier nights that are candidates again tonight (<see cref="ReadAgainFrom"/>).</summary>
    public int ReadAgain { get; private set; }

    /// <summary>Pages the sources listed on the site.</summary>
    public int Listed { get; private set; }

    /// <summary>Of them, pages listed by hand or found on an earlier night.</summary>
    public int Known { get; private set; }

    /// <summary>Pages read on an earlier night and not changed since.</summary>
    public int Unchanged { get; private set; }

    /// <summary>Pages dated before the window (older than every original).</summary>
    public int Old { get; private set; }

    /// <summary>Offers a page a source lists on the site; returns false (and counts nothing) for a page on another host.</summary>
    public bool Offer(Listing listing, Uri site)
    {
        if (!SiteUrls.OnSite(listing.Url, site))
        {
            return false;
        }

        Listed++;
        var key = SiteUrls.Key(listing.Url);
        if (listed.Contains(key))
        {
            Known++;
            return true;
        }

        if (ledger.Pages.TryGetValue(key, out var entry))
        {
            switch (entry.Status)
            {
                case LedgerStatus.Found:
                    Known++;
                    return true;
                case LedgerStatus.Examined when (listing.Date is null || entry.Date is { } before && listing.Date <= before) && !MayCarryLateOriginal(entry):
                    Unchanged++;
                    return true;
            }
        }
        else if (windowFrom is { } from && listing.Date < from)
        {
            Old++;
            return true;
        }

        // The same page in a sitemap and a feed: keep the title one gives and the later date.
        _fresh[key] = _fresh.TryGetValue(key, out var seen)
            ? seen with { Title = seen.Title ?? listing.Title, Date = Later(seen.Date, listing.Date) }
            : listing;
        return true;
    }

    /// <summary>
    /// The night's candidates, best first, at most <paramref name="cap"/>; the others (new ones and those left from
    /// earlier nights) wait. Pending pages of earlier nights that no source listed tonight (a news sitemap keeps two
    /// days) are candidates still.
    /// </summary>
    public Selection Select(int cap)
    {
        foreach (var (key, entry) in ledger.Pages)
        {
            var again = entry.Status == LedgerStatus.Examined && MayCarryLateOriginal(entry);
            if ((entry.Status == LedgerStatus.Pending || again) && !listed.Contains(key) && Uri.TryCreate(entry.Url, UriKind.Absolute, out var url))
            {
                // A page read before is read again whether or not a source listed it tonight (an unchanged sitemap is not read).
                ReadAgain += again ? 1 : 0;
                _fresh.TryAdd(key, new Listing(url, entry.Date, entry.Title, entry.Via));
            }
        }

        var ordered = _fresh.Values
            .Select(listing => new Candidate(listing, likeness.Of(listing), ledger.Pages.GetValueOrDefault(SiteUrls.Key(listing.Url))))
            .OrderByDescending(c => c.Likeness)
            .ThenByDescending(c => c.Listing.Date ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Listing.Url.AbsoluteUri, StringComparer.Ordinal)
            .ToList();
        var tonight = ordered.Take(Math.Max(0, cap)).ToList();
        var waiting = ordered.Skip(tonight.Count).ToList();
        var found = ledger.Pages.Values.Where(e => e.Status == LedgerStatus.Found && !listed.Contains(SiteUrls.Key(e.Url))).OrderBy(e => e.FoundAt).ThenBy(e => e.Url, StringComparer.Ordinal).ToList();
        return new Selection(tonight, waiting, found);
    }

    private bool MayCarryLateOriginal(LedgerEntry entry) => ReadAgainFrom is { } from && (entry.Date is null || entry.Date >= from);

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>A page to fetch tonight, how much its title looks like an original's, and what the ledger knew of it.</summary>
public sealed record Candidate(Listing Listing, double Likeness, LedgerEntry? Before);

/// <summary>A site's night: the candidates to fetch (best first), those that wait for the next nights, and the republications found before, checked again.</summary>
public sealed record Selection(IReadOnlyList<Candidate> Tonight, IReadOnlyList<Candidate> Waiting, IReadOnlyList<LedgerEntry> Found);
