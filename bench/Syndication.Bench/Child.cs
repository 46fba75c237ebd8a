using System.Diagnostics;
using System.Globalization;

namespace Syndication.Bench;

/// <summary>A child process timed from outside: its wall time, its peak resident memory (VmHWM) and its exit code.</summary>
internal static class Child
{
    public static async Task<(double Seconds, long PeakBytes, int ExitCode)> RunAsync(string file, IEnumerable<string> arguments, string? stdoutFile = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        if (stdoutFile is not null)
        {
            await File.WriteAllTextAsync(stdoutFile, await stdout);
        }

        if (process.ExitCode is not (0 or 1))
        {
            Console.Error.WriteLine(await stderr);
        }

        return (seconds, peak, process.ExitCode);
    }

    /// <summary>The process's peak resident set (VmHWM), 0 once it has gone.</summary>
    public static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}
