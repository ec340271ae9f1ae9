using MathNet.Numerics.Distributions;

namespace SoftSkills.Analysis.Pilot;

/// <summary>One KPI's power over a design's replications: the share detected, the estimates' mean and spread, and the minimum detectable effect.</summary>
public sealed record KpiPower(int Replications, double Power, double MeanEstimate, double SdEstimate, double MinimumDetectableEffect, double? MeanTrueEffect);

/// <summary>
/// Power of a pilot design by repeated simulation: a replication counts as detected by the same rule the pilot's verdict
/// uses (Holm-adjusted p below α over the four KPIs, from the chosen interval method). The minimum detectable effect at
/// 80% power is (t_{1−α/2} + t_{0.80})·SD of the estimates across replications, on G − 1 degrees of freedom (Bloom 1995,
/// Evaluation Review 19(5)).
/// </summary>
public static class PowerAnalysis
{
    public static KpiPower? Of(IReadOnlyList<(double? Estimate, double? HolmP, double? TrueEffect)> replications, int clusters, double alpha = 0.05)
    {
        var usable = replications.Where(r => r.Estimate is { } e && double.IsFinite(e)).ToList();
        if (usable.Count < 2) return null;
        var estimates = usable.Select(r => r.Estimate!.Value).ToArray();
        var mean = estimates.Average();
        var sd = Math.Sqrt(estimates.Sum(x => (x - mean) * (x - mean)) / (estimates.Length - 1));
        var df = Math.Max(1, clusters - 1);
        var multiplier = StudentT.InvCDF(0, 1, df, 1 - alpha / 2) + StudentT.InvCDF(0, 1, df, 0.80);
        var detected = usable.Count(r => r.HolmP is { } p && p < alpha);
        var truths = usable.Where(r => r.TrueEffect.HasValue).Select(r => r.TrueEffect!.Value).ToList();
        return new KpiPower(usable.Count, (double)detected / usable.Count, mean, sd, multiplier * sd, truths.Count > 0 ? truths.Average() : null);
    }
}
