namespace Syndication.Partners;

/// <summary>One page of a partner: a URL or a file path (already resolved), and optionally which original it republishes (URL or title).</summary>
public sealed record PartnerPage(string Location, string? Original = null);
