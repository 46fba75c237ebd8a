namespace Syndication.Pipeline;

/// <summary>A page discovery found: when it was first found, in which sitemap or feed, and whether that was tonight.</summary>
public sealed record FoundNote(DateTimeOffset On, string Via, bool New);
