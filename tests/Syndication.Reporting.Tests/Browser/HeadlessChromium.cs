using Microsoft.Playwright;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright; no browser is downloaded. Without Chromium the
/// browser tests are ignored on a developer's machine and fail in CI (CI=true), where .ci/run installs it.
/// </summary>
public static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Path))
        {
            var message = $"{Path} is missing: apt-get install -y chromium (.ci/run does)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = Args });
        return (playwright, browser);
    }
}
