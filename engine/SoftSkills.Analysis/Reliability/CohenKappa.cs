using MathNet.Numerics.Distributions;

namespace SoftSkills.Analysis.Reliability;

/// <summary>How disagreements between ordered categories are weighted.</summary>
public enum KappaWeights { None, Linear, Quadratic }

/// <summary>
/// Cohen's kappa with its large-sample standard error and normal interval; NaN with <see cref="Undefined"/> saying why when
/// kappa is 0/0 (both raters used a single category).
/// </summary>
public sealed record KappaResult(double Value, double StandardError, double Lower, double Upper, KappaWeights Weights, int Items, int Categories, string? Undefined = null);

/// <summary>
/// Cohen's kappa for two raters, unweighted (Cohen 1960) or weighted (Cohen 1968) with agreement weights
/// w = 1 − |i − j|/(L − 1) (linear) or 1 − (i − j)²/(L − 1)² (quadratic) over the L categories either rater used; its
/// large-sample variance by Fleiss, Cohen &amp; Everitt (1969, Psychological Bulletin 72(5)):
/// var = [Σ_ij p_ij (w_ij − (w̄_i. + w̄_.j)(1 − κ))² − (κ − p_e(1 − κ))²] / (n (1 − p_e)²), w̄_i. = Σ_j p_.j w_ij, w̄_.j = Σ_i p_i. w_ij,
/// as Python's statsmodels cohens_kappa computes it. (R's psych::cohen.kappa weights w̄ by the wrong margins for the
/// weighted variance, so only its unweighted variance is a peer.) Items missing either rating are dropped.
/// </summary>
public static class CohenKappa
{
    public static KappaResult Compute(IReadOnlyList<double> rater1, IReadOnlyList<double> rater2, KappaWeights weights = KappaWeights.None, double level = 0.95)
    {
        if (rater1.Count != rater2.Count) throw new ArgumentException("the two raters must rate the same items");
        var pairs = rater1.Zip(rater2).Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToList();
        if (pairs.Count < 2) throw new ArgumentException("kappa needs at least two items rated by both raters");
        var levels = pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct().Order().ToArray();
        var index = levels.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var L = levels.Length;
        if (L == 1)
            return new KappaResult(double.NaN, double.NaN, double.NaN, double.NaN, weights, pairs.Count, 1,
                "both raters used one category only: chance agreement is 1, so kappa is 0/0");
        var x = new double[L, L];
        foreach (var (a, b) in pairs) x[index[a], index[b]] += 1.0 / pairs.Count;
        var rs = new double[L];
        var cs = new double[L];
        for (var i = 0; i < L; i++)
            for (var j = 0; j < L; j++) { rs[i] += x[i, j]; cs[j] += x[i, j]; }
        double value, variance;
        if (weights == KappaWeights.None)
        {
            double po = 0, pc = 0;
            for (var i = 0; i < L; i++) { po += x[i, i]; pc += rs[i] * cs[i]; }
            value = (po - pc) / (1 - pc);
            double diagonal = 0, off = 0;
            for (var i = 0; i < L; i++) diagonal += x[i, i] * Math.Pow(1 - pc - (rs[i] + cs[i]) * (1 - po), 2);
            for (var i = 0; i < L; i++)
                for (var j = 0; j < L; j++)
                    if (i != j) off += x[i, j] * Math.Pow(cs[i] + rs[j], 2);
            variance = (diagonal + (1 - po) * (1 - po) * off - Math.Pow(po * pc - 2 * pc + po, 2)) / (pairs.Count * Math.Pow(1 - pc, 4));
        }
        else
        {
            var w = new double[L, L];
            for (var i = 0; i < L; i++)
                for (var j = 0; j < L; j++)
                    w[i, j] = L == 1 ? 1 : weights == KappaWeights.Linear ? 1 - Math.Abs(i - j) / (L - 1.0) : 1 - (i - j) * (i - j) / Math.Pow(L - 1.0, 2);
            double wpo = 0, wpc = 0;
            var rowMean = new double[L]; // w̄_i. = Σ_j p_.j w_ij
            var colMean = new double[L]; // w̄_.j = Σ_i p_i. w_ij
            for (var i = 0; i < L; i++)
                for (var j = 0; j < L; j++)
                {
                    wpo += w[i, j] * x[i, j];
                    wpc += w[i, j] * rs[i] * cs[j];
                    rowMean[i] += cs[j] * w[i, j];
                    colMean[j] += rs[i] * w[i, j];
                }
            value = (wpo - wpc) / (1 - wpc);
            double sum = 0;
            for (var i = 0; i < L; i++)
                for (var j = 0; j < L; j++)
                    sum += x[i, j] * Math.Pow(w[i, j] - (rowMean[i] + colMean[j]) * (1 - value), 2);
            variance = (sum - Math.Pow(value - wpc * (1 - value), 2)) / (pairs.Count * Math.Pow(1 - wpc, 2));
        }
        var se = Math.Sqrt(Math.Max(0, variance));
        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        return new KappaResult(value, se, value - z * se, value + z * se, weights, pairs.Count, L);
    }
}
