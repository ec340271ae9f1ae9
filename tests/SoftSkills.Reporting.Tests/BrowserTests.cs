namespace SoftSkills.Reporting.Tests;

/// <summary>
/// Opens the dashboard in Debian's headless Chromium (driven by Playwright): every chart draws, no console error, no
/// network request, and a drill-down click changes the view. Skips when Chromium is absent, except under CI=true.
/// </summary>
public class BrowserTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [SkippableFact]
    public async Task The_dashboard_draws_offline_and_drills_down()
    {
        await using var browser = await Browser.OpenAsync(fixture.PagePath);
        var page = browser.Page;
        await browser.ChartsDrawnAsync();
        var charts = await page.EvaluateAsync<int>("document.querySelectorAll('.chart').length");
        var drawn = await page.EvaluateAsync<int>("[...document.querySelectorAll('.chart, .spark')].filter(c => c.querySelector('.main-svg .plot')).length");
        var sparks = await page.EvaluateAsync<int>("document.querySelectorAll('.spark').length");
        Assert.True(charts >= 6, $"{charts} charts");
        Assert.Equal(charts + sparks, drawn);
        await browser.ScreenshotAsync("dashboard-organisation.png");
        // A reader sees which period the numbers cover and how many people each rests on.
        var text = await page.InnerTextAsync("body");
        Assert.Matches(@"\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}", text);
        Assert.Matches(@"\d+ people", text);
        Assert.Contains("Grey cells marked n/a have no value", text);   // unknown is not a colour of the scale
        Assert.Matches(@"\(n=\d+\)", text);                          // the ranking shows each value's n

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
        await browser.ScreenshotAsync("dashboard-drilldown.png");
        await page.ClickAsync("#back");
        Assert.Equal(teamTitle, await page.InnerTextAsync("#view-title"));

        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Requests);
    }
}
