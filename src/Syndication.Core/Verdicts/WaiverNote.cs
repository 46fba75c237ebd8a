namespace Syndication.Verdicts;

/// <summary>An agreed exception as a report shows it: why, who agreed, until when, and whether it has run out.</summary>
public sealed record WaiverNote(string Reason, string AgreedBy, DateOnly Expires, bool Expired);
