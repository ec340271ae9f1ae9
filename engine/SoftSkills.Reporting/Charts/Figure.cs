using System.Text.Json.Nodes;

namespace SoftSkills.Reporting.Charts;

/// <summary>
/// A plotly.js figure built as plain JSON (traces and a layout), drawn offline by the plotly.js that Plotly.NET ships.
/// Building the JSON ourselves keeps charts independent of any F# runtime, so they render in the project's runner, in
/// Jupyter's .NET Interactive kernel and in the pages alike. The house layout (title, axis titles with units, legend below,
/// colour-blind-safe colours) is applied in one place, the constructor.
/// </summary>
public sealed class Figure
{
    /// <summary>Okabe &amp; Ito (2008), the colour-blind-safe qualitative palette.</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public static string ColorAt(int i) => Palette[i % Palette.Length];

    public List<JsonObject> Traces { get; } = [];
    public JsonObject Layout { get; }

    public Figure(string title, string xTitle, string yTitle, int height = 420)
    {
        Layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title, ["x"] = 0.01, ["xanchor"] = "left" },
            ["font"] = new JsonObject { ["family"] = "Arial, sans-serif", ["size"] = 13 },
            ["margin"] = new JsonObject { ["l"] = 70, ["r"] = 24, ["t"] = 64, ["b"] = 100 },
            ["legend"] = new JsonObject { ["orientation"] = "h", ["x"] = 0, ["y"] = -0.28, ["yanchor"] = "top" },
            ["paper_bgcolor"] = "#ffffff",
            ["plot_bgcolor"] = "#ffffff",
            ["height"] = height,
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle }, ["showgrid"] = true, ["gridcolor"] = "#e5e5e5", ["automargin"] = true },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle }, ["showgrid"] = true, ["gridcolor"] = "#e5e5e5", ["automargin"] = true },
        };
    }

    /// <summary>
    /// A legend entry: at most 40 characters (a long name from the data would squeeze the plot; hover keeps it whole), and
    /// literal, since plotly reads tags and entities in its texts.
    /// </summary>
    public static string Legend(string name)
    {
        if (name.Length > 40) name = name[..(char.IsHighSurrogate(name[38]) ? 38 : 39)] + "…";
        return name.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    static JsonArray Values<T>(IEnumerable<T> values) => new([.. values.Select(v => v is double d && !double.IsFinite(d) ? null : JsonValue.Create(v))]);

    /// <summary>A line (with markers unless told otherwise); a null y is a gap, never a zero.</summary>
    public Figure Line<TX>(IEnumerable<TX> x, IEnumerable<double?> y, string name, string color, string? dash = null, bool markers = true, bool showLegend = true, IEnumerable<string>? hover = null)
    {
        var trace = new JsonObject
        {
            ["type"] = "scatter", ["mode"] = markers ? "lines+markers" : "lines", ["name"] = Legend(name), ["x"] = Values(x), ["y"] = Values(y),
            ["line"] = new JsonObject { ["color"] = color, ["dash"] = dash ?? "solid" }, ["marker"] = new JsonObject { ["color"] = color },
            ["showlegend"] = showLegend, ["connectgaps"] = false,
        };
        if (hover is not null) { trace["text"] = Values(hover); trace["hovertemplate"] = "%{text}<extra></extra>"; }
        Traces.Add(trace);
        return this;
    }

    /// <summary>Markers only, optionally with asymmetric error bars.</summary>
    public Figure Points<TX>(IEnumerable<TX> x, IEnumerable<double?> y, string name, string color, string symbol = "circle",
        IEnumerable<double?>? errorPlus = null, IEnumerable<double?>? errorMinus = null, IEnumerable<string>? hover = null)
    {
        var trace = new JsonObject
        {
            ["type"] = "scatter", ["mode"] = "markers", ["name"] = Legend(name), ["x"] = Values(x), ["y"] = Values(y),
            ["marker"] = new JsonObject { ["color"] = color, ["size"] = 10, ["symbol"] = symbol },
        };
        if (errorPlus is not null)
            trace["error_y"] = new JsonObject { ["type"] = "data", ["symmetric"] = false, ["array"] = Values(errorPlus), ["arrayminus"] = Values(errorMinus ?? errorPlus), ["color"] = "#555555", ["thickness"] = 1.5 };
        if (hover is not null) { trace["text"] = Values(hover); trace["hovertemplate"] = "%{text}<extra></extra>"; }
        Traces.Add(trace);
        return this;
    }

    /// <summary>Bars (vertical, or horizontal when <paramref name="horizontal"/>).</summary>
    public Figure Bars<TX>(IEnumerable<TX> categories, IEnumerable<double?> values, string name, string color, bool horizontal = false, double opacity = 1, IEnumerable<string>? hover = null)
    {
        var trace = new JsonObject
        {
            ["type"] = "bar", ["name"] = Legend(name), ["marker"] = new JsonObject { ["color"] = color }, ["opacity"] = opacity,
            [horizontal ? "y" : "x"] = Values(categories), [horizontal ? "x" : "y"] = Values(values),
        };
        if (horizontal) trace["orientation"] = "h";
        if (hover is not null) { trace["text"] = Values(hover); trace["hovertemplate"] = "%{text}<extra></extra>"; trace["textposition"] = "none"; }
        Traces.Add(trace);
        return this;
    }

    /// <summary>A layout setting by name (e.g. barmode).</summary>
    public Figure Set(string key, JsonNode? value)
    {
        Layout[key] = value;
        return this;
    }

    /// <summary>A dashed vertical line at a date across the plot, with a label (e.g. the start of a pilot).</summary>
    public Figure MarkDate(DateOnly date, string label)
    {
        var x = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Layout["shapes"] = new JsonArray(new JsonObject
        {
            ["type"] = "line", ["x0"] = x, ["x1"] = x, ["yref"] = "paper", ["y0"] = 0, ["y1"] = 1,
            ["line"] = new JsonObject { ["color"] = "#555555", ["dash"] = "dash", ["width"] = 1.5 },
        });
        Layout["annotations"] = new JsonArray(new JsonObject { ["x"] = x, ["yref"] = "paper", ["y"] = 1.02, ["text"] = label, ["showarrow"] = false, ["xanchor"] = "left" });
        return this;
    }

    /// <summary>The figure as plotly.js takes it: {"data": [...], "layout": {...}}.</summary>
    public JsonObject ToJsonObject() => new() { ["data"] = new JsonArray([.. Traces.Select(t => t.DeepClone())]), ["layout"] = Layout.DeepClone() };

    /// <summary>A container and the script that draws the figure into it (plotly.js must be on the page).</summary>
    public string ToHtml(string id) =>
        $"<div class=\"chart\" id=\"{HtmlSafe.Text(id)}\"></div>\n<script>{DrawScript(id)}</script>\n";

    /// <summary>The script that draws the figure into the element with this id.</summary>
    public string DrawScript(string id) =>
        $"(function(){{var f={HtmlSafe.Json(ToJsonObject())};Plotly.newPlot(document.getElementById({HtmlSafe.Json(JsonValue.Create(id))}),f.data,f.layout,{{responsive:true,displaylogo:false}});}})();";

    static int _notebookCharts;

    /// <summary>Starts a notebook: its next chart carries plotly.js again (the project's runner runs several notebooks in one process).</summary>
    public static void NewNotebook() => Interlocked.Exchange(ref _notebookCharts, 0);

    /// <summary>
    /// HTML for a notebook output: the first figure of a process also carries plotly.js (inlined, so the notebook works
    /// offline); later ones reuse it. Each figure gets a fresh element id.
    /// </summary>
    public string ToNotebookHtml()
    {
        var n = Interlocked.Increment(ref _notebookCharts);
        var id = $"softskills-chart-{Environment.ProcessId}-{n}";
        return (n == 1 ? PlotlyJs.ScriptElement() + "\n" : "") + ToHtml(id);
    }
}
