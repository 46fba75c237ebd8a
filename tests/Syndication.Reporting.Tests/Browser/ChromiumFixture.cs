using Microsoft.Playwright;

namespace Syndication.Reporting.Tests.Browser;

/// <summary>One headless Chromium and a temporary folder for a fixture's tests; both gone when the fixture ends.</summary>
public abstract class ChromiumFixture
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private TempFolder? _folder;

    protected IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser has not started");

    protected TempFolder Folder => _folder ?? throw new InvalidOperationException("the fixture has not started");

    [OneTimeSetUp]
    public async Task StartBrowserAsync()
    {
        (_playwright, _browser) = await HeadlessChromium.LaunchAsync();
        _folder = new TempFolder();
    }

    [OneTimeTearDown]
    public async Task StopBrowserAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _folder?.Dispose();
    }
}
