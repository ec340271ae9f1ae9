using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>Baselines (the KPIs over the first <see cref="KpiOptions.BaselineDays"/> days) and targets per group.</summary>
public static class Baselines
{
    /// <summary>Computes each group's baseline over [<paramref name="firstDay"/>, firstDay + BaselineDays).</summary>
    public static IReadOnlyList<KpiBaseline> Compute(
        IReadOnlyList<Employee> employees, IEnumerable<Event> events, ItemLevels levels, KpiOptions options, DateOnly firstDay) =>
        KpiCalculator.Compute(employees, events, levels, Window(options, firstDay)).Rows.Select(r => Of(r, options.TargetUplift)).ToList();

    /// <summary>The options of a baseline window: the first <see cref="KpiOptions.BaselineDays"/> days from <paramref name="firstDay"/>.</summary>
    public static KpiOptions Window(KpiOptions options, DateOnly firstDay) =>
        options with { Period = PeriodKind.Window, From = firstDay, To = firstDay.AddDays(options.BaselineDays - 1) };

    /// <summary>A baseline row read as baseline and target.</summary>
    public static KpiBaseline Of(KpiRow r, double uplift) => new(r.Group, r.Suppressed, r.Res, r.Ci, r.Dqr, r.Hsr, uplift);
}
