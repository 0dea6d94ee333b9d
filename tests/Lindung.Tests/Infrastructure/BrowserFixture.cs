using Microsoft.Playwright;

namespace Lindung.Tests.Infrastructure;

/// <summary>
/// One headless Chromium (the system one from <see cref="TestEnvironment.ChromiumExecutable"/>, driven by
/// Playwright) shared by every test in the <see cref="BrowserCollectionDefinition"/>. Tests get an isolated
/// context and page from <see cref="NewPageAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Chromium switches for a quiet, offline, reproducible browser. Playwright adds the headless switch
    /// itself and always launches with a fresh temporary user-data-dir that it deletes on close.
    /// </summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture has not been initialized.");

    public async Task InitializeAsync()
    {
        var executable = TestEnvironment.ChromiumExecutable;
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch (PlaywrightException ex)
        {
            _playwright?.Dispose();
            _playwright = null;
            throw TestEnvironment.Unreachable("Chromium", $"could not launch {executable}: {ex.Message}", ex);
        }
    }

    /// <summary>A page in a fresh browser context (own cookies and storage). Dispose the context when done.</summary>
    public async Task<IPage> NewPageAsync(Uri? baseAddress = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        // Generous: CI machines run the browser beside parallel database tests on two cores.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}

/// <summary>Browser tests share one Chromium and never run in parallel with each other.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
