using System.Globalization;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Schema;

namespace SoftSkills.Analysis.Roi;

/// <summary>
/// Turns a pilot's measured KPI effects into a productivity uplift with its uncertainty: uplift = Σ_k w_k · effect_k, with
/// the weights of the ROI file's <c>kpi_to_productivity</c> (productivity per KPI point; by default 0.2% per point of
/// Handoff Success Rate and 0.1% per point of Decision-Quality Rate, nothing for RES and CI). The three-point value takes
/// each effect's interval as low and high and the estimate as mode: for several KPIs the bounds add up, which widens the
/// range (conservative). A KPI whose effect could not be estimated adds nothing, and the description says so.
/// </summary>
public static class PilotToRoi
{
    public static ThreePoint Uplift(IEnumerable<KpiEffect> effects, IReadOnlyDictionary<string, double> weights)
    {
        double low = 0, mode = 0, high = 0;
        foreach (var e in effects)
        {
            var w = weights.GetValueOrDefault(EnumNames.Of(e.Kpi));
            if (w == 0 || e.Did is not { } did) continue;
            var (a, b) = w > 0 ? (did.Lower, did.Upper) : (did.Upper, did.Lower);
            low += w * a;
            mode += w * did.Estimate;
            high += w * b;
        }
        return new ThreePoint(Math.Clamp(low, -1, 1), Math.Clamp(mode, -1, 1), Math.Clamp(high, -1, 1));
    }

    /// <summary>Where the uplift comes from, in words ("measured PILOT: …"): each contributing KPI's effect and weight.</summary>
    public static string Describe(IEnumerable<KpiEffect> effects, IReadOnlyDictionary<string, double> weights, string pilot)
    {
        var parts = new List<string>();
        foreach (var e in effects)
        {
            var w = weights.GetValueOrDefault(EnumNames.Of(e.Kpi));
            if (w == 0) continue;
            parts.Add(e.Did is { } d
                ? string.Create(CultureInfo.InvariantCulture, $"{EnumNames.Of(e.Kpi).ToUpperInvariant()} {d.Estimate:+0.0;-0.0} points [{d.Lower:0.0}, {d.Upper:0.0}] × {100 * w:0.##}% per point")
                : $"{EnumNames.Of(e.Kpi).ToUpperInvariant()} not estimable (counts as 0)");
        }
        return $"measured {pilot}: " + (parts.Count == 0 ? "no KPI with a productivity weight" : string.Join("; ", parts));
    }

    /// <summary>The scenario with its productivity uplift replaced by the pilot's.</summary>
    public static RoiScenario WithUplift(RoiScenario scenario, ThreePoint uplift) =>
        scenario.With("productivity_uplift", uplift) with { Name = scenario.Name + " (pilot-measured uplift)" };
}
