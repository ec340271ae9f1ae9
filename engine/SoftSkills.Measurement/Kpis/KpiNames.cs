using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>Names, units and accessors of the four KPIs.</summary>
public static class KpiNames
{
    public static readonly Kpi[] All = [Kpi.Res, Kpi.Ci, Kpi.Dqr, Kpi.Hsr];

    public static string Title(Kpi kpi) => kpi switch
    {
        Kpi.Res => "Response Empathy Score",
        Kpi.Ci => "Collaboration Index",
        Kpi.Dqr => "Decision-Quality Rate",
        _ => "Handoff Success Rate",
    };

    public static string Unit(Kpi kpi) => kpi == Kpi.Ci ? "index 0–100" : "%";

    public static double? Value(this KpiRow row, Kpi kpi) => kpi switch
    {
        Kpi.Res => row.Res,
        Kpi.Ci => row.Ci,
        Kpi.Dqr => row.Dqr,
        _ => row.Hsr,
    };

    /// <summary>The count a KPI's value is a share of (null when withheld).</summary>
    public static int? N(this KpiRow row, Kpi kpi) => kpi switch
    {
        Kpi.Res => row.ResN,
        Kpi.Ci => row.CiN,
        Kpi.Dqr => row.DqrN,
        _ => row.HsrN,
    };

    /// <summary>The distinct people behind a KPI's value (null when withheld).</summary>
    public static int? People(this KpiRow row, Kpi kpi) => kpi switch
    {
        Kpi.Res => row.ResPeople,
        Kpi.Ci => row.CiPeople,
        Kpi.Dqr => row.DqrPeople,
        _ => row.HsrPeople,
    };

    /// <summary>Why a KPI's value is not shown: withheld (with the reason), the whole group suppressed, or null when it is shown or simply has no data.</summary>
    public static string? WithheldReason(this KpiRow row, Kpi kpi, int minimum) =>
        row.Suppressed ? $"fewer than {minimum} people in the group took part" : row.Withheld?.GetValueOrDefault(kpi);

    /// <summary>What the count of a KPI counts, for labels (replies rated, decisions, ...).</summary>
    public static string CountNoun(Kpi kpi) => kpi switch
    {
        Kpi.Res => "rated replies",
        Kpi.Ci => "pairs, requests and members",
        Kpi.Dqr => "decisions",
        _ => "handoffs",
    };

    public static double? Baseline(this KpiBaseline b, Kpi kpi) => kpi switch
    {
        Kpi.Res => b.Res,
        Kpi.Ci => b.Ci,
        Kpi.Dqr => b.Dqr,
        _ => b.Hsr,
    };

    public static double? Target(this KpiBaseline b, Kpi kpi) => kpi switch
    {
        Kpi.Res => b.ResTarget,
        Kpi.Ci => b.CiTarget,
        Kpi.Dqr => b.DqrTarget,
        _ => b.HsrTarget,
    };
}
