namespace Syndication.Checks;

/// <summary>A licensor name (or a name that must not count for it) found in a text.</summary>
public readonly record struct OrganisationMention(int Start, int End, bool IsLicensor, string Name);
