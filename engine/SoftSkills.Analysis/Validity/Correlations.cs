using MathNet.Numerics.Distributions;

namespace SoftSkills.Analysis.Validity;

/// <summary>
/// A correlation with its Fisher-z interval, its p-value, how the p-value was found (<c>t</c>: t on n − 2 df;
/// <c>exact</c>: all n! orderings) and the number of complete pairs.
/// </summary>
public sealed record CorrelationResult(double Value, double Lower, double Upper, double P, int N, string PMethod = "t");

/// <summary>Convergent validity: Pearson and Spearman correlations with Fisher-z confidence intervals. Pairs with a missing value are dropped.</summary>
public static class Correlations
{
    /// <summary>
    /// Pearson's r with the interval tanh(atanh(r) ± z·1/√(n − 3)) (Fisher 1921) and the p-value of t = r√((n − 2)/(1 − r²))
    /// on n − 2 degrees of freedom, as R's cor.test. A perfect correlation (|r| = 1) makes t infinite: its p-value is then
    /// the exact permutation p, 2/n! (no ordering of the pairs can do better), not 0.
    /// </summary>
    public static CorrelationResult Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y, double level = 0.95)
    {
        var (a, b) = Complete(x, y);
        var r = R(a, b);
        var n = a.Length;
        if (Math.Abs(r) >= 1 - 1e-15 && n <= 170) return WithInterval(r, n, 1.0, level, 2 / Factorial(n), "exact");
        return WithInterval(r, n, 1.0, level, TTestP(r, n), "t");
    }

    /// <summary>
    /// Spearman's rho (Pearson's r of the ranks, ties given their average rank) with a Fisher-z interval whose standard
    /// error is √(1.06/(n − 3)) (Fieller, Hartley &amp; Pearson 1957, Biometrika 44). For n ≤ 9 without ties the p-value is
    /// exact over all n! orderings of S = Σd² (2·min of the two tails, as R's cor.test(method = "spearman", exact = TRUE));
    /// otherwise t on n − 2 degrees of freedom.
    /// </summary>
    public static CorrelationResult Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y, double level = 0.95)
    {
        var (a, b) = Complete(x, y);
        var (ra, rb) = (Ranks(a), Ranks(b));
        var r = R(ra, rb);
        var n = a.Length;
        var ties = a.Distinct().Count() < n || b.Distinct().Count() < n;
        return n <= 9 && !ties ? WithInterval(r, n, 1.06, level, ExactSpearmanP(ra, rb), "exact") : WithInterval(r, n, 1.06, level, TTestP(r, n), "t");
    }

    static double TTestP(double r, int n)
    {
        if (Math.Abs(r) >= 1) return 0;
        var t = r * Math.Sqrt((n - 2) / (1 - r * r));
        return Math.Min(1, 2 * StudentT.CDF(0, 1, n - 2, -Math.Abs(t)));
    }

    /// <summary>Two-sided exact p of S = Σ(rank differences)² over all n! permutations (n ≤ 9, untied ranks 1..n).</summary>
    static double ExactSpearmanP(double[] ra, double[] rb)
    {
        var n = ra.Length;
        var s = 0;
        for (var i = 0; i < n; i++) s += (int)Math.Round((ra[i] - rb[i]) * (ra[i] - rb[i]));
        var perm = Enumerable.Range(1, n).ToArray();
        long below = 0, above = 0, total = 0;
        do
        {
            var sp = 0;
            for (var i = 0; i < n; i++) sp += (i + 1 - perm[i]) * (i + 1 - perm[i]);
            if (sp <= s) below++;
            if (sp >= s) above++;
            total++;
        } while (NextPermutation(perm));
        // As R: the lower tail unless S lies above the mean (n³ − n)/6, then the upper tail; doubled, at most 1.
        var tail = s > (n * n * n - n) / 6.0 ? above : below;
        return Math.Min(1, 2.0 * tail / total);
    }

    static bool NextPermutation(int[] a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) i--;
        if (i < 0) return false;
        var j = a.Length - 1;
        while (a[j] <= a[i]) j--;
        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }

    static double Factorial(int n) => Enumerable.Range(1, n).Aggregate(1.0, (f, k) => f * k);

    static CorrelationResult WithInterval(double r, int n, double varianceFactor, double level, double p, string method)
    {
        if (n < 4) throw new ArgumentException("a correlation interval needs at least four complete pairs");
        if (double.IsNaN(r)) return new CorrelationResult(r, double.NaN, double.NaN, double.NaN, n, "undefined: a variable does not vary");
        var z = Math.Atanh(Math.Clamp(r, -0.9999999999999, 0.9999999999999));
        var se = Math.Sqrt(varianceFactor / (n - 3));
        var q = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        return new CorrelationResult(r, Math.Tanh(z - q * se), Math.Tanh(z + q * se), p, n, method);
    }

    static (double[], double[]) Complete(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException("the two variables must have the same length");
        var pairs = x.Zip(y).Where(p => !double.IsNaN(p.First) && !double.IsNaN(p.Second)).ToArray();
        return (pairs.Select(p => p.First).ToArray(), pairs.Select(p => p.Second).ToArray());
    }

    static double R(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my); }
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Ranks 1..n, ties sharing their average rank.</summary>
    public static double[] Ranks(double[] x)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        var ranks = new double[x.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && x[order[j + 1]] == x[order[i]]) j++;
            for (var k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return ranks;
    }
}
