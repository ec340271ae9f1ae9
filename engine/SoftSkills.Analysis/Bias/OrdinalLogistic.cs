using MathNet.Numerics.LinearAlgebra;

namespace SoftSkills.Analysis.Bias;

/// <summary>A fitted proportional-odds model: thresholds, slopes, the maximised log-likelihood and the Newton steps it took.</summary>
public sealed record OrdinalFit(double[] Thresholds, double[] Slopes, double LogLikelihood, int N, int Iterations = 0);

/// <summary>
/// The proportional-odds (cumulative logit) model P(Y ≤ j | x) = σ(θ_j − x·β) of McCullagh (1980, JRSS B 42), as in
/// R's MASS::polr, fitted by maximum likelihood with Newton–Raphson on the analytic gradient and Hessian (the
/// log-likelihood is concave in (θ, β): Pratt 1981, JASA 76), halving a step that would lower the likelihood or unorder the
/// thresholds. Categories are 0..J−1; an empty category in the middle is skipped by renumbering.
/// </summary>
public static class OrdinalLogistic
{
    public static OrdinalFit Fit(IReadOnlyList<int> y, IReadOnlyList<double[]> x, int maxIterations = 100)
    {
        var levels = y.Distinct().Order().ToArray();
        if (levels.Length < 2) throw new ArgumentException("the outcome needs at least two observed levels");
        var code = levels.Select((l, i) => (l, i)).ToDictionary(t => t.l, t => t.i);
        var yy = y.Select(v => code[v]).ToArray();
        var J = levels.Length;
        var p = x.Count == 0 ? 0 : x[0].Length;
        var k = J - 1 + p;
        // Start: thresholds at the empirical cumulative logits, slopes at 0.
        var w = new double[k];
        var cumulative = 0.0;
        for (var j = 0; j < J - 1; j++)
        {
            cumulative += yy.Count(v => v == j) / (double)yy.Length;
            w[j] = Math.Log(cumulative / (1 - cumulative));
        }
        var (ll, gradient, hessian) = Evaluate(w, yy, x, J, p);
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            if (gradient.InfinityNorm() < 1e-10) break;
            Vector<double> step;
            try { step = -hessian.Solve(gradient); }
            catch (Exception) { break; } // a singular Hessian (separated data): stop at the best point so far
            if (step.Any(double.IsNaN)) break;
            var improved = false;
            for (var halving = 0; halving < 40; halving++, step /= 2)
            {
                var candidate = w.Zip(step, (a, s) => a + s).ToArray();
                if (!Ordered(candidate, J - 1)) continue;
                var next = Evaluate(candidate, yy, x, J, p);
                if (next.LogLikelihood < ll - 1e-12 * Math.Abs(ll)) continue;
                var change = next.LogLikelihood - ll;
                (w, ll, gradient, hessian) = (candidate, next.LogLikelihood, next.Gradient, next.Hessian);
                improved = change > 1e-14 * Math.Max(1, Math.Abs(ll)) || step.InfinityNorm() > 1e-12;
                break;
            }
            if (!improved) break;
        }
        return new OrdinalFit(w[..(J - 1)], w[(J - 1)..], ll, yy.Length, iterations);
    }

    static bool Ordered(double[] w, int thresholds)
    {
        for (var j = 1; j < thresholds; j++) if (!(w[j] > w[j - 1])) return false;
        return w.All(double.IsFinite);
    }

    /// <summary>
    /// The log-likelihood Σ log(F(θ_y − η) − F(θ_{y−1} − η)) with its gradient and Hessian in (θ, β): with u = f(a), v = f(b),
    /// π = F(a) − F(b), ∂l/∂θ_y = u/π, ∂l/∂θ_{y−1} = −v/π, ∂l/∂β = −x(u − v)/π, and f' = f(1 − 2F) in the second derivatives.
    /// </summary>
    static (double LogLikelihood, Vector<double> Gradient, Matrix<double> Hessian) Evaluate(double[] w, int[] y, IReadOnlyList<double[]> x, int J, int p)
    {
        var k = J - 1 + p;
        var g = new double[k];
        var h = new double[k, k];
        double ll = 0;
        for (var i = 0; i < y.Length; i++)
        {
            double eta = 0;
            for (var c = 0; c < p; c++) eta += w[J - 1 + c] * x[i][c];
            var top = y[i] < J - 1;
            var bottom = y[i] > 0;
            double Fa = 1, fa = 0, dfa = 0, Fb = 0, fb = 0, dfb = 0;
            if (top) (Fa, fa, dfa) = Logistic(w[y[i]] - eta);
            if (bottom) (Fb, fb, dfb) = Logistic(w[y[i] - 1] - eta);
            var pi = Math.Max(Fa - Fb, 1e-300);
            ll += Math.Log(pi);
            var (ta, tb) = (y[i], y[i] - 1); // threshold indices of the upper and lower bound
            var d = (fa - fb) / pi;
            var dd = (dfa - dfb) / pi - d * d;
            if (top)
            {
                g[ta] += fa / pi;
                h[ta, ta] += dfa / pi - fa * fa / (pi * pi);
            }
            if (bottom)
            {
                g[tb] -= fb / pi;
                h[tb, tb] += -dfb / pi - fb * fb / (pi * pi);
            }
            if (top && bottom)
            {
                var cross = fa * fb / (pi * pi);
                h[ta, tb] += cross;
                h[tb, ta] += cross;
            }
            for (var c = 0; c < p; c++)
            {
                var xc = x[i][c];
                var bc = J - 1 + c;
                g[bc] -= xc * d;
                for (var e = 0; e < p; e++) h[bc, J - 1 + e] += xc * x[i][e] * dd;
                if (top)
                {
                    var v = -xc * (dfa / pi - fa * d);
                    h[ta, bc] += v;
                    h[bc, ta] += v;
                }
                if (bottom)
                {
                    var v = xc * (dfb / pi - fb * d);
                    h[tb, bc] += v;
                    h[bc, tb] += v;
                }
            }
        }
        return (ll, Vector<double>.Build.DenseOfArray(g), Matrix<double>.Build.DenseOfArray(h));
    }

    /// <summary>σ(z), its density σ(1 − σ) and the density's derivative σ(1 − σ)(1 − 2σ).</summary>
    static (double F, double f, double df) Logistic(double z)
    {
        var F = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
        var f = F * (1 - F);
        return (F, f, f * (1 - 2 * F));
    }
}
