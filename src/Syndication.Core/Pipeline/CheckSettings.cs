using Syndication.Matching;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Pipeline;

/// <summary>What the engine checks pages against: the licence profile, the originals, and reporters named by hand.</summary>
public sealed record CheckSettings(LicenceProfile Profile, OriginalCatalogue Catalogue, IReadOnlyList<PersonName> Reporters)
{
    /// <summary>The run's clock: requirements that depend on today (a time window) read it, never the machine's.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
