namespace Syndication.Pipeline;

/// <summary>Sees each page's result as it is ready (progress display, history). Called from worker threads, one result at a time.</summary>
public interface IRunObserver
{
    void OnStarted(int pages);

    void OnResult(int index, PageResult result, VerdictCounts soFar);
}
