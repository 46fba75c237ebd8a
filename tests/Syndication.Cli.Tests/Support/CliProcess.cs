using System.Diagnostics;

namespace Syndication.Cli.Tests.Support;

/// <summary>How a test starts the real executable: syndication.dll from the test's output folder, run from the repository root, output redirected.</summary>
public static class CliProcess
{
    /// <param name="environment">Variables to set over the test's own; a null value removes one. NO_COLOR=1 unless a test says otherwise.</param>
    /// <param name="launcher">A command that runs the rest (setpriv, prlimit, sh -c SCRIPT sh): "dotnet syndication.dll ARGS" follows it.</param>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? launcher = null)
    {
        var info = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var part in launcher.Skip(1))
            {
                info.ArgumentList.Add(part);
            }

            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "syndication.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }
}
