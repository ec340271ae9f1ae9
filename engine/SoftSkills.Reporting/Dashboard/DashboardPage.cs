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
        ".nav{margin:8px 0 16px;overflow-wrap:anywhere}.nav button,.kpi-button,.team-link{font:inherit;cursor:pointer}"
        + ".team-link{background:none;border:none;color:#0057a3;text-decoration:underline;padding:0;white-space:normal;text-align:left;max-width:16em}"
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
        page.Data("dashboard-data", CompactCells(ModelJson(model)));
        page.Html("""<div class="nav"><button id="back" hidden>← back</button> <span id="crumbs" class="muted"></span></div><h2 id="view-title"></h2><div id="view"></div>""");
        page.Script(Script.Value);
        return page.ToHtml();
    }

    /// <summary>The model as JSON (for tests and scripts); the page embeds it with its cells compacted (<see cref="CompactCells"/>).</summary>
    public static JsonNode ModelJson(DashboardModel model) => JsonSerializer.SerializeToNode(model, Json)!;

    /// <summary>
    /// The model (changed in place and returned) with every value cell written as <c>[value, n, people, note index, thin]</c> and the notes listed once in
    /// <c>cell_notes</c> (−1: no note): a large organisation's weekly series repeat the same few notes tens of thousands of
    /// times. dashboard.js restores the objects at the same places before drawing. Cells sit in a group's KPIs (current,
    /// series, window, baseline), its decision types, channels and segments, the ranking's values and a pilot's arms.
    /// </summary>
    public static JsonNode CompactCells(JsonNode model)
    {
        var notes = new List<string>();
        var noteIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonNode? Cell(JsonNode? node)
        {
            if (node is not JsonObject c) return node?.DeepClone();
            var note = (string?)c["note"];
            if (note is not null && !noteIndex.ContainsKey(note)) { noteIndex[note] = notes.Count; notes.Add(note); }
            return new JsonArray(c["value"]?.DeepClone(), c["n"]?.DeepClone(), c["people"]?.DeepClone(),
                note is null ? -1 : noteIndex[note], (bool?)c["thin"] == true ? 1 : 0);
        }
        void Cells(JsonNode? map)
        {
            if (map is not JsonObject o) return;
            foreach (var key in o.Select(kv => kv.Key).ToList()) o[key] = Cell(o[key]);
        }
        void Group(JsonNode? group)
        {
            if (group is not JsonObject g) return;
            if (g["kpis"] is JsonObject kpis)
                foreach (var (_, view) in kpis)
                {
                    if (view is not JsonObject v) continue;
                    foreach (var part in new[] { "current", "window", "baseline" }) v[part] = Cell(v[part]);
                    if (v["series"] is JsonArray series) v["series"] = new JsonArray(series.Select(Cell).ToArray());
                }
            Cells(g["dqr_by_type"]);
            Cells(g["res_by_channel"]);
            if (g["segments"] is JsonObject segments)
                foreach (var (_, list) in segments)
                    foreach (var segment in list?.AsArray() ?? []) Cells(segment?["kpis"]);
        }
        var root = model.AsObject();
        Group(root["organisation"]);
        foreach (var team in root["teams"]?.AsArray() ?? []) Group(team);
        foreach (var entry in root["ranking"]?.AsArray() ?? []) Cells(entry?["values"]);
        foreach (var arm in root["pilot"]?["arms"]?.AsArray() ?? []) Cells(arm?["kpis"]);
        root["cell_notes"] = new JsonArray(notes.Select(n => (JsonNode?)n).ToArray());
        return root;
    }
}
