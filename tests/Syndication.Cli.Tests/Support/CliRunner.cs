using System.Diagnostics;

namespace Syndication.Cli.Tests.Support;

/// <summary>Runs the command line: in-process (fast) or as the real executable (to see exactly what stdout and stderr get).</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>In-process, with the clock the command reads (a FakeTimeProvider lets a test set the run's time).</summary>
    public static async Task<Result> RunAsync(TimeProvider? time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, time);
        var result = new Result(code, stdout.ToString(), stderr.ToString());
        WrittenReports.Check(args, result);
        return result;
    }

    public static Task<Result> RunProcessAsync(params string[] args) => RunProcessAsync(null, args);

    /// <param name="environment">Variables to set over the test's own (a null value removes one); see <see cref="CliProcess.StartInfo"/>.</param>
    public static Task<Result> RunProcessAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args) => RunProcessAsync(environment, null, args);

    /// <param name="launcher">A command that runs the executable (see <see cref="CliProcess.StartInfo"/>).</param>
    public static async Task<Result> RunProcessAsync(IReadOnlyDictionary<string, string?>? environment, IReadOnlyList<string>? launcher, params string[] args)
    {
        using var process = Process.Start(CliProcess.StartInfo(args, environment, launcher))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var result = new Result(process.ExitCode, await stdout, await stderr);
        WrittenReports.Check(args, result);
        return result;
    }
}
