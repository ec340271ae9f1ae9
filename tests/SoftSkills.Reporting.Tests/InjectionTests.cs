using System.Text.Json.Nodes;
using SoftSkills.Analysis.Roi;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Reporting.Charts;
using SoftSkills.Reporting.Dashboard;
using SoftSkills.Reporting.Frames;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Reporting.Tests;

/// <summary>
/// Crafted names in every string a user controls (team, cohort attribute value, decision type, ROI scenario) reach the
/// dashboard with its pilot panel, the ROI report and notebook HTML; in Chromium no injected script runs, no request
/// leaves the page, and each name shows as the literal text it is.
/// </summary>
public sealed class InjectionTests
{
    /// <summary>Each payload sets window.__pwned if it ever runs.</summary>
    static readonly string[] Payloads =
    [
        "</script><script>window.__pwned=1</script>",
        "<img src=x onerror=\"window.__pwned=2\">",
        "\"><svg onload=window.__pwned=3>",
        "x\u2028</script><script>window.__pwned=4</script>",
        "<iframe srcdoc=\"<script>parent.__pwned=5</script>\">",
    ];

    static readonly string PwnedCheck = "() => window.__pwned === undefined && !document.querySelector('img[src=x], iframe, svg[onload]')";

    [SkippableFact]
    public async Task Crafted_names_in_the_dashboard_and_pilot_panel_run_no_script()
    {
        using var dir = new TempFolder();
        var scenario = HostileScenario();
        var data = Path.Combine(dir.Path, "data");
        await Simulator.RunAsync(scenario, data, new ReferenceEngine());
        var page = Path.Combine(dir.Path, "dashboard.html");
        File.WriteAllText(page, DashboardPage.Html(DashboardFixture.Build(data)));

        await using var browser = await Browser.OpenAsync(page);
        await browser.ChartsDrawnAsync();
        Assert.True(await browser.Page.EvaluateAsync<bool>(PwnedCheck));
        var text = await browser.Page.InnerTextAsync("body");
        Assert.Contains(Payloads[0], text);
        Assert.Contains(Payloads[1], text);
        // Visit every team, every KPI and every segmentation: each view renders names from the data.
        var teams = await browser.Page.Locator(".rank .team-link").CountAsync();
        Assert.True(teams >= 6, $"{teams} ranked teams");
        var segmentShown = false;
        for (var i = 0; i < teams; i++)
        {
            await browser.Page.ClickAsync($".rank .team-link >> nth={i}");
            foreach (var kpi in new[] { "res", "ci", "dqr", "hsr" })
            {
                await browser.Page.ClickAsync($"#drill-{kpi}");
                foreach (var option in await browser.Page.Locator("#segment-by option").AllInnerTextsAsync())
                {
                    await browser.Page.SelectOptionAsync("#segment-by", new Microsoft.Playwright.SelectOptionValue { Label = option });
                    segmentShown |= (await browser.Page.ContentAsync()).Contains("&lt;iframe srcdoc", StringComparison.Ordinal);
                }
                await browser.Page.ClickAsync("#back");
            }
            await browser.Page.ClickAsync("#back");
            Assert.True(await browser.Page.EvaluateAsync<bool>(PwnedCheck), $"after team {i}");
        }
        Assert.True(segmentShown, "the crafted cohort value never showed as a segment");
        await browser.ScreenshotAsync("dashboard-crafted-names.png");
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Requests);
    }

    /// <summary>A long name without spaces wraps: no view of the dashboard scrolls sideways, and charts shorten it.</summary>
    [SkippableFact]
    public async Task A_long_team_name_wraps_instead_of_widening_the_dashboard()
    {
        using var dir = new TempFolder();
        var name = "Support" + new string('W', 200);
        var data = Path.Combine(dir.Path, "data");
        await Simulator.RunAsync(Renamed(new Dictionary<string, string> { ["support-north"] = name }, hostileRest: false), data, new ReferenceEngine());
        var page = Path.Combine(dir.Path, "dashboard.html");
        File.WriteAllText(page, DashboardPage.Html(DashboardFixture.Build(data)));

        await using var browser = await Browser.OpenAsync(page);
        await browser.ChartsDrawnAsync();
        const string fits = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";
        Assert.True(await browser.Page.EvaluateAsync<bool>(fits), "the organisation view scrolls sideways");
        var ticks = await browser.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.heatmap .ytick text')].map(t => t.textContent)");
        Assert.True(ticks.Contains(name[..31] + "…"), string.Join(" | ", ticks));
        await browser.Page.ClickAsync($".rank .team-link:text-is('{name}')");
        await browser.ChartsDrawnAsync();
        Assert.True(await browser.Page.EvaluateAsync<bool>(fits), "the team view scrolls sideways");
        await browser.ScreenshotAsync("dashboard-long-name.png");
        Assert.Empty(browser.Errors);
    }

    [SkippableFact]
    public async Task A_long_scenario_name_wraps_instead_of_widening_the_roi_report()
    {
        using var dir = new TempFolder();
        var roi = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "data", "scenarios", "roi-mid-size.json")))!;
        var name = "Base" + new string('W', 150);
        roi["scenarios"]![0]!["name"] = name;
        var file = RoiFile.Parse(roi.ToJsonString());
        var page = Path.Combine(dir.Path, "roi.html");
        File.WriteAllText(page, RoiReport.Html(RoiAnalysis.Run(file, 500, 1), file.Currency));

        await using var browser = await Browser.OpenAsync(page);
        await browser.ChartsDrawnAsync();
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        var legend = await browser.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.legendtext')].map(t => t.textContent)");
        Assert.Contains(name[..39] + "…", legend);
        Assert.Empty(browser.Errors);
    }

    [SkippableFact]
    public async Task Crafted_scenario_names_in_the_roi_report_run_no_script()
    {
        using var dir = new TempFolder();
        var roi = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "data", "scenarios", "roi-mid-size.json")))!;
        roi["scenarios"]![0]!["name"] = Payloads[0];
        roi["scenarios"]![2]!["name"] = Payloads[1];
        var file = RoiFile.Parse(roi.ToJsonString());
        var page = Path.Combine(dir.Path, "roi.html");
        File.WriteAllText(page, RoiReport.Html(RoiAnalysis.Run(file, 500, 1), file.Currency));

        await using var browser = await Browser.OpenAsync(page);
        await browser.ChartsDrawnAsync();
        Assert.True(await browser.Page.EvaluateAsync<bool>(PwnedCheck));
        var text = await browser.Page.InnerTextAsync("body");
        Assert.Contains(Payloads[0], text);
        Assert.Contains("EUR", text);
        await browser.ScreenshotAsync("roi-crafted-names.png");
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Requests);
    }

    [SkippableFact]
    public async Task Crafted_names_in_notebook_html_run_no_script()
    {
        using var dir = new TempFolder();
        var data = Path.Combine(dir.Path, "data");
        await Simulator.RunAsync(HostileScenario(), data, new ReferenceEngine());
        var run = KpiRun.Compute(new DataFolder(data), new KpiOptions { GroupBy = "team", Period = PeriodKind.Week });
        var row = run.Report.Rows.First(r => r.Group == Payloads[0] && !r.Suppressed);
        Figure.NewNotebook();
        var html = "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>"
            + KpiCards.Html(row, run.Baselines.GetValueOrDefault(row.Group))
            + KpiCharts.Trend(run.Report.Rows, SoftSkills.Data.Schema.Kpi.Hsr).ToNotebookHtml()
            + Tables.Html(DataFrames.Kpis(run.Report))
            + "</body></html>";
        var page = Path.Combine(dir.Path, "notebook.html");
        File.WriteAllText(page, html);

        await using var browser = await Browser.OpenAsync(page);
        await browser.ChartsDrawnAsync();
        Assert.True(await browser.Page.EvaluateAsync<bool>(PwnedCheck));
        Assert.Contains(Payloads[0], await browser.Page.InnerTextAsync("body"));
        Assert.Empty(browser.Errors);
        Assert.Empty(browser.Requests);
    }

    /// <summary>The default pilot with crafted team names (a treatment and a control team among them), cohort value and decision type.</summary>
    static Scenario HostileScenario() =>
        Renamed(new Dictionary<string, string> { ["support-north"] = Payloads[0], ["support-south"] = Payloads[1], ["sales"] = Payloads[2], ["product"] = Payloads[3] }, hostileRest: true);

    /// <summary>The default pilot with teams renamed (and, for the hostile scenario, a crafted cohort value and decision type).</summary>
    static Scenario Renamed(Dictionary<string, string> renames, bool hostileRest)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "data", "scenarios", "default-pilot.json")))!;
        foreach (var team in json["teams"]!.AsArray()) if (renames.TryGetValue((string)team!["name"]!, out var n)) team["name"] = n;
        foreach (var route in json["workload"]!["handoff_routes"]!.AsArray())
            foreach (var end in new[] { "from", "to" })
                if (renames.TryGetValue((string)route![end]!, out var n)) route[end] = n;
        foreach (var arm in new[] { "treatment_teams", "control_teams" })
        {
            var teams = json["pilot"]![arm]!.AsArray();
            for (var i = 0; i < teams.Count; i++) if (renames.TryGetValue((string)teams[i]!, out var n)) teams[i] = n;
        }
        if (!hostileRest) return ScenarioLoader.Parse(json.ToJsonString());
        var language = json["cohorts"]!["attr_first_language"]!.AsObject();
        language[Payloads[4]] = language["native"]!.DeepClone();
        language.Remove("native");
        json["workload"]!["decisions"]![0]!["type"] = Payloads[1];
        return ScenarioLoader.Parse(json.ToJsonString());
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("softskills-injection-").FullName;
    public void Dispose() { try { Directory.Delete(Path, true); } catch (IOException) { } }
}
