using System.Runtime.InteropServices;

namespace Syndication.Rendering;

/// <summary>
/// Whether Playwright's driver (its Node.js and JavaScript package, the .playwright folder) is where Playwright looks
/// for it: PLAYWRIGHT_DRIVER_SEARCH_PATH, else beside the program. The dotnet tool and a build from source carry it;
/// the single-file release leaves it out (122 MB), so rendering there says what to do instead of failing per page.
/// </summary>
public static class PlaywrightDriver
{
    public const string SearchPathVariable = "PLAYWRIGHT_DRIVER_SEARCH_PATH";

    /// <summary>Why the driver cannot be started, or null when it is there.</summary>
    public static string? Missing()
    {
        var given = Environment.GetEnvironmentVariable(SearchPathVariable);
        var folder = string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : given;
        var cli = Path.Combine(folder, ".playwright", "package", "cli.js");
        var node = Environment.GetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH") is { Length: > 0 } custom
            ? custom
            : Path.Combine(folder, ".playwright", "node", Platform(), OperatingSystem.IsWindows() ? "node.exe" : "node");
        return File.Exists(cli) && File.Exists(node)
            ? null
            : $"Playwright's driver for {Platform()} is not in {Path.Combine(folder, ".playwright")} (the single-file release leaves it out and the dotnet tool carries linux-x64's: on linux-x64 install the tool, elsewhere set {SearchPathVariable} to a folder holding .playwright)";
    }

    private static string Platform()
    {
        var arm = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;
        return OperatingSystem.IsWindows() ? (arm ? "win32_arm64" : "win32_x64")
            : OperatingSystem.IsMacOS() ? (arm ? "darwin-arm64" : "darwin-x64")
            : arm ? "linux-arm64" : "linux-x64";
    }
}
