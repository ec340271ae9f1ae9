using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>Baselines (the KPIs over the first <see cref="KpiOptions.BaselineDays"/> days) and targets per group.</summary>
public static class Baselines
{
    /// <summary>Computes each group's baseline over [<paramref name="firstDay"/>, firstDay + BaselineDays).</summary>
    public static IReadOnlyList<KpiBaseline> Compute(
        IReadOnlyList<Employee> employees, IEnumerable<Event> events, ItemLevels levels, KpiOptions options, DateOnly firstDay)
    {
        var window = options with
        {
            Period = PeriodKind.Window,
            From = firstDay,
            To = firstDay.AddDays(options.BaselineDays - 1),
        };
        var report = KpiCalculator.Compute(employees, events, levels, window);
        return report.Rows
            .Select(r => new KpiBaseline(r.Group, r.Suppressed, r.Res, r.Ci, r.Dqr, r.Hsr, options.TargetUplift))
            .ToList();
    }
}
