using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>
/// What changed since the last complete run, for a page or one of its requirements. A violation is "new" on the run
/// where it has been seen N runs in a row (--confirm-after N, default 1), "persisting" after, "fixed" when a
/// confirmed violation is gone; a page that could not be checked is neither fixed nor new.
/// </summary>
public static class ChangeRules
{
    /// <summary>The state a run leaves behind for the next: the verdict or status, since when, for how many runs in a row.</summary>
    public sealed record State(string Value, DateTimeOffset Since, int Streak)
    {
        /// <summary>Was it a violation: a non-compliant page or a failed requirement?</summary>
        public bool Bad => Value == VerdictNames.Of(PageVerdict.NonCompliant) || Value == VerdictNames.Of(Outcome.Fail);
    }

    public sealed record Result(string Change, DateTimeOffset? Since, int Streak, bool Confirmed);

    /// <param name="previous">The state after the last complete run, or null when the page is new to the history.</param>
    /// <param name="bad">Is it a violation now?</param>
    /// <param name="value">The current verdict or status, to tell when a good state began.</param>
    /// <param name="checkable">False when the page could not be checked this run (an error).</param>
    public static Result Decide(State? previous, bool bad, string value, bool checkable, DateTimeOffset runTime, int confirmAfter)
    {
        if (!checkable)
        {
            return new Result(Changes.Same, previous?.Since, previous?.Streak ?? 0, previous is { Bad: true } p && p.Streak >= confirmAfter);
        }

        var wasBad = previous is { Bad: true };
        if (bad)
        {
            var streak = wasBad ? previous!.Streak + 1 : 1;
            var since = wasBad ? previous!.Since : runTime;
            var change = streak == confirmAfter ? Changes.New : streak > confirmAfter ? Changes.Persisting : Changes.Same;
            return new Result(change, since, streak, streak >= confirmAfter);
        }

        var fixedNow = wasBad && previous!.Streak >= confirmAfter;
        var goodSince = previous is not null && !previous.Bad && previous.Value == value ? previous.Since : runTime;
        return new Result(fixedNow ? Changes.Fixed : Changes.Same, goodSince, 0, true);
    }
}
