namespace Syndication.Resources;

/// <summary>
/// A check's request for something the page's markup only points to. <see cref="Source"/> is the reference as the
/// page writes it (a relative URL, a lazy-loading attribute's value); the runner resolves it against the page.
/// Requests are given most likely first: the runner fetches in that order, up to its cap per page.
/// </summary>
public sealed record ResourceRequest(ResourceKind Kind, string Source, string Why)
{
    /// <summary>
    /// Whether the image is compared with the profile's reference logos (so fetched only when the profile has some);
    /// false for an image compared with others the check names (a republication's photo with the original's).
    /// </summary>
    public bool AgainstReferenceLogos { get; init; } = true;
}
