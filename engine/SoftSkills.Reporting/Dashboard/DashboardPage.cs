using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Reporting.Dashboard;

/// <summary>
/// The coaching dashboard (docs/design.md, "Dashboard"): one offline HTML page. The model is embedded once as JSON and drawn
/// by dashboard.js (an embedded resource) with the inlined plotly.js: organisation view (KPI cards with sparklines, the
/// ranked "which team needs coaching today?", the team × KPI heatmap, data quality, a pilot's arms and effects), team
/// view (one click), KPI view (two clicks).
/// </summary>
public static class DashboardPage
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    static readonly Lazy<string> Script = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SoftSkills.Reporting.Dashboard.dashboard.js")
            ?? throw new InvalidOperationException("dashboard.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    const string Style =
        ".nav{margin:8px 0 16px}.nav button,.kpi-button,.team-link{font:inherit;cursor:pointer}"
        + ".team-link{background:none;border:none;color:#0057a3;text-decoration:underline;padding:0}"
        + ".kpi-button{border:1px solid #888;border-radius:6px;background:#f4f4f4;padding:6px 10px;margin:4px}"
        + ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}"
        + ".spark{width:220px;height:60px}.up{color:#0b5394}.down{color:#a34400}"
        + ".panel{border:1px solid #ddd;border-radius:8px;padding:12px;margin:12px 0}"
        + ".rank td:first-child{font-weight:bold}.card.na{background:repeating-linear-gradient(45deg,#eeeeee,#eeeeee 6px,#d6d6d6 6px,#d6d6d6 12px)}"
        + ".caveat{color:#7a4a00;font-size:13px}.period{margin:4px 0 12px}.pilot table{margin:8px 0 16px}";

    /// <summary>The page of a model.</summary>
    public static string Html(DashboardModel model, string title = "Which team needs coaching today?")
    {
        var page = new OfflinePage(title, Style);
        page.Data("dashboard-data", JsonSerializer.SerializeToNode(model, Json)!);
        page.Html("""<div class="nav"><button id="back" hidden>← back</button> <span id="crumbs" class="muted"></span></div><h2 id="view-title"></h2><div id="view"></div>""");
        page.Script(Script.Value);
        return page.ToHtml();
    }

    /// <summary>The model as the page embeds it (for tests and scripts).</summary>
    public static JsonNode ModelJson(DashboardModel model) => JsonSerializer.SerializeToNode(model, Json)!;
}
