using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>One-line reasons for a page's verdict, shared by the formats that summarise (JUnit, Markdown, annotations).</summary>
public static class PageFindings
{
    /// <summary>"logo: fail (new): no visible logo; byline: review: ..." for the requirements that did not pass, or the error or note.</summary>
    public static string Reasons(PageResult page)
    {
        if (page.Error is { } error)
        {
            return $"{TerminalText.Safe(error.Kind)}: {TerminalText.Safe(error.Message)}";
        }

        var failing = page.Requirements.Where(r => r.Status != Outcome.Pass)
            .Select(r => $"{TerminalText.Safe(r.Id)}: {VerdictNames.Of(r.Status)}{Suffix(r)}: {TerminalText.Safe(r.Message)}")
            .ToList();
        return failing.Count > 0 ? string.Join("; ", failing) : TerminalText.Safe(page.Note);
    }

    /// <summary>What changed for the page since the last complete run: "new", "persisting since 2026-11-21 (4 runs)", "fixed"; empty without history.</summary>
    public static string Change(PageResult page) => ChangeText(page.Change, page.Since, page.Streak, page.Confirmed);

    /// <summary>The change in one word, for a line with little room: "new", "persisting", "fixed", "unconfirmed"; empty when none.</summary>
    public static string ChangeWord(PageResult page) => page.Change switch
    {
        null => string.Empty,
        Changes.Same when page.Confirmed == false => "unconfirmed",
        Changes.Same => string.Empty,
        var change => change,
    };

    /// <summary>" (new)", " (persisting since …)", " [waived until …]" after a requirement's status; empty when there is nothing to say.</summary>
    public static string Suffix(RequirementOutcome requirement)
    {
        var change = requirement.Status == Outcome.Fail ? ChangeText(requirement.Change, requirement.Since, requirement.Streak, null) : string.Empty;
        var waiver = Waiver(requirement.Waiver);
        return (change.Length > 0 ? $" ({change})" : string.Empty) + (waiver.Length > 0 ? $" [{waiver}]" : string.Empty);
    }

    /// <summary>"waived until 2027-01-31 by X: reason", or "waiver expired on 2026-10-01 (X: reason)".</summary>
    public static string Waiver(WaiverNote? waiver) => waiver switch
    {
        null => string.Empty,
        { Expired: false } => $"waived until {ReportFormatting.Day(waiver.Expires)} by {TerminalText.Safe(waiver.AgreedBy)}: {TerminalText.Safe(waiver.Reason)}",
        _ => $"waiver expired on {ReportFormatting.Day(waiver.Expires)} ({TerminalText.Safe(waiver.AgreedBy)}: {TerminalText.Safe(waiver.Reason)})",
    };

    private static string ChangeText(string? change, DateTimeOffset? since, int? streak, bool? confirmed) => change switch
    {
        null => string.Empty,
        Changes.Persisting when since is { } at => $"persisting since {ReportFormatting.Day(at)}" + (streak is { } runs ? $", {ReportFormatting.Number(runs)} runs" : string.Empty),
        Changes.Same when confirmed == false => "not yet confirmed" + (streak is { } seen ? $", seen in {ReportFormatting.Number(seen)} run(s)" : string.Empty),
        Changes.Same => string.Empty,
        _ => change,
    };
}
