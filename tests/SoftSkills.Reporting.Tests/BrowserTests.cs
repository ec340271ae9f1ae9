using Microsoft.Playwright;

namespace SoftSkills.Reporting.Tests;

/// <summary>
/// Opens the dashboard in Debian's headless Chromium (driven by Playwright): every chart draws, no console error, no
/// network request, and a drill-down click changes the view. Skips when Chromium is absent, except under CI=true.
/// </summary>
public class BrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task The_dashboard_draws_offline_and_drills_down()
    {
        Requires.ProgramFile(Chromium, "apt-get install chromium");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        page.Request += (_, r) => { if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) requests.Add(r.Url); };

        await page.GotoAsync(new Uri(fixture.PagePath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForFunctionAsync("document.querySelectorAll('.chart').length > 0 && [...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))");
        var charts = await page.EvaluateAsync<int>("document.querySelectorAll('.chart').length");
        var drawn = await page.EvaluateAsync<int>("[...document.querySelectorAll('.chart, .spark')].filter(c => c.querySelector('.main-svg .plot')).length");
        var sparks = await page.EvaluateAsync<int>("document.querySelectorAll('.spark').length");
        Assert.True(charts >= 6, $"{charts} charts");
        Assert.Equal(charts + sparks, drawn);
        var resultsDir = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(resultsDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(resultsDir, "dashboard-organisation.png"), FullPage = true });

        // Click 1: the top team of the ranking; click 2: a KPI; the view changes each time.
        var before = await page.InnerTextAsync("#view-title");
        await page.ClickAsync(".rank .team-link >> nth=0");
        var teamTitle = await page.InnerTextAsync("#view-title");
        Assert.StartsWith("Team ", teamTitle);
        Assert.NotEqual(before, teamTitle);
        await page.ClickAsync("#drill-hsr");
        Assert.EndsWith("Handoff Success Rate", await page.InnerTextAsync("#view-title"));
        await page.WaitForFunctionAsync("[...document.querySelectorAll('.chart')].every(c => c.querySelector('.main-svg'))");
        await page.SelectOptionAsync("#segment-by", "attr_first_language");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(resultsDir, "dashboard-drilldown.png"), FullPage = true });
        await page.ClickAsync("#back");
        Assert.Equal(teamTitle, await page.InnerTextAsync("#view-title"));

        Assert.Empty(errors);
        Assert.Empty(requests);
    }
}
