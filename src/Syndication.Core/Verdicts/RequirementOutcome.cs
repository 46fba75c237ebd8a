namespace Syndication.Verdicts;

/// <summary>The finding for one requirement on one page: a small immutable value that reporters group and format.</summary>
public sealed record RequirementOutcome(string Id, Outcome Status, string Message, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Since the last complete run: "new", "persisting", "fixed" or "same"; null without history.</summary>
    public string? Change { get; init; }

    /// <summary>When the current state of this requirement began (the first run of a failing streak).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>For a failure: in how many checked runs in a row it has been seen (this one included).</summary>
    public int? Streak { get; init; }

    /// <summary>The waiver that covers this finding, if the partner list has one (expired ones are shown, not applied).</summary>
    public WaiverNote? Waiver { get; init; }

    /// <summary>A failure covered by a waiver in force: reported, but not counted against the partner.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsWaived => Status == Outcome.Fail && Waiver is { Expired: false };

    public static RequirementOutcome Pass(string id, string message, params Evidence[] evidence) => new(id, Outcome.Pass, message, evidence);

    public static RequirementOutcome Fail(string id, string message, params Evidence[] evidence) => new(id, Outcome.Fail, message, evidence);

    public static RequirementOutcome Review(string id, string message, params Evidence[] evidence) => new(id, Outcome.Review, message, evidence);
}
