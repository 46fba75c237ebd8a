using Serilog;
using Syndication.Fetching;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Pipeline;

/// <summary>
/// Puts the engine together from what the user named: the profile, the originals, the reporters and a fetcher.
/// Throws <see cref="ProfileException"/> or <see cref="OriginalsException"/> for configuration the run cannot start without.
/// </summary>
public static class Engine
{
    public static async Task<CheckSettings> SettingsAsync(
        string? profile,
        IReadOnlyList<string> originals,
        IReadOnlyList<string> reporters,
        IPageFetcher fetcher,
        ILogger log,
        CancellationToken cancellationToken)
    {
        var licence = profile is null ? ProfileLoader.BuiltIn : ProfileLoader.Load(profile);
        var loaded = await new OriginalsLoader(fetcher).LoadAsync(originals, cancellationToken);
        log.Information("Loaded {Count} original(s) from {Sources}; licence profile {Profile}", loaded.Count, originals.Count, licence.Id);
        foreach (var original in loaded.Where(o => o.Reporters.Count == 0))
        {
            log.Warning("The original \"{Title}\" names no reporter; its byline is for review unless --reporter is given", original.Title);
        }

        var catalogue = new OriginalCatalogue(loaded, licence);
        var names = reporters.Select(r => new PersonName(r)).Where(r => r.Words.Count > 0).ToList();
        if (catalogue.Count == 0 && names.Count == 0)
        {
            log.Warning("No originals and no --reporter given: every page will be not-applicable");
        }

        return new CheckSettings(licence, catalogue, names);
    }

    /// <summary>A fetcher for files and the web with the given limits; dispose it when the run ends.</summary>
    public static AddressRouter CreateFetcher(FetchOptions options, TimeProvider time) =>
        new(new FileFetcher(options, time), new HttpFetcher(options, time));
}
