using System.Threading.Channels;
using Serilog;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// Checks many pages: a fixed number of workers take pages spread across hosts (per-host limit), results are
/// spooled to disk as they finish and handed to observers. The run has an optional budget, after which unfinished
/// pages are reported as not checked; a stop request (Ctrl+C) lets pages in flight finish and checks no more.
/// Every page ends with a result.
/// </summary>
public sealed class AuditRun(PageChecker checker, TimeProvider time, ILogger log)
{
    public sealed record Options(int Concurrency = 16, int PerHost = 2, TimeSpan? Budget = null, string? SpoolDirectory = null)
    {
        /// <summary>Steps each result passes through, in order, before it is kept (waivers, history).</summary>
        public IReadOnlyList<IResultStage> Stages { get; init; } = [];

        /// <summary>Each target's position in the whole list (shards keep the global order); default: its index.</summary>
        public IReadOnlyList<int>? Positions { get; init; }

        /// <summary>What is left of <see cref="Budget"/> when the pages start (discovery came first); default: all of it.</summary>
        public TimeSpan? BudgetLeft { get; init; }

        /// <summary>Decides, before the stages, which results are reported as pages (discovery); null: all of them.</summary>
        public IResultGate? Gate { get; init; }
    }

    public async Task<RunSummary> RunAsync(IReadOnlyList<PageTarget> targets, Options options, IRunObserver? observer, CancellationToken stop)
    {
        var started = time.GetUtcNow();
        using var budget = new CancellationTokenSource();
        if ((options.BudgetLeft ?? options.Budget) is { } limit)
        {
            budget.CancelAfter(limit > TimeSpan.Zero ? limit : TimeSpan.FromMilliseconds(1));
        }

        using var taking = CancellationTokenSource.CreateLinkedTokenSource(stop, budget.Token);
        using var queue = new HostQueue(targets, options.PerHost);
        var spool = new ResultSpool(targets.Count, options.SpoolDirectory);
        try
        {
            var keeper = new Keeper(targets, options, spool, observer, log);
            observer?.OnStarted(targets.Count);

            // Workers hand results to one recorder and go on with the next page: recording (history, spool, progress)
            // is serial, and a worker waiting on a lock would hold a thread-pool thread that parsing needs. At most as
            // many results wait as there are workers: each holds its page's bytes until the history has archived them.
            var finished = Channel.CreateBounded<(int Index, PageResult Result)>(new BoundedChannelOptions(Math.Max(1, options.Concurrency)) { SingleReader = true });
            var recorder = Task.Run(async () =>
            {
                try
                {
                    await foreach (var (index, result) in finished.Reader.ReadAllAsync(CancellationToken.None))
                    {
                        keeper.Record(index, result);
                    }
                }
                catch (Exception e)
                {
                    // A result that cannot be kept ends the run: workers learn it at their next hand-over.
                    finished.Writer.TryComplete(e);
                    throw;
                }
            }, CancellationToken.None);

            async ValueTask Record(int index, PageResult result)
            {
                try
                {
                    await finished.Writer.WriteAsync((index, result), CancellationToken.None);
                }
                catch (ChannelClosedException)
                {
                    // The recorder failed: its exception is the run's.
                    await recorder;
                    throw;
                }
            }

            async Task Worker()
            {
                while (true)
                {
                    int index;
                    try
                    {
                        index = await queue.TakeAsync(taking.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    if (index < 0)
                    {
                        return;
                    }

                    var target = targets[index];
                    PageResult result;

                    // The host's turn goes to its next page once this one is fetched (the fetcher's per-host limit
                    // still holds the requests): judging it does not keep the host waiting.
                    var released = 0;
                    void Release()
                    {
                        if (Interlocked.Exchange(ref released, 1) == 0)
                        {
                            queue.Done(target);
                        }
                    }

                    try
                    {
                        result = await checker.CheckAsync(target, Release, budget.Token);
                    }
                    catch (OperationCanceledException) when (budget.IsCancellationRequested)
                    {
                        result = PageResult.Failed(target, ErrorKinds.Budget, $"not finished: the run's budget of {options.Budget!.Value.TotalMinutes:0.#} min ran out");
                    }
                    finally
                    {
                        Release();
                    }

                    await Record(index, result);
                }
            }

            try
            {
                await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Concurrency)).Select(_ => Task.Run(Worker, CancellationToken.None)));
            }
            finally
            {
                finished.Writer.TryComplete();
            }

            await recorder;

            var notChecked = queue.Drain();
            var (kind, why) = budget.IsCancellationRequested
                ? (ErrorKinds.Budget, $"not checked: the run's budget of {options.Budget!.Value.TotalMinutes:0.#} min ran out")
                : (ErrorKinds.Interrupted, "not checked: the run was stopped");
            keeper.NotChecked(notChecked.Order(), kind, why);

            if (notChecked.Count > 0)
            {
                log.Warning("{Count} page(s) were not checked: {Reason}", notChecked.Count, budget.IsCancellationRequested ? "the run's budget ran out" : "the run was stopped");
            }

            return RunSummary.Create(started, time.GetUtcNow(), spool, spool.Gists, complete: notChecked.Count == 0 && !budget.IsCancellationRequested) with { Spool = spool };
        }
        catch
        {
            // The run failed (a stage could not record): its spool file goes with it.
            spool.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A run stopped before its first page (Ctrl+C while the originals were loading): every page is reported, and
    /// recorded by the stages, as not checked, so the reports and the history still account for the whole list.
    /// </summary>
    public static RunSummary Stopped(IReadOnlyList<PageTarget> targets, Options options, DateTimeOffset started, TimeProvider time, ILogger log)
    {
        var spool = new ResultSpool(targets.Count, options.SpoolDirectory);
        var keeper = new Keeper(targets, options, spool, null, log);
        keeper.NotChecked(Enumerable.Range(0, targets.Count), ErrorKinds.Interrupted, "not checked: the run was stopped");

        log.Warning("{Count} page(s) were not checked: {Reason}", targets.Count, "the run was stopped before the first page");
        return RunSummary.Create(started, time.GetUtcNow(), spool, spool.Gists, complete: false) with { Spool = spool };
    }

    /// <summary>Passes each result through the stages (history) and to the observer, one at a time, in the order results are handed in, and spools it.</summary>
    private sealed class Keeper(IReadOnlyList<PageTarget> targets, Options options, ResultSpool spool, IRunObserver? observer, ILogger log)
    {
        private VerdictCounts _counts = VerdictCounts.None;

        /// <summary>Records the pages never handed to a worker, each with the same reason.</summary>
        public void NotChecked(IEnumerable<int> indexes, string kind, string why)
        {
            foreach (var index in indexes)
            {
                Record(index, PageResult.Failed(targets[index], kind, why));
            }
        }

        /// <summary>Called by the one recorder task, then (for pages never checked) after it has ended: never twice at once.</summary>
        public void Record(int index, PageResult result)
        {
            var admitted = options.Gate is { } gate ? gate.Admit(targets[index], result) : result;
            if (admitted is null)
            {
                log.Debug("{Page}: set aside by discovery ({Verdict})", result.Url, result.Verdict);
                spool.Drop(index);
                observer?.OnResult(index, result, _counts);
                return;
            }

            result = admitted with { Position = options.Positions?[index] ?? index };
            foreach (var stage in options.Stages)
            {
                result = stage.Process(result.Position!.Value, result);
            }

            log.Debug("{Page}: {Verdict} {Error}", result.Url, result.Verdict, result.Error?.Message ?? result.Note ?? string.Empty);
            spool.Write(index, result);
            _counts = _counts.Plus(result.Verdict);
            observer?.OnResult(index, result, _counts);
            if (_counts.Pages == (spool.Count + 1) / 2)
            {
                RunPhase.Reached(RunPhase.MidRun);
            }
        }
    }
}
