using SoftSkills.Analysis.Pilot;

namespace SoftSkills.Analysis.Roi;

/// <summary>
/// Turns a pilot's measured KPI effects into a productivity uplift with its uncertainty: uplift = Σ_k w_k · effect_k, with
/// the weights of the ROI file's <c>kpi_to_productivity</c> (productivity per KPI point; by default 0.2% per point of
/// Handoff Success Rate and 0.1% per point of Decision-Quality Rate, nothing for RES and CI). The three-point value takes
/// each effect's 95% interval as low and high and the estimate as mode: for several KPIs the bounds add up, which widens
/// the range (conservative).
/// </summary>
public static class PilotToRoi
{
    public static ThreePoint Uplift(IEnumerable<KpiEffect> effects, IReadOnlyDictionary<string, double> weights)
    {
        double low = 0, mode = 0, high = 0;
        foreach (var e in effects)
        {
            var w = weights.GetValueOrDefault(e.Kpi.ToString().ToLowerInvariant());
            if (w == 0) continue;
            var (a, b) = w > 0 ? (e.Did.Lower, e.Did.Upper) : (e.Did.Upper, e.Did.Lower);
            low += w * a;
            mode += w * e.Did.Estimate;
            high += w * b;
        }
        return new ThreePoint(Math.Clamp(low, -1, 1), Math.Clamp(mode, -1, 1), Math.Clamp(high, -1, 1));
    }

    /// <summary>The scenario with its productivity uplift replaced by the pilot's.</summary>
    public static RoiScenario WithUplift(RoiScenario scenario, ThreePoint uplift) =>
        scenario.With("productivity_uplift", uplift) with { Name = scenario.Name + " (pilot-measured uplift)" };
}
