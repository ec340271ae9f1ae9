using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Reporting.Charts;

/// <summary>Chart builders for KPI series: functions from rows to a fresh figure.</summary>
public static class KpiCharts
{
    /// <summary>One line per group over the periods of the rows; withheld or empty periods are gaps, never zeros; hover shows n.</summary>
    public static Figure Trend(IEnumerable<KpiRow> rows, Kpi kpi)
    {
        var list = rows.ToList();
        var period = list.FirstOrDefault()?.Period.ToString().ToLowerInvariant() ?? "period";
        var figure = new Figure($"{KpiNames.Title(kpi)} by {list.FirstOrDefault()?.GroupBy ?? "group"} and {period}", $"{period} starting", $"{KpiNames.Title(kpi)} ({KpiNames.Unit(kpi)})");
        var periods = list.Select(r => r.PeriodStart).Distinct().Order().ToList();
        var i = 0;
        foreach (var group in list.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byStart = group.ToDictionary(r => r.PeriodStart);
            if (!group.Any(r => r.Value(kpi).HasValue)) continue;
            figure.Line(periods.Select(Day), periods.Select(p => byStart.TryGetValue(p, out var r) ? r.Value(kpi) : null), group.Key, Figure.ColorAt(i++),
                hover: periods.Select(p => byStart.TryGetValue(p, out var r) && r.Value(kpi) is { } v
                    ? $"{group.Key}, {Day(p)}: {v:0.0} (n = {r.N(kpi)})" : $"{group.Key}, {Day(p)}: n/a"));
        }
        return figure;
    }

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
