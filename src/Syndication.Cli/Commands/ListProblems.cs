using Serilog;
using Syndication.Partners;
using Syndication.Pipeline;

namespace Syndication.Cli.Commands;

/// <summary>
/// The entries of a partner list that were refused (a page without its scheme, a bad field): each is said once, before
/// the run, with its file and line; the rest of the list is audited; and the run ends with exit code 3, so a nightly
/// job does not pass with a broken list, nor skips 999 good pages for one bad one.
/// </summary>
public static class ListProblems
{
    private const int Named = 50;

    public static void Warn(PartnerList list, ILogger log)
    {
        foreach (var problem in list.Refused.Take(Named))
        {
            log.Error("{Problem}: entry refused; the rest of the list is audited", problem);
        }

        if (list.Refused.Count > Named)
        {
            log.Error("{Count} more entries of {List} refused", list.Refused.Count - Named, list.Source);
        }
    }

    /// <summary>The run's exit code, or 3 when the list had refused entries (a stopped run still says 4).</summary>
    public static int ExitCode(PartnerList list, int code, ILogger log)
    {
        if (list.Refused.Count == 0 || code is ExitCodes.Interrupted or ExitCodes.Usage)
        {
            return code;
        }

        log.Error(
            "{Count} entr(ies) of {List} refused (listed above, first: {First}); every other page was checked. Exit code 3 until the list is fixed{Otherwise}",
            list.Refused.Count, list.Source, list.Refused[0], code == ExitCodes.Ok ? string.Empty : $" (the pages alone would exit {code})");
        return ExitCodes.Usage;
    }
}
