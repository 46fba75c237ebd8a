namespace Syndication.Pipeline;

/// <summary>One partner's pages in a run: its name and how many pages got each verdict.</summary>
public sealed record PartnerSummary(string Name, VerdictCounts Counts);
