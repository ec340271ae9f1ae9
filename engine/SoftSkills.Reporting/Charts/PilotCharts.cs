using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Reporting.Charts;

/// <summary>Charts of a pilot: the arms' KPI trajectories around the start, and the estimated against the true effects.</summary>
public static class PilotCharts
{
    /// <summary>Weekly mean of a KPI over each arm's teams (published team-weeks), with the pilot's start marked.</summary>
    public static Figure Trajectories(PilotReport report, Kpi kpi)
    {
        var figure = new Figure($"{KpiNames.Title(kpi)}: treatment and control teams by week", "week starting", $"{KpiNames.Title(kpi)} ({KpiNames.Unit(kpi)})");
        foreach (var (arm, colour) in new[] { ("treatment", 0), ("control", 1) })
        {
            var weeks = report.TeamWeeks
                .Where(r => !r.Suppressed && r.Value(kpi).HasValue && report.Design.ArmOf(r.Group) == arm)
                .GroupBy(r => r.PeriodStart).OrderBy(g => g.Key).ToList();
            figure.Line(weeks.Select(w => w.Key.ToString("yyyy-MM-dd")), weeks.Select(w => (double?)w.Average(r => r.Value(kpi)!.Value)), arm, Figure.ColorAt(colour));
        }
        return figure.MarkDate(report.Design.PilotStart, "pilot starts");
    }

    /// <summary>Each KPI's difference-in-differences estimate with its interval, beside the true effect when known.</summary>
    public static Figure Effects(PilotReport report)
    {
        var level = $"{100 * report.Level:0.#}%";
        var estimable = report.Effects.Where(e => e.Did is not null).ToList();
        var names = estimable.Select(e => KpiNames.Title(e.Kpi)).ToList();
        var figure = new Figure($"Pilot effects: estimate, {level} interval ({report.Options.Method}) and truth", "KPI", "effect (points)");
        figure.Points(names, estimable.Select(e => (double?)e.Did!.Estimate), "estimate (difference-in-differences)", Figure.ColorAt(0),
            errorPlus: estimable.Select(e => (double?)(e.Did!.Upper - e.Did.Estimate)), errorMinus: estimable.Select(e => (double?)(e.Did!.Estimate - e.Did.Lower)),
            hover: estimable.Select(e => $"{KpiNames.Title(e.Kpi)}: {e.Did!.Estimate:+0.0;-0.0} [{e.Did.Lower:0.0}, {e.Did.Upper:0.0}], p = {e.Did.P:0.000}, Holm p = {e.HolmP:0.000}, permutation p = {e.Randomisation?.P:0.000}"));
        var known = estimable.Where(e => e.TrueEffect.HasValue).ToList();
        if (known.Count > 0)
            figure.Points(known.Select(e => KpiNames.Title(e.Kpi)), known.Select(e => e.TrueEffect), "true effect (simulator)", Figure.ColorAt(5), "diamond");
        return figure;
    }
}
