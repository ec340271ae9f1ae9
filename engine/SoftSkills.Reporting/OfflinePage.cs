using System.Text;
using System.Text.Json.Nodes;
using SoftSkills.Reporting.Charts;

namespace SoftSkills.Reporting;

/// <summary>
/// A self-contained HTML page: plotly.js inlined once, then sections of HTML and charts. Nothing is fetched when the page
/// opens (its Content-Security-Policy forbids it), so it works from disk, offline; every inline script is allowed by its
/// hash and no other script can run.
/// </summary>
public sealed class OfflinePage(string title, string? style = null)
{
    readonly StringBuilder _body = new();
    readonly List<string> _scripts = [PlotlyJs.Script];
    int _charts;

    public OfflinePage Heading(string text, int level = 2)
    {
        _body.Append($"<h{level}>{HtmlSafe.Text(text)}</h{level}>\n");
        return this;
    }

    public OfflinePage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{HtmlSafe.Text(cssClass)}\">").Append(HtmlSafe.Text(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Raw HTML built by the caller (cards, tables); the caller encodes every text in it with <see cref="HtmlSafe.Text"/>.</summary>
    public OfflinePage Html(string html)
    {
        _body.Append(html).Append('\n');
        return this;
    }

    /// <summary>A chart drawn into its own container; the figure JSON is embedded, never fetched.</summary>
    public OfflinePage Chart(Figure figure, string? id = null)
    {
        id ??= $"chart-{++_charts}";
        _body.Append($"<div class=\"chart\" id=\"{HtmlSafe.Text(id)}\"></div>\n");
        return Script(figure.DrawScript(id));
    }

    /// <summary>Data for the page's scripts: a JSON script element (not executed) with a safe encoding.</summary>
    public OfflinePage Data(string id, JsonNode data)
    {
        _body.Append($"<script type=\"application/json\" id=\"{HtmlSafe.Text(id)}\">{HtmlSafe.Json(data)}</script>\n");
        return this;
    }

    /// <summary>An inline script of ours, allowed by the page's policy through its hash.</summary>
    public OfflinePage Script(string script)
    {
        _scripts.Add(script);
        _body.Append("<script>").Append(script).Append("</script>\n");
        return this;
    }

    const string BaseStyle = "body{font-family:Arial,Helvetica,sans-serif;margin:24px auto;max-width:1280px;padding:0 16px;color:#222}"
        + ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px}.card{border:1px solid #bbb;border-radius:8px;padding:10px 14px}"
        + ".card .value{font-size:24px;font-weight:bold}.muted{color:#555;font-size:13px}.chart{width:100%;min-height:420px}"
        + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}"
        + ".note{background:#f4f4f4;border-left:4px solid #888;padding:8px 12px}"
        + "body{overflow-wrap:anywhere}";   // a long name from the data wraps instead of widening the page

    public string ToHtml() => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlSafe.Text(HtmlSafe.ContentSecurityPolicy(_scripts))}\">\n")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .Append($"<title>{HtmlSafe.Text(title)}</title>\n")
        .Append("<style>").Append(BaseStyle).Append(style ?? "").Append("</style>\n")
        .Append("<script>").Append(PlotlyJs.Script).Append("</script>\n</head>\n<body>\n")
        .Append($"<h1>{HtmlSafe.Text(title)}</h1>\n")
        .Append(_body)
        .Append("</body>\n</html>\n")
        .ToString();
}
