using System.Net;
using System.Text;
using Plotly.NET;

namespace SoftSkills.Reporting;

/// <summary>
/// A self-contained HTML page: plotly.js (embedded in Plotly.NET.dll) inlined once, then sections of HTML and charts.
/// Nothing is fetched when the page opens, so it works from disk, offline.
/// </summary>
public sealed class OfflinePage(string title)
{
    static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = $"Plotly.NET.plotly-{Globals.PLOTLYJS_VERSION}.min.js";
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Plotly.NET has no resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    readonly StringBuilder _body = new();
    int _charts;

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public OfflinePage Heading(string text, int level = 2)
    {
        _body.Append($"<h{level}>{Encode(text)}</h{level}>\n");
        return this;
    }

    public OfflinePage Paragraph(string text)
    {
        _body.Append($"<p>{Encode(text)}</p>\n");
        return this;
    }

    /// <summary>Raw HTML built by the caller (cards, tables); the caller encodes any text in it.</summary>
    public OfflinePage Html(string html)
    {
        _body.Append(html).Append('\n');
        return this;
    }

    /// <summary>A chart drawn into its own container with Plotly.newPlot; the figure JSON is embedded, never fetched.</summary>
    public OfflinePage Chart(GenericChart chart, string? id = null)
    {
        id ??= $"chart-{++_charts}";
        var figure = GenericChart.toFigureJson(chart);
        _body.Append($"<div class=\"chart\" id=\"{Encode(id)}\"></div>\n")
             .Append($"<script>(function(){{var f={figure};Plotly.newPlot('{id}',f.data,f.layout,{{responsive:true,displaylogo:false}});}})();</script>\n");
        return this;
    }

    public string ToHtml() => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .Append($"<title>{Encode(title)}</title>\n")
        .Append("<style>body{font-family:Arial,Helvetica,sans-serif;margin:24px auto;max-width:1280px;padding:0 16px;color:#222}")
        .Append(".cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #bbb;border-radius:8px;padding:10px 14px;min-width:200px}")
        .Append(".card .value{font-size:26px;font-weight:bold}.muted{color:#555;font-size:13px}.chart{width:100%;min-height:420px}")
        .Append("table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}</style>\n")
        .Append($"<script>{PlotlyJs.Value}</script>\n</head>\n<body>\n<h1>{Encode(title)}</h1>\n")
        .Append(_body)
        .Append("</body>\n</html>\n")
        .ToString();
}
