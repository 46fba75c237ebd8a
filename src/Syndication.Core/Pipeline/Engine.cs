using System.Diagnostics;
using Serilog;
using Syndication.Catalogue;
using Syndication.Fetching;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Pipeline;

/// <summary>
/// Puts the engine together from what the user named: the profile, the originals, the reporters, the catalogue and
/// a fetcher. Throws <see cref="ProfileException"/>, <see cref="OriginalsException"/> or <see cref="CatalogueException"/>
/// for configuration the run cannot start without.
/// </summary>
public static class Engine
{
    /// <param name="catalogue">The persistent catalogue: the originals read now are added to it, and pages are matched against all it holds. Null: only the originals read now.</param>
    /// <param name="requireOriginals">An audit: no original at all to match against is a configuration error, not a run where every page is not applicable.</param>
    public static async Task<CheckSettings> SettingsAsync(
        string? profile,
        IReadOnlyList<string> originals,
        IReadOnlyList<string> reporters,
        IPageFetcher fetcher,
        ILogger log,
        CancellationToken cancellationToken,
        CatalogueStore? catalogue = null,
        bool requireOriginals = false,
        TimeProvider? time = null)
    {
        var licence = profile is null ? ProfileLoader.BuiltIn : ProfileLoader.Load(profile);
        var kept = catalogue?.Count(licence.Id) ?? 0;
        var loaded = await LoadAsync(originals, fetcher, kept, catalogue, log, cancellationToken);
        log.Information("Loaded {Count} original(s) from {Sources}; licence profile {Profile}", loaded.Count, originals.Count, licence.Id);
        foreach (var original in loaded.Where(o => o.Reporters.Count == 0))
        {
            log.Warning("The original \"{Title}\" names no reporter; its byline is for review unless --reporter is given", original.Title);
        }

        OriginalCatalogue index;
        if (catalogue is not null)
        {
            var added = catalogue.Upsert(loaded, licence.Id, (time ?? TimeProvider.System).GetUtcNow());
            foreach (var (title, changes) in added.Edits)
            {
                log.Information("The licensor edited \"{Title}\" ({Changes}); the catalogue keeps the new revision", title, changes);
            }

            var started = Stopwatch.GetTimestamp();
            index = catalogue.Index(licence);
            log.Information(
                "Catalogue {Path}: {Count} original(s) of {Licensor} ({Added} new, {Updated} edited from this run's sources); index {Megabytes:0.0} MB in {Seconds:0.00} s",
                catalogue.Path, index.Count, licence.Id, added.Added, added.Updated, index.IndexBytes / 1048576.0, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        else
        {
            index = new OriginalCatalogue(loaded, licence);
        }

        var names = reporters.Select(r => new PersonName(r)).Where(r => r.Words.Count > 0).ToList();
        if (index.Count == 0 && names.Count == 0)
        {
            if (requireOriginals)
            {
                throw new CatalogueException(catalogue is null
                    ? "no originals to match pages against: name the licensor's feed in settings.originals or --originals"
                    : $"no originals to match pages against: the catalogue {catalogue.Path} holds none for {licence.Id} and no originals are named; run 'syndication originals sync' or name the licensor's feed in settings.originals");
            }

            log.Warning("No originals and no --reporter given: every page will be not-applicable");
        }

        return new CheckSettings(licence, index, names) { Clock = time ?? TimeProvider.System };
    }

    /// <summary>A fetcher for files and the web with the given limits; dispose it when the run ends.</summary>
    public static AddressRouter CreateFetcher(FetchOptions options, TimeProvider time) =>
        new(new FileFetcher(options, time), new HttpFetcher(options, time));

    /// <summary>
    /// Reads each source. A web source that fails while the catalogue already holds originals is a warning, not the
    /// end of the run: the licensor's site being down one night must not stop the nightly audit. A local source
    /// that fails (a typo in a path) always stops it.
    /// </summary>
    private static async Task<List<Original>> LoadAsync(IReadOnlyList<string> sources, IPageFetcher fetcher, int kept, CatalogueStore? catalogue, ILogger log, CancellationToken cancellationToken)
    {
        var loader = new OriginalsLoader(fetcher);
        var originals = new List<Original>();
        foreach (var source in sources)
        {
            try
            {
                originals.AddRange(await loader.LoadAsync(source, cancellationToken));
            }
            catch (OriginalsException e) when (kept > 0 && IsWeb(source))
            {
                log.Warning("{Problem}; matching against the {Count} original(s) the catalogue {Path} already holds", e.Message, kept, catalogue!.Path);
            }
        }

        return originals;
    }

    private static bool IsWeb(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
