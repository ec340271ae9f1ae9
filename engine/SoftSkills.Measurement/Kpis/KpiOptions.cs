namespace SoftSkills.Measurement.Kpis;

/// <summary>The period a KPI is reported for.</summary>
public enum PeriodKind { Day, Week, Window }

/// <summary>Every window and threshold of the KPI definitions (docs/design.md §3), with the defaults of the design.</summary>
public sealed record KpiOptions
{
    /// <summary><c>organisation</c>, <c>team</c>, <c>employee</c>, <c>role</c> or an <c>attr_*</c> column.</summary>
    public string GroupBy { get; init; } = "team";
    public PeriodKind Period { get; init; } = PeriodKind.Window;

    /// <summary>Groups with fewer distinct contributing employees are suppressed (1 turns suppression off).</summary>
    public int MinGroupSize { get; init; } = 5;
    public WorkingHours WorkingHours { get; init; } = WorkingHours.Default;

    /// <summary>A request counts as answered when its reply comes within this much working time.</summary>
    public TimeSpan ResponseLimit { get; init; } = TimeSpan.FromHours(4);

    /// <summary>A reply counts as empathic at this rubric level or above (2 = Competent).</summary>
    public int EmpathicLevel { get; init; } = 2;

    /// <summary>First and last day (UTC, inclusive) of the window; null takes the data's own extent.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>The baseline is the KPI over this many first days of the window.</summary>
    public int BaselineDays { get; init; } = 60;

    /// <summary>Target = baseline + this many points (all four KPIs are on 0–100 scales).</summary>
    public double TargetUplift { get; init; } = 5;

    /// <summary>Events may arrive this far out of time order; older stragglers are an error once pending requests were retired.</summary>
    public TimeSpan OrderSlack { get; init; } = TimeSpan.FromDays(2);
}
