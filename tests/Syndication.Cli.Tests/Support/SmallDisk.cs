using System.ComponentModel;
using System.Globalization;

namespace Syndication.Cli.Tests.Support;

/// <summary>
/// Runs the executable with a small disk mounted on one folder: a tmpfs of a given size, in a private mount namespace
/// (unshare -m as root, unshare -rm as another user), so nothing outside the process sees it and it goes with it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class SmallDisk
{
    private const int Unavailable = 97;

    /// <summary>
    /// Mounts a tmpfs of <paramref name="bytes"/> on <paramref name="folder"/>, runs <paramref name="before"/> (a shell
    /// command, with the mount in $DISK), the executable, then <paramref name="after"/>; null where no tmpfs can be
    /// mounted (the caller falls back or skips).
    /// </summary>
    public static async Task<CliRunner.Result?> RunAsync(
        string folder, long bytes, string[] args, string before = ":", string after = ":", IReadOnlyDictionary<string, string?>? environment = null)
    {
        const string Script = """
            mount -t tmpfs -o size="$SIZE" tmpfs "$DISK" || exit 97
            eval "$BEFORE" || exit 97
            "$@"; code=$?
            eval "$AFTER"
            umount "$DISK"
            exit $code
            """;
        Directory.CreateDirectory(folder);
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
        {
            ["SIZE"] = bytes.ToString(CultureInfo.InvariantCulture),
            ["DISK"] = folder,
            ["BEFORE"] = before,
            ["AFTER"] = after,
        };
        string[] unshare = Environment.UserName == "root" ? ["unshare", "-m"] : ["unshare", "-rm"];
        try
        {
            var result = await CliRunner.RunProcessAsync(variables, [.. unshare, "sh", "-c", Script, "sh"], args);
            return result.ExitCode == Unavailable || result.Stderr.Contains("unshare:", StringComparison.Ordinal) ? null : result;
        }
        catch (Win32Exception)
        {
            // No unshare.
            return null;
        }
    }
}
