namespace Syndication.Matching;

/// <summary>The result of matching: a republished original, or none with the reason (for not-applicable pages).</summary>
public sealed record MatchOutcome(OriginalMatch? Match, string Reason);
