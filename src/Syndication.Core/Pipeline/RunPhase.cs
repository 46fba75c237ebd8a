namespace Syndication.Pipeline;

/// <summary>
/// The boundaries between the phases of an audit or merge, in the order a run crosses them. A run is complete only
/// once its reports are written, so whatever boundary a kill lands on, the next run still compares with the last run
/// that was reported. The names let a test stop the real process exactly there: with SYNDICATION_PAUSE_AT=NAME the
/// process says so on stderr and waits to be killed (a fail point, as in FreeBSD's fail(9) or etcd's gofail).
/// </summary>
public static class RunPhase
{
    /// <summary>The partner list and every option are read; nothing is written yet.</summary>
    public const string ListRead = "list-read";

    /// <summary>Half the pages are checked and recorded (the history's last batch may not be committed).</summary>
    public const string MidRun = "mid-run";

    /// <summary>Every page is checked; the history's last batch and the run's counts are not committed yet.</summary>
    public const string PagesDone = "pages-done";

    /// <summary>Every page and the run's counts are committed (status checked); no report is written yet.</summary>
    public const string HistoryCommitted = "history-committed";

    /// <summary>The first of several reports is written.</summary>
    public const string MidReport = "mid-report";

    /// <summary>Every report is written; the run is not marked complete yet.</summary>
    public const string ReportsWritten = "reports-written";

    public const string Variable = "SYNDICATION_PAUSE_AT";

    private static readonly string? PauseAt = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Marks a boundary: a no-op unless SYNDICATION_PAUSE_AT names it.</summary>
    public static void Reached(string phase)
    {
        if (PauseAt is null || !string.Equals(PauseAt, phase, StringComparison.Ordinal))
        {
            return;
        }

        Console.Error.WriteLine($"syndication: paused at {phase} ({Variable})");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
