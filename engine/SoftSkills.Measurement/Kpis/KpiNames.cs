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
