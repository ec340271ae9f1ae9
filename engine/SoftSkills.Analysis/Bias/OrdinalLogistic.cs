using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SoftSkills.Analysis.Bias;

/// <summary>A fitted proportional-odds model: thresholds, slopes and the maximised log-likelihood.</summary>
public sealed record OrdinalFit(double[] Thresholds, double[] Slopes, double LogLikelihood, int N);

/// <summary>
/// The proportional-odds (cumulative logit) model P(Y ≤ j | x) = σ(θ_j − x·β) of McCullagh (1980, JRSS B 42), as in
/// R's MASS::polr, fitted by maximum likelihood (BFGS; thresholds kept ordered as θ₁ and positive log-increments).
/// Categories are 0..J−1; an empty category in the middle is skipped by renumbering.
/// </summary>
public static class OrdinalLogistic
{
    public static OrdinalFit Fit(IReadOnlyList<int> y, IReadOnlyList<double[]> x)
    {
        var levels = y.Distinct().Order().ToArray();
        if (levels.Length < 2) throw new ArgumentException("the outcome needs at least two observed levels");
        var code = levels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i);
        var yy = y.Select(v => code[v]).ToArray();
        var J = levels.Length;
        var p = x.Count == 0 ? 0 : x[0].Length;
        // Start: thresholds at the empirical cumulative logits, slopes at 0.
        var start = new double[J - 1 + p];
        var cumulative = 0.0;
        for (var j = 0; j < J - 1; j++)
        {
            cumulative += yy.Count(v => v == j) / (double)yy.Length;
            var logit = Math.Log(cumulative / (1 - cumulative));
            start[j] = j == 0 ? logit : Math.Log(Math.Max(1e-3, logit - Thresholds(start, j)[j - 1]));
        }
        double Negative(Vector<double> w) => -LogLikelihood(w.ToArray(), yy, x, J, p);
        Vector<double> Gradient(Vector<double> w)
        {
            var g = Vector<double>.Build.Dense(w.Count);
            for (var i = 0; i < w.Count; i++)
            {
                var h = 1e-6 * Math.Max(1, Math.Abs(w[i]));
                var up = w.Clone(); up[i] += h;
                var down = w.Clone(); down[i] -= h;
                g[i] = (Negative(up) - Negative(down)) / (2 * h);
            }
            return g;
        }
        var objective = ObjectiveFunction.Gradient(Negative, Gradient);
        var result = new BfgsMinimizer(1e-9, 1e-12, 1e-12, 2000).FindMinimum(objective, Vector<double>.Build.DenseOfArray(start));
        var w = result.MinimizingPoint.ToArray();
        return new OrdinalFit(Thresholds(w, J - 1), w[(J - 1)..], -result.FunctionInfoAtMinimum.Value, yy.Length);
    }

    static double[] Thresholds(double[] w, int count)
    {
        var t = new double[count];
        for (var j = 0; j < count; j++) t[j] = j == 0 ? w[0] : t[j - 1] + Math.Exp(w[j]);
        return t;
    }

    static double LogLikelihood(double[] w, int[] y, IReadOnlyList<double[]> x, int J, int p)
    {
        var theta = Thresholds(w, J - 1);
        double ll = 0;
        for (var i = 0; i < y.Length; i++)
        {
            double eta = 0;
            for (var k = 0; k < p; k++) eta += w[J - 1 + k] * x[i][k];
            var upper = y[i] == J - 1 ? 1 : Sigmoid(theta[y[i]] - eta);
            var lower = y[i] == 0 ? 0 : Sigmoid(theta[y[i] - 1] - eta);
            ll += Math.Log(Math.Max(upper - lower, 1e-300));
        }
        return ll;
    }

    static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
