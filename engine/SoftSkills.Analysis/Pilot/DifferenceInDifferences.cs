using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SoftSkills.Analysis.Pilot;

/// <summary>One observation of a panel: a cluster (team) in a period, whether it is treated, and whether it is after the start.</summary>
public readonly record struct DidObservation(string Cluster, bool Treated, bool Post, double Value);

/// <summary>A difference-in-differences estimate with its cluster-robust standard error and interval.</summary>
public sealed record DidResult(
    double Estimate, double StandardError, double Lower, double Upper, double T, int DegreesOfFreedom, double P,
    int Clusters, int Observations, double TreatedBefore, double TreatedAfter, double ControlBefore, double ControlAfter)
{
    public double[] Ci95 => [Lower, Upper];
}

/// <summary>Difference-in-differences by OLS with team-clustered standard errors.</summary>
public static class DifferenceInDifferences
{
    /// <summary>
    /// Fits y = a + b·treated + c·post + δ·treated·post by OLS; δ is the effect. Its variance is the CR1 cluster-robust
    /// sandwich, (X'X)⁻¹ Σ_g X_g'u_g u_g'X_g (X'X)⁻¹ · G/(G−1) · (N−1)/(N−K), with a t interval on G−1 degrees of freedom
    /// (Cameron &amp; Miller 2015, "A Practitioner's Guide to Cluster-Robust Inference", J. Human Resources 50(2)).
    /// </summary>
    public static DidResult Estimate(IReadOnlyList<DidObservation> observations, double confidence = 0.95)
    {
        var cells = new (bool Treated, bool Post)[] { (true, false), (true, true), (false, false), (false, true) };
        foreach (var (treated, post) in cells)
            if (!observations.Any(o => o.Treated == treated && o.Post == post))
                throw new ArgumentException($"no observation of the {(treated ? "treated" : "control")} arm {(post ? "after" : "before")} the start");
        var n = observations.Count;
        const int k = 4;
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => Regressor(observations[i], j));
        var y = Vector<double>.Build.Dense(n, i => observations[i].Value);
        var xtxInverse = (x.TransposeThisAndMultiply(x)).Inverse();
        var beta = xtxInverse * x.TransposeThisAndMultiply(y);
        var residuals = y - x * beta;

        var clusters = observations.Select((o, i) => (o.Cluster, i)).GroupBy(c => c.Cluster).ToList();
        var g = clusters.Count;
        if (g < 2) throw new ArgumentException("clustered standard errors need at least two clusters");
        var meat = Matrix<double>.Build.Dense(k, k);
        foreach (var cluster in clusters)
        {
            var score = Vector<double>.Build.Dense(k);
            foreach (var (_, i) in cluster) score += x.Row(i) * residuals[i];
            meat += score.OuterProduct(score);
        }
        var correction = g / (g - 1.0) * (n - 1.0) / (n - k);
        var variance = xtxInverse * meat * xtxInverse * correction;
        var se = Math.Sqrt(variance[3, 3]);
        var df = g - 1;
        var critical = StudentT.InvCDF(0, 1, df, 1 - (1 - confidence) / 2);
        var t = se > 0 ? beta[3] / se : double.NaN;
        var p = se > 0 ? 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(t))) : double.NaN;
        double Mean(bool tr, bool po) => observations.Where(o => o.Treated == tr && o.Post == po).Average(o => o.Value);
        return new DidResult(beta[3], se, beta[3] - critical * se, beta[3] + critical * se, t, df, p, g, n,
            Mean(true, false), Mean(true, true), Mean(false, false), Mean(false, true));
    }

    static double Regressor(DidObservation o, int j) => j switch
    {
        0 => 1,
        1 => o.Treated ? 1 : 0,
        2 => o.Post ? 1 : 0,
        _ => o.Treated && o.Post ? 1 : 0,
    };
}
