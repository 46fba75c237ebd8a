using System.Globalization;
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

    /// <summary>The columns after the description: a space, the bar, " 100%", " 00:00:01", " ⣾"; one column spare at the end.</summary>
    private const int AfterBar = 17 + 1;
    private const int MinBar = 10;
    private const int MaxBar = 40;
    private const string Starting = "checking pages";
    private readonly Lock _gate = new();
    private readonly ProgressBarColumn _barColumn = new() { Width = MaxBar };
    private ProgressTask? _bar;
    private IAnsiConsole? _console;
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

        var console = _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        _barColumn.Width = Math.Clamp(console.Profile.Width - AfterBar - Starting.Length, MinBar, MaxBar);
        T result = default!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, _barColumn, new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _bar = context.AddTask(Starting, maxValue: Math.Max(1, _total));
                result = await work(this);
            });
        return result;
    }

    /// <summary>
    /// The progress line's description (Spectre markup) within <paramref name="room"/> columns, and its length as shown:
    /// every count in words, else in short words, else the done count and the failures, else the done count alone.
    /// </summary>
    internal static (string Markup, int Length) Describe(int done, int total, VerdictCounts c, int room)
    {
        var n = string.Create(CultureInfo.InvariantCulture, $"{done}/{total}");
        (string Markup, string Plain)[] tiers =
        [
            ($"{n} pages · [green]{c.Compliant} ok[/] · [red]{c.NonCompliant} non-compliant[/] · [yellow]{c.NeedsReview} review[/] · {c.Errors} error(s)",
             $"{n} pages · {c.Compliant} ok · {c.NonCompliant} non-compliant · {c.NeedsReview} review · {c.Errors} error(s)"),
            ($"{n} · [green]{c.Compliant} ok[/] · [red]{c.NonCompliant} fail[/] · [yellow]{c.NeedsReview} review[/] · {c.Errors} err",
             $"{n} · {c.Compliant} ok · {c.NonCompliant} fail · {c.NeedsReview} review · {c.Errors} err"),
            ($"{n} · [red]{c.NonCompliant} fail[/]", $"{n} · {c.NonCompliant} fail"),
            (n, n),
        ];
        var chosen = tiers.FirstOrDefault(t => t.Plain.Length <= room, tiers[^1]);
        return (chosen.Markup, chosen.Plain.Length);
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
                // The line fits the terminal as it is now (it may be resized): the fullest description that leaves the
                // bar ten columns, and the bar the rest, so nothing is cut or spills onto a second line.
                var width = _console!.Profile.Width;
                var (description, length) = Describe(_done, _total, soFar, width - AfterBar - MinBar);
                _barColumn.Width = Math.Clamp(width - AfterBar - length, MinBar, MaxBar);
                _bar.Increment(1);
                _bar.Description = description;
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
