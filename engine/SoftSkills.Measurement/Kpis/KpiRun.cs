using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;

namespace SoftSkills.Measurement.Kpis;

/// <summary>KPIs with their baselines and the data-quality counts of the read.</summary>
public sealed record KpiRun(KpiReport Report, IReadOnlyDictionary<string, KpiBaseline> Baselines, ReadReport Quality)
{
    /// <summary>Two passes: the KPIs (which also find the data window), then the baseline over the window's first days.</summary>
    public static KpiRun Compute(DataFolder folder, KpiOptions options)
    {
        var employees = folder.Employees();
        var levels = ItemLevels.FromRatings(folder.Ratings());
        var report = KpiCalculator.Compute(employees, folder.Events(), levels, options);
        var baselines = report.FirstDay is { } first
            ? Kpis.Baselines.Compute(employees, folder.Events(), levels, options, first).ToDictionary(b => b.Group)
            : [];
        return new KpiRun(report, baselines, folder.TotalReport());
    }
}
