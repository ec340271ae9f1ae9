using Plotly.NET;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace SoftSkills.Reporting;

/// <summary>Charts of a pilot: the arms' KPI trajectories around the start, and the estimated against the true effects.</summary>
public static class PilotCharts
{
    /// <summary>Weekly mean of a KPI over each arm's teams, with the pilot's start marked.</summary>
    public static GenericChart Trajectories(PilotReport report, Kpi kpi)
    {
        var traces = new List<GenericChart>();
        var arms = new[] { ("treatment", 0), ("control", 1) };
        foreach (var (arm, colour) in arms)
        {
            var weeks = report.TeamWeeks
                .Where(r => !r.Suppressed && r.Value(kpi).HasValue && report.Design.ArmOf(r.Group) == arm)
                .GroupBy(r => r.PeriodStart)
                .OrderBy(g => g.Key)
                .ToList();
            traces.Add(CSharpChart.Line<DateTime, double, string>(
                x: weeks.Select(w => w.Key.ToDateTime(TimeOnly.MinValue)),
                y: weeks.Select(w => Math.Round(w.Average(r => r.Value(kpi)!.Value), 2)),
                Name: arm, ShowMarkers: true, LineColor: ChartStyle.ColorAt(colour)));
        }
        var chart = ChartStyle.Apply(CSharpChart.Combine(traces), $"{KpiNames.Title(kpi)}: treatment and control teams by week",
            "week starting", $"{KpiNames.Title(kpi)} ({KpiNames.Unit(kpi)})");
        return ChartStyle.MarkDate(chart, report.Design.PilotStart, "pilot starts");
    }

    /// <summary>Each KPI's difference-in-differences estimate with its 95% interval, beside the true effect when known.</summary>
    public static GenericChart Effects(IReadOnlyList<KpiEffect> effects)
    {
        var names = effects.Select(e => KpiNames.Title(e.Kpi)).ToArray();
        var traces = new List<GenericChart>();
        for (var i = 0; i < effects.Count; i++)
        {
            traces.Add(CSharpChart.Line<string, double, string>(
                x: [names[i], names[i]], y: [Math.Round(effects[i].Did.Lower, 2), Math.Round(effects[i].Did.Upper, 2)],
                Name: "95% interval", ShowLegend: i == 0, LineColor: Color.fromHex("#999999")));
        }
        traces.Add(CSharpChart.Point<string, double, string>(x: names, y: effects.Select(e => Math.Round(e.Did.Estimate, 2)),
            Name: "estimate (difference-in-differences)", MarkerColor: ChartStyle.ColorAt(0)));
        var known = effects.Where(e => e.TrueEffect.HasValue).ToList();
        if (known.Count > 0)
        {
            traces.Add(CSharpChart.Point<string, double, string>(x: known.Select(e => KpiNames.Title(e.Kpi)), y: known.Select(e => Math.Round(e.TrueEffect!.Value, 2)),
                Name: "true effect (simulator)", MarkerColor: ChartStyle.ColorAt(5), MarkerSymbol: StyleParam.MarkerSymbol.Diamond));
        }
        return ChartStyle.Apply(CSharpChart.Combine(traces), "Pilot effects: estimate, 95% interval and truth", "KPI", "effect (points)");
    }
}
