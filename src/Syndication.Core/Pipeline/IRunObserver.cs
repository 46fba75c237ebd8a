namespace Syndication.Pipeline;

/// <summary>
/// Sees each page's result as it is ready (progress display). Called by the run's one recorder, one result at a time,
/// in the order results are handed in; a discovered candidate that is set aside is seen too, with the counts unchanged.
/// </summary>
public interface IRunObserver
{
    void OnStarted(int pages);

    void OnResult(int index, PageResult result, VerdictCounts soFar);
}
