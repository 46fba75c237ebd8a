namespace Syndication.Pipeline;

/// <summary>
/// A page on a watched site (no licence at all) that republishes an original: which site, which original, and when
/// and where it was found (<see cref="FoundNote.New"/> when tonight).
/// </summary>
public sealed record UnlicensedPage(string Site, string Url, OriginalInfo Original, FoundNote Found)
{
    /// <summary>Facts of tonight's fetch (status, final URL, hash), as for a partner's page.</summary>
    public FetchFacts? Fetch { get; init; }

    public bool New => Found.New;
}
