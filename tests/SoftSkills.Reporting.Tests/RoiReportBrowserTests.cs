using System.Text.Json.Nodes;
using SoftSkills.Analysis.Roi;

namespace SoftSkills.Reporting.Tests;

/// <summary>
/// The leadership page in Chromium with one, two and three scenarios, with and without Monte Carlo: it fits the window
/// (no sideways scrolling, no card over another), every chart title clears the chart's toolbar, every amount names the
/// currency, and the page says where its uplift comes from. Screenshots are kept in the test output.
/// </summary>
public sealed class RoiReportBrowserTests
{
    [SkippableTheory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(3, true)]
    public async Task The_page_holds_its_layout(int scenarios, bool monteCarlo)
    {
        var roi = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "data", "scenarios", "roi-mid-size.json")))!;
        var all = roi["scenarios"]!.AsArray();
        while (all.Count > scenarios) all.RemoveAt(0);   // keeps "optimistic", then "base" and "optimistic", then all three
        var file = RoiFile.Parse(roi.ToJsonString());
        using var dir = new TempFolder();
        var page = Path.Combine(dir.Path, "roi.html");
        File.WriteAllText(page, RoiReport.Html(RoiAnalysis.Run(file, monteCarlo ? 2000 : null, 1), file.Currency));

        await using var browser = await Browser.OpenAsync(page);
        await browser.ChartsDrawnAsync();
        await browser.ScreenshotAsync($"roi-{scenarios}-scenarios{(monteCarlo ? "-monte-carlo" : "")}.png");
        Assert.True(await browser.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        Assert.True(await browser.Page.EvaluateAsync<bool>("""
            (() => {
              const r = [...document.querySelectorAll('.card')].map(c => c.getBoundingClientRect());
              const inside = r.every(b => b.left >= 0 && b.right <= window.innerWidth);
              const apart = r.every((a, i) => r.every((b, j) => i >= j || a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top));
              return r.length > 0 && inside && apart;
            })()
            """), "a card leaves the window or lies over another");
        Assert.True(await browser.Page.EvaluateAsync<bool>("""
            [...document.querySelectorAll('.chart')].every(c => {
              const t = c.querySelector('.gtitle'), m = c.querySelector('.modebar');
              if (!t || !m) return true;
              const a = t.getBoundingClientRect(), b = m.getBoundingClientRect();
              return a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
            })
            """), "a chart title sits under the chart's toolbar");
        var text = await browser.Page.InnerTextAsync("body");
        Assert.Contains("EUR", text);
        Assert.DoesNotContain("currency units", text);
        Assert.Contains("assumption of the scenario file", text);
        Assert.Equal(scenarios, await browser.Page.Locator(".card").CountAsync());
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Requests);
    }
}
