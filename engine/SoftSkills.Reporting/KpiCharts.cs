using Plotly.NET;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace SoftSkills.Reporting;

/// <summary>Chart builders for KPI series: functions from rows to a fresh chart.</summary>
public static class KpiCharts
{
    /// <summary>One line per group over the periods of the rows; suppressed or empty periods are gaps, never zeros.</summary>
    public static GenericChart Trend(IEnumerable<KpiRow> rows, Kpi kpi)
    {
        var byGroup = rows.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var traces = new List<GenericChart>();
        for (var i = 0; i < byGroup.Count; i++)
        {
            var points = byGroup[i].Where(r => !r.Suppressed && r.Value(kpi).HasValue).OrderBy(r => r.PeriodStart).ToList();
            if (points.Count == 0) continue;
            traces.Add(CSharpChart.Line<DateTime, double, string>(
                x: points.Select(p => p.PeriodStart.ToDateTime(TimeOnly.MinValue)),
                y: points.Select(p => Math.Round(p.Value(kpi)!.Value, 1)),
                Name: byGroup[i].Key,
                ShowMarkers: true,
                LineColor: ChartStyle.ColorAt(i)));
        }
        var chart = traces.Count > 0 ? CSharpChart.Combine(traces) : CSharpChart.Line<DateTime, double, string>(x: [], y: []);
        var period = rows.FirstOrDefault()?.Period.ToString().ToLowerInvariant() ?? "period";
        return ChartStyle.Apply(chart, $"{KpiNames.Title(kpi)} by {rows.FirstOrDefault()?.GroupBy ?? "group"} and {period}",
            $"{period} starting", $"{KpiNames.Title(kpi)} ({KpiNames.Unit(kpi)})");
    }
}
