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
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static async Task<Result> RunProcessAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "syndication.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
