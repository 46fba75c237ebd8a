using AngleSharp.Dom;

namespace Syndication.Requirements.Logo;

/// <summary>An image-like element, what names it (alt, title, caption, file name) and whose logo it appears to be.</summary>
public sealed record LogoCandidate(
    IElement Element,
    IElement Placement,
    IReadOnlyList<string> Sources,
    string Label,
    LogoIdentity Identity,
    string Why);

public enum LogoIdentity
{
    /// <summary>Named as the licensor's logo by its label, file name or URL.</summary>
    Licensor,

    /// <summary>Signals both for the licensor and for another organisation.</summary>
    Conflicting,

    /// <summary>Only a class or id names the licensor's logo; the image itself comes from a stylesheet.</summary>
    ClassOnly,

    /// <summary>An unlabelled image that links to the licensor's site.</summary>
    LinksToLicensor,

    /// <summary>Another organisation's logo (e.g. The Daily Caller's).</summary>
    Other,
}
