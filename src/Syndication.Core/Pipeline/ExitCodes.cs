using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>The process exit codes (README "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Every page compliant or not applicable (needs-review pages included: they are not failures).</summary>
    public const int Ok = 0;

    /// <summary>At least one page non-compliant (with history: as --fail-on says).</summary>
    public const int NonCompliant = 1;

    /// <summary>No page non-compliant, but at least one could not be checked.</summary>
    public const int Errors = 2;

    /// <summary>Usage or configuration error: bad option, unreadable originals, partner list or history; a report not written.</summary>
    public const int Usage = 3;

    /// <summary>The run was stopped (Ctrl+C, SIGTERM): pages in flight were finished, reports written and marked incomplete.</summary>
    public const int Interrupted = 4;

    public static int For(VerdictCounts counts) =>
        counts.NonCompliant > 0 ? NonCompliant : counts.Errors > 0 ? Errors : Ok;

    /// <summary>
    /// The exit code of a run under a fail-on policy. Waived findings never fail a run; with --fail-on new only
    /// confirmed violations that are new since the last complete run do (without history every violation is new),
    /// and violations whose waiver has run out: the expiry is news someone must act on (renew it or chase the partner).
    /// An unlicensed republication on a watched site is a violation too: new when first found tonight.
    /// </summary>
    public static int For(RunSummary summary, FailOn failOn)
    {
        if (failOn != FailOn.Never && summary.Unlicensed.Any(u => u.New || failOn == FailOn.Any))
        {
            return NonCompliant;
        }

        // Only a run with an unwaived violation reads its pages back (a spooled run keeps them on disk), and only up
        // to the first one that fails the run.
        if (failOn != FailOn.Never && summary.Gists.Any(g => g.Verdict == PageVerdict.NonCompliant && !g.Waived))
        {
            if (failOn == FailOn.Any)
            {
                // Any unwaived violation fails the run: the gists settle it without reading a page.
                return NonCompliant;
            }

            foreach (var page in summary.Pages)
            {
                if (page.Verdict != PageVerdict.NonCompliant || page.Waived)
                {
                    continue;
                }

                if (page.Change is null or Changes.New || HasNewRequirement(page) || HasExpiredWaiver(page))
                {
                    return NonCompliant;
                }
            }
        }

        return summary.Counts.Errors > 0 ? Errors : Ok;
    }

    /// <summary>A page that was already failing but fails a new requirement now has a new violation too.</summary>
    private static bool HasNewRequirement(PageResult page) =>
        page.Requirements.Any(r => r.Status == Outcome.Fail && !r.IsWaived && r.Change == Changes.New);

    private static bool HasExpiredWaiver(PageResult page) =>
        page.Requirements.Any(r => r.Status == Outcome.Fail && r.Waiver is { Expired: true });
}
