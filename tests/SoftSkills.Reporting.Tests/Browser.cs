using Microsoft.Playwright;

namespace SoftSkills.Reporting.Tests;

/// <summary>
/// Debian's headless Chromium driven by Playwright: a page that records console errors, script errors and every request
/// that leaves the file (an offline page makes none). Skips when Chromium is absent, except under CI=true.
/// </summary>
sealed class Browser : IAsyncDisposable
{
    const string Chromium = "/usr/bin/chromium";
    IPlaywright _playwright = null!;
    IBrowser _browser = null!;

    public IPage Page { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public List<string> Requests { get; } = [];

    public static string ResultsDir
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static async Task<Browser> OpenAsync(string htmlFile)
    {
        Requires.ProgramFile(Chromium, "apt-get install chromium");
        var b = new Browser { _playwright = await Playwright.CreateAsync() };
        b._browser = await b._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        b.Page = await b._browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        b.Page.Console += (_, m) => { if (m.Type == "error") b.Errors.Add(m.Text); };
        b.Page.PageError += (_, e) => b.Errors.Add(e);
        b.Page.Request += (_, r) => { if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) b.Requests.Add(r.Url); };
        await b.Page.GotoAsync(new Uri(htmlFile).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return b;
    }

    /// <summary>Waits until every chart has drawn its SVG.</summary>
    public Task ChartsDrawnAsync() =>
        Page.WaitForFunctionAsync("document.querySelectorAll('.chart').length > 0 && [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))");

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ResultsDir, name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
