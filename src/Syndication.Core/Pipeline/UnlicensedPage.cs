namespace Syndication.Pipeline;

/// <summary>
/// A page on a watched site (no licence at all) that republishes an original: which site, which original, since when
/// it is known and where it was listed; <see cref="New"/> when it was found tonight.
/// </summary>
public sealed record UnlicensedPage(string Site, string Url, OriginalInfo Original, DateTimeOffset FoundOn, string Via, bool New)
{
    /// <summary>Facts of tonight's fetch (status, final URL, hash), as for a partner's page.</summary>
    public FetchFacts? Fetch { get; init; }
}
