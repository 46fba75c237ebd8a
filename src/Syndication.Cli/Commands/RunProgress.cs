using Serilog;
using Spectre.Console;
using Syndication.Pipeline;

namespace Syndication.Cli.Commands;

/// <summary>
/// Shows a run's progress: a live bar with counts on an interactive terminal (Spectre.Console, on stderr), and a
/// plain log line every few seconds when not interactive (CI logs), so a long audit is never silent.
/// </summary>
public sealed class RunProgress(ILogger log, bool interactive, TimeProvider time) : IRunObserver
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private ProgressTask? _bar;
    private int _total;
    private int _done;
    private long _started;
    private long _lastLog;

    public static bool IsInteractive(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    public async Task<T> RunAsync<T>(Func<IRunObserver, Task<T>> work)
    {
        if (!interactive)
        {
            return await work(this);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask("checking pages", maxValue: Math.Max(1, _total));
                result = await work(this);
            });
        return result;
    }

    public void OnStarted(int pages)
    {
        _total = pages;
        _started = time.GetTimestamp();
        _lastLog = _started;
        if (_bar is not null)
        {
            _bar.MaxValue = Math.Max(1, pages);
        }
    }

    public void OnResult(int index, PageResult result, VerdictCounts soFar)
    {
        lock (_gate)
        {
            // Discovery's candidates are fetched too but reported only when they republish an original: the bar counts
            // every page fetched, the verdicts only the pages reported.
            _done++;
            if (_bar is not null)
            {
                _bar.Increment(1);
                _bar.Description = $"{_done}/{_total} pages · [green]{soFar.Compliant} ok[/] · [red]{soFar.NonCompliant} non-compliant[/] · [yellow]{soFar.NeedsReview} review[/] · {soFar.Errors} error(s)";
                return;
            }

            var now = time.GetTimestamp();
            if (time.GetElapsedTime(_lastLog, now) < LogEvery && _done != _total)
            {
                return;
            }

            _lastLog = now;
            var seconds = time.GetElapsedTime(_started, now).TotalSeconds;
            log.Information(
                "Progress: {Done}/{Total} pages ({Rate:0.0}/s): {Compliant} compliant, {NonCompliant} non-compliant, {Review} needs review, {NotApplicable} not applicable, {Errors} error(s)",
                _done, _total, seconds > 0 ? _done / seconds : 0, soFar.Compliant, soFar.NonCompliant, soFar.NeedsReview, soFar.NotApplicable, soFar.Errors);
        }
    }
}
