using System.Globalization;
using System.Text;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Reporting;

/// <summary>KPI cards as HTML (for notebooks): the value with its n, the change against baseline and target, or why a value is not shown.</summary>
public static class KpiCards
{
    /// <summary>Four cards for one row; a suppressed row gives a notice instead of numbers.</summary>
    public static string Html(KpiRow row, KpiBaseline? baseline, int minGroupSize = 5)
    {
        var sb = new StringBuilder("<div style=\"display:flex;gap:12px;flex-wrap:wrap;font-family:Arial,sans-serif\">");
        if (row.Suppressed)
            return sb.Append($"<div>{HtmlSafe.Text(row.Group)}: fewer than {minGroupSize} people took part, so nothing is shown</div></div>").ToString();
        foreach (var kpi in KpiNames.All)
        {
            var value = row.Value(kpi);
            var b = baseline?.Baseline(kpi);
            var t = baseline?.Target(kpi);
            var detail = row.WithheldReason(kpi, minGroupSize) is { } why ? $"not shown: {why}"
                : value is null ? "no data" : $"n = {row.N(kpi):N0} {KpiNames.CountNoun(kpi)} by {row.People(kpi)} people";
            sb.Append("<div style=\"border:1px solid #ccc;border-radius:8px;padding:10px 14px;min-width:190px\">")
              .Append($"<div style=\"font-size:12px;color:#555\">{HtmlSafe.Text(KpiNames.Title(kpi))} ({HtmlSafe.Text(KpiNames.Unit(kpi))})</div>")
              .Append($"<div style=\"font-size:26px;font-weight:bold\">{F(value)}</div>")
              .Append($"<div style=\"font-size:12px;color:#555\">{HtmlSafe.Text(detail)}</div>")
              .Append($"<div style=\"font-size:12px\">vs baseline {Delta(value, b)} · vs target {Delta(value, t)}</div>")
              .Append("</div>");
        }
        return sb.Append("</div>").ToString();
    }

    static string F(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A signed difference in points, marked with an arrow as well as a sign so it does not rely on colour.</summary>
    public static string Delta(double? value, double? reference)
    {
        if (value is not { } v || reference is not { } r) return "–";
        var d = v - r;
        var arrow = d > 0 ? "▲" : d < 0 ? "▼" : "■";
        return $"{arrow} {d.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)}";
    }
}
