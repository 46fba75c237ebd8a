namespace Syndication.Verdicts;

/// <summary>The words for what changed since the last complete run (README "The nightly job").</summary>
public static class Changes
{
    /// <summary>A violation not seen (confirmed) in the last complete run.</summary>
    public const string New = "new";

    /// <summary>A violation that was already there in the last complete run.</summary>
    public const string Persisting = "persisting";

    /// <summary>A violation of the last complete run that is gone.</summary>
    public const string Fixed = "fixed";

    /// <summary>Nothing to report: still fine, not checkable this time, or a violation not yet confirmed.</summary>
    public const string Same = "same";
}
