using Syndication.Matching;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Pipeline;

/// <summary>What the engine checks pages against: the licence profile, the originals, and reporters named by hand.</summary>
public sealed record CheckSettings(LicenceProfile Profile, OriginalCatalogue Catalogue, IReadOnlyList<PersonName> Reporters);
