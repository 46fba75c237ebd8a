using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Discovery;

/// <summary>
/// One site's discovery in one run: what its sources gave, the candidates chosen, then what each checked page turned
/// out to be; at the end, the ledger's update and the report's account. Sources are read by one task per site;
/// results are sorted by the run's one recorder.
/// </summary>
public sealed class SiteNight(DiscoverySite site, SiteLedger ledger, DateTimeOffset now)
{
    /// <summary>Fetch failures that say nothing lasting about the page: tried again on the next nights, up to <see cref="MaxAttempts"/>.</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        ErrorKinds.Timeout, ErrorKinds.RateLimited, ErrorKinds.Connection, ErrorKinds.Dns, ErrorKinds.Tls, ErrorKinds.Internal, ErrorKinds.Redirects,
    };

    /// <summary>Kinds that are no attempt at all: the run ran out of time or was stopped before the page.</summary>
    private static readonly HashSet<string> NotTried = new(StringComparer.Ordinal) { ErrorKinds.Budget, ErrorKinds.Interrupted };

    public const int MaxAttempts = 3;

    private readonly List<string> _problems = [];
    private readonly List<LedgerEntry> _updates = [];
    private readonly List<FoundPage> _found = [];
    private readonly List<(string Url, PageError Error)> _unreadable = [];
    private readonly List<(string Url, PageError Error)> _unchecked = [];

    public DiscoverySite Site { get; } = site;

    public SiteLedger Ledger { get; } = ledger;

    public DateTimeOffset Now { get; } = now;

    public int SourcesRead { get; set; }

    public int SourcesUnchanged { get; set; }

    public Selection? Selection { get; set; }

    public int Candidates { get; set; }

    public int Listed { get; set; }

    /// <summary>Whether the site's sources were read tonight (not with --no-discovery, nor when the budget cut the search short).</summary>
    public bool Searched { get; set; }

    private readonly Dictionary<string, DateTimeOffset> _sitemaps = new(StringComparer.Ordinal);

    /// <summary>A sitemap of an index read to its end tonight, with the lastmod its index gave: not fetched again until that changes.</summary>
    public void SitemapRead(string url, DateTimeOffset lastmod) => _sitemaps[url] = lastmod;

    /// <summary>A source that could not be read (in full): one line naming the site, the source and why.</summary>
    public void Problem(string what, string url, string why) => Problem($"{what} {url}: {why}");

    /// <summary>A line that already names the source ("sitemap URL: why"), prefixed with the site's name.</summary>
    public void Problem(string line)
    {
        lock (_problems)
        {
            // One line whatever a server or an exception put in it.
            _problems.Add($"{Site.Name}: {line}".ReplaceLineEndings(" "));
        }
    }

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>
    /// What a checked candidate turned out to be. A page that republishes an original is found (returns its entry);
    /// one that does not, or cannot be read for good (gone, not HTML, robots), is examined; a passing failure leaves
    /// it pending for the next nights, up to <see cref="MaxAttempts"/>. A listed URL that redirects off the site (to
    /// the licensor's own article, say) is not the site's page, whatever it carries.
    /// </summary>
    public LedgerEntry Examined(DiscoveredPage page, PageResult result)
    {
        var listing = page.Listing;
        var entry = new LedgerEntry
        {
            Url = listing.Url.AbsoluteUri,
            Date = listing.Date,
            Title = listing.Title,
            Via = listing.Via,
            Status = LedgerStatus.Examined,
            Attempts = page.Before?.Attempts ?? 0,
        };
        var offSite = result.Fetch?.FinalUrl is { } final && Uri.TryCreate(final, UriKind.Absolute, out var landed) && !Partners.SiteUrls.OnSite(landed, Site.Url);
        if (result.Original is { } original && result.Verdict != PageVerdict.Error && !offSite)
        {
            entry = entry with { Status = LedgerStatus.Found, FoundAt = Now, OriginalTitle = original.Title, OriginalUrl = original.Url, Attempts = 0 };
            _found.Add(new FoundPage(result.Url, original.Title, original.Url, listing.Via, result.Verdict));
        }
        else if (result.Error is { } error && NotTried.Contains(error.Kind))
        {
            entry = entry with { Status = LedgerStatus.Pending };
        }
        else if (result.Error is { } failed && IsTransient(failed) && entry.Attempts + 1 < MaxAttempts)
        {
            entry = entry with { Status = LedgerStatus.Pending, Attempts = entry.Attempts + 1 };
        }
        else if (result.Error is { } lost)
        {
            // Not reported as a page (it is not known to be the partner's republication), but not dropped without a word.
            _unreadable.Add((result.Url, lost));
        }

        _updates.Add(entry);
        return entry;
    }

    /// <summary>A watched site's republication found on an earlier night that could not be checked tonight: not reported as one tonight, tried again tomorrow.</summary>
    public void NotChecked(string url, PageError error) => _unchecked.Add((url, error));

    /// <summary>A republication found on an earlier night that no longer carries any original (a watched site took its copy down): no longer checked.</summary>
    public void Gone(DiscoveredPage page) =>
        _updates.Add(page.Before! with { Status = LedgerStatus.Examined });

    /// <summary>The night's changes for the ledger: tonight's pages, and new candidates left waiting (unchanged waiting ones need no write).</summary>
    public LedgerUpdate Update(DateTimeOffset? windowFrom)
    {
        var pages = new List<LedgerEntry>(_updates);
        foreach (var waiting in Selection?.Waiting ?? [])
        {
            var listing = waiting.Listing;
            var entry = new LedgerEntry { Url = listing.Url.AbsoluteUri, Date = listing.Date, Title = listing.Title, Via = listing.Via, Status = LedgerStatus.Pending, Attempts = waiting.Before?.Attempts ?? 0 };
            if (waiting.Before is not { Status: LedgerStatus.Pending } before || before.Date != entry.Date || before.Title != entry.Title)
            {
                pages.Add(entry);
            }
        }

        return new LedgerUpdate(Now, windowFrom, pages, _sitemaps) { Searched = Searched };
    }

    /// <summary>The report's account of the site's night.</summary>
    public SiteDiscovery Report() => new()
    {
        Name = Site.Name,
        Site = Site.Url.AbsoluteUri,
        Watched = Site.Watched,
        SourcesRead = SourcesRead,
        SourcesUnchanged = SourcesUnchanged,
        Listed = Listed,
        Candidates = Candidates,
        Fetched = Selection?.Tonight.Count ?? 0,
        Waiting = (Selection?.Waiting.Count ?? 0) + _updates.Count(u => u.Status == LedgerStatus.Pending),
        KnownRepublications = Selection?.Found.Count ?? 0,
        NewlyFound = [.. _found],
        Problems = [.. Problems, .. PagesNotChecked()],
    };

    /// <summary>
    /// A line for the candidates that could not be checked and will not be tried again (gone, not HTML, disallowed,
    /// too large, or failing three nights running), and one for a watched site's known republications that could not
    /// be checked tonight: how many, of which kinds, and the first with its reason. Known once the pages are done.
    /// </summary>
    public IEnumerable<string> PagesNotChecked()
    {
        if (Line(_unreadable, "candidate page(s) could not be checked and are not tried again") is { } unreadable)
        {
            yield return unreadable;
        }

        if (Line(_unchecked, "unlicensed republication(s) found before could not be checked tonight (tried again tomorrow)") is { } known)
        {
            yield return known;
        }
    }

    private string? Line(List<(string Url, PageError Error)> pages, string what)
    {
        if (pages.Count == 0)
        {
            return null;
        }

        var kinds = string.Join(", ", pages.GroupBy(u => u.Error.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var (url, error) = pages[0];
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Site.Name}: {pages.Count} {what}: {kinds}; first: {Text.TextShortening.End(url, 120)}: {Text.TextShortening.End(error.Message, 160)}").ReplaceLineEndings(" ");
    }

    private static bool IsTransient(PageError error) =>
        Transient.Contains(error.Kind) || (error.Kind == ErrorKinds.HttpStatus
            && (!error.Message.StartsWith("HTTP 4", StringComparison.Ordinal) || error.Message.StartsWith("HTTP 408", StringComparison.Ordinal)));
}
