namespace Syndication.Verdicts;

/// <summary>The finding for one requirement on one page: a small immutable value that reporters group and format.</summary>
public sealed record RequirementOutcome(string Id, Outcome Status, string Message, IReadOnlyList<Evidence> Evidence)
{
    public static RequirementOutcome Pass(string id, string message, params Evidence[] evidence) => new(id, Outcome.Pass, message, evidence);

    public static RequirementOutcome Fail(string id, string message, params Evidence[] evidence) => new(id, Outcome.Fail, message, evidence);

    public static RequirementOutcome Review(string id, string message, params Evidence[] evidence) => new(id, Outcome.Review, message, evidence);
}
