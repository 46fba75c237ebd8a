using System.Diagnostics;

namespace Syndication.Parsing;

/// <summary>
/// What one page may cost, so that no page holds a worker past its deadline: the parser stops a tree deeper or larger
/// than a browser would keep (<see cref="MaxDepth"/>, <see cref="MaxElements"/>), and the parsing and judging stop
/// after <see cref="CpuTime"/> of the thread's CPU time or when the run's budget runs out. A page over a limit is an
/// error of kind too-complex: a structure no real article has is something a person should look at, and a DOM the
/// parser had to flatten is no longer the page the reader sees, so no verdict is given from it.
/// <para>
/// The limit is carried by the thread doing the work (parsing and judging are synchronous, one page per thread), and
/// the loops whose cost grows with the page call <see cref="Check"/>: a field read when no page is being costed, a
/// clock read every few hundred calls when one is.
/// </para>
/// </summary>
public sealed class PageCost : IDisposable
{
    /// <summary>Browsers stop nesting at 512 (Blink's kMaximumHTMLParserDOMTreeDepth); AngleSharp flattens the tree there too.</summary>
    public const int MaxDepth = 512;

    /// <summary>About 25 times the largest article page among the real pages we test on (sfgate, 4,144 elements).</summary>
    public const int MaxElements = 100_000;

    private const int CallsBetweenClockReads = 256;

    [ThreadStatic]
    private static PageCost? _current;

    private readonly PageCost? _outer;
    private readonly CancellationToken _cancellation;
    private readonly long _startedWall;
    private readonly TimeSpan? _startedCpu;
    private int _calls;

    private PageCost(TimeSpan cpuTime, TimeSpan limit, CancellationToken cancellation)
    {
        CpuTime = cpuTime;
        Limit = limit;
        _cancellation = cancellation;
        _outer = _current;
        _startedWall = Stopwatch.GetTimestamp();
        _startedCpu = ThreadCpuTime.Now();
    }

    /// <summary>The CPU time this part of the page's work may take.</summary>
    public TimeSpan CpuTime { get; }

    /// <summary>The page's whole limit, which the message names.</summary>
    public TimeSpan Limit { get; }

    /// <summary>
    /// Starts costing the work this thread does for one page, until disposed (on the same thread). A page judged in
    /// parts (its checks wait for images between them) passes what its earlier parts used as <paramref name="used"/>.
    /// </summary>
    public static PageCost Begin(TimeSpan cpuTime, TimeSpan used = default, CancellationToken cancellation = default) =>
        _current = new PageCost(cpuTime - used, cpuTime, cancellation);

    /// <summary>Throws when the page being costed on this thread is over its time or its run was cancelled.</summary>
    public static void Check() => _current?.CheckNow();

    /// <summary>The CPU time used since <see cref="Begin"/> (the wall time where the thread's CPU time cannot be read).</summary>
    public TimeSpan Used => _startedCpu is { } cpu && ThreadCpuTime.Now() is { } now ? now - cpu : Stopwatch.GetElapsedTime(_startedWall);

    public void Dispose() => _current = _outer;

    private void CheckNow()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (++_calls % CallsBetweenClockReads != 0 || Stopwatch.GetElapsedTime(_startedWall) < CpuTime)
        {
            return;
        }

        // The wall clock is a cheap lower bound check: the thread's CPU time cannot exceed the time that has passed.
        if (Used >= CpuTime)
        {
            throw new PageTooComplexException($"parsing and judging the page took more than {Limit.TotalSeconds:0.#} s of CPU time");
        }
    }
}
