using Serilog;

namespace Syndication.Pipeline;

/// <summary>Checks many pages concurrently and hands each result on as it is ready, tagged with its input position.</summary>
public sealed class CheckRun(PageChecker checker, int concurrency, ILogger log)
{
    public async Task<List<PageResult>> RunAsync(IReadOnlyList<PageTarget> targets, CancellationToken cancellationToken)
    {
        var results = new PageResult[targets.Count];
        await foreach (var (index, result) in StreamAsync(targets, cancellationToken))
        {
            results[index] = result;
        }

        return [.. results];
    }

    public async IAsyncEnumerable<(int Index, PageResult Result)> StreamAsync(
        IReadOnlyList<PageTarget> targets,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<(int, PageResult)>(Math.Max(1, concurrency * 2));
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(
                        Enumerable.Range(0, targets.Count),
                        new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
                        async (i, ct) =>
                        {
                            var result = await checker.CheckAsync(targets[i], ct);
                            log.Debug("{Page}: {Verdict}", targets[i].Address.Argument, result.Verdict);
                            await channel.Writer.WriteAsync((i, result), ct);
                        });
                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            },
            CancellationToken.None);

        await foreach (var item in channel.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return item;
        }

        await producer;
    }
}
