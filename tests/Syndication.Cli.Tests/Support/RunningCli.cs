using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Syndication.Cli.Tests.Support;

/// <summary>
/// The real executable as a child process that a test can watch (its stderr so far), signal or kill while it runs.
/// Disposing kills it if it is still running, so a failing test leaves no process behind.
/// </summary>
public sealed class RunningCli : IDisposable
{
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<string>? _stdout;

    private RunningCli(Process process) => Process = process;

    public Process Process { get; }

    public int Id => Process.Id;

    /// <summary>What the process has written to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static RunningCli Start(params string[] args) => Start(null, args);

    /// <param name="environment">Variables to set over the test's own; see <see cref="CliProcess.StartInfo"/>.</param>
    public static RunningCli Start(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var running = new RunningCli(new Process { StartInfo = CliProcess.StartInfo(args, environment) });
        running.Process.ErrorDataReceived += (_, e) => running.AppendError(e.Data);
        running.Process.Start();
        running._stdout = running.Process.StandardOutput.ReadToEndAsync();
        running.Process.BeginErrorReadLine();
        return running;
    }

    /// <summary>Sends a POSIX signal (TERM, INT) the way an operator or a job scheduler does: kill -s TERM PID (the shell's kill).</summary>
    public async Task SignalAsync(string signal)
    {
        var command = $"kill -s {signal} {Id.ToString(CultureInfo.InvariantCulture)}";
        using var kill = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]))!;
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, command);
    }

    /// <summary>Waits until the process has written <paramref name="text"/> to stderr (and is still running).</summary>
    public async Task WaitForStderrAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.That(Process.HasExited, Is.False, $"syndication ended before writing \"{text}\":\n{Stderr}");
            Assert.That(clock.Elapsed, Is.LessThan(timeout), $"syndication did not write \"{text}\" within {timeout.TotalSeconds:0} s:\n{Stderr}");
            await Task.Delay(20);
        }
    }

    /// <summary>Kills the process with SIGKILL (no chance to clean up: a crash, the OOM killer, a CI timeout) and waits for it to end.</summary>
    public async Task KillAsync()
    {
        Process.Kill();
        await WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(Process.ExitCode, Is.EqualTo(137), "killed by SIGKILL");
    }

    /// <summary>Waits for the process to end and for its output to be read to the end.</summary>
    public async Task<CliRunner.Result> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cancel.Token);
            var stdout = await _stdout!.WaitAsync(cancel.Token);
            await _stderrClosed.Task.WaitAsync(cancel.Token);
            return new CliRunner.Result(Process.ExitCode, stdout, Stderr);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"syndication did not end within {timeout.TotalSeconds:0} s; stderr so far:\n{Stderr}");
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }

        Process.Dispose();
    }

    private void AppendError(string? line)
    {
        if (line is null)
        {
            _stderrClosed.TrySetResult();
            return;
        }

        lock (_stderr)
        {
            _stderr.Append(line).Append('\n');
        }
    }
}
