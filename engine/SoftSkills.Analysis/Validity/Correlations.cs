using MathNet.Numerics.Distributions;

namespace SoftSkills.Analysis.Validity;

/// <summary>A correlation with its Fisher-z interval, t-test p-value and the number of complete pairs.</summary>
public sealed record CorrelationResult(double Value, double Lower, double Upper, double P, int N);

/// <summary>Convergent validity: Pearson and Spearman correlations with Fisher-z confidence intervals. Pairs with a missing value are dropped.</summary>
public static class Correlations
{
    /// <summary>
    /// Pearson's r with the interval tanh(atanh(r) ± z·1/√(n − 3)) (Fisher 1921) and the p-value of t = r√((n − 2)/(1 − r²))
    /// on n − 2 degrees of freedom.
    /// </summary>
    public static CorrelationResult Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        var (a, b) = Complete(x, y);
        return WithInterval(R(a, b), a.Length, 1.0, confidence);
    }

    /// <summary>
    /// Spearman's rho (Pearson's r of the ranks, ties given their average rank) with a Fisher-z interval whose standard
    /// error is √(1.06/(n − 3)) (Fieller, Hartley &amp; Pearson 1957, Biometrika 44).
    /// </summary>
    public static CorrelationResult Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        var (a, b) = Complete(x, y);
        return WithInterval(R(Ranks(a), Ranks(b)), a.Length, 1.06, confidence);
    }

    static CorrelationResult WithInterval(double r, int n, double varianceFactor, double confidence)
    {
        if (n < 4) throw new ArgumentException("a correlation interval needs at least four complete pairs");
        var z = Math.Atanh(Math.Clamp(r, -0.9999999999999, 0.9999999999999));
        var se = Math.Sqrt(varianceFactor / (n - 3));
        var q = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var t = r * Math.Sqrt((n - 2) / Math.Max(1e-300, 1 - r * r));
        var p = 2 * (1 - StudentT.CDF(0, 1, n - 2, Math.Abs(t)));
        return new CorrelationResult(r, Math.Tanh(z - q * se), Math.Tanh(z + q * se), p, n);
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
