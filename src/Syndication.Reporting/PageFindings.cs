using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>One-line reasons for a page's verdict, shared by the formats that summarise (JUnit, Markdown, annotations).</summary>
public static class PageFindings
{
    /// <summary>"logo: fail: no visible logo; byline: review: ..." for the requirements that did not pass, or the error or note.</summary>
    public static string Reasons(PageResult page)
    {
        if (page.Error is { } error)
        {
            return $"{TerminalText.Safe(error.Kind)}: {TerminalText.Safe(error.Message)}";
        }

        var failing = page.Requirements.Where(r => r.Status != Outcome.Pass)
            .Select(r => $"{TerminalText.Safe(r.Id)}: {VerdictNames.Of(r.Status)}: {TerminalText.Safe(r.Message)}")
            .ToList();
        return failing.Count > 0 ? string.Join("; ", failing) : TerminalText.Safe(page.Note);
    }
}
