using Serilog;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Discovery;

/// <summary>
/// Sorts the results of discovered pages as the run records them. A candidate that republishes an original joins its
/// partner's pages ("found on DATE via SOURCE") and is checked every night after; one that does not is set aside and
/// remembered as read. A republication on a watched site is set aside as unlicensed. Pages listed by hand pass as they are.
/// </summary>
public sealed class DiscoveryGate(IReadOnlyDictionary<string, SiteNight> nights, ILogger log) : IResultGate
{
    private readonly List<UnlicensedPage> _unlicensed = [];

    /// <summary>The watched sites' republications checked so far, in the order they were recorded.</summary>
    public IReadOnlyList<UnlicensedPage> Unlicensed => _unlicensed;

    public PageResult? Admit(PageTarget target, PageResult result)
    {
        if (target.Discovered is not { } page || !nights.TryGetValue(page.SiteKey, out var night))
        {
            return result;
        }

        if (page.IsCandidate)
        {
            var entry = night.Examined(page, result);
            if (entry.Status != LedgerStatus.Found)
            {
                return null;
            }

            log.Information("{Site}: found {Page}, which republishes \"{Original}\" (via {Via})", night.Site.Name, result.Url, entry.OriginalTitle, page.Listing.Via);
            return Keep(night, page, result, entry.FoundAt!.Value, isNew: true);
        }

        var foundAt = page.Before!.FoundAt ?? night.Now;
        if (night.Site.Watched && result.Verdict != PageVerdict.Error && result.Original is null)
        {
            log.Information("{Site}: {Page} no longer republishes an original; it is no longer checked", night.Site.Name, result.Url);
            night.Gone(page);
            return null;
        }

        return Keep(night, page, result, foundAt, isNew: false);
    }

    private PageResult? Keep(SiteNight night, DiscoveredPage page, PageResult result, DateTimeOffset foundAt, bool isNew)
    {
        var note = new FoundNote(foundAt, page.Before?.Via ?? page.Listing.Via, isNew);
        if (!night.Site.Watched)
        {
            return result with { Found = note };
        }

        // A watched site's page that could not be read tonight is not reported as a republication, but the site's
        // account says so: it is checked again tomorrow.
        if (result.Original is { } original)
        {
            _unlicensed.Add(new UnlicensedPage(night.Site.Name, result.Url, original, note) { Fetch = result.Fetch });
        }
        else if (result.Error is { } error)
        {
            night.NotChecked(result.Url, error);
        }

        return null;
    }
}
