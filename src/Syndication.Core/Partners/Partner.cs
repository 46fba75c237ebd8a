namespace Syndication.Partners;

/// <summary>A publisher that holds the licence, and the pages of it to check.</summary>
public sealed record Partner(string Name, string? Contact, string? Notes, bool IgnoreRobots, IReadOnlyList<PartnerPage> Pages);
