using MathNet.Numerics.Distributions;

namespace SoftSkills.Analysis.Reliability;

/// <summary>One Shrout–Fleiss form: the coefficient, its F test and its confidence interval.</summary>
public sealed record IccForm(string Name, double Value, double F, double Df1, double Df2, double P, double Lower, double Upper);

/// <summary>
/// The six forms for a targets × judges matrix, with the number of targets and judges used; NaN with
/// <see cref="Undefined"/> saying why when every rating is the same (no variance to partition).
/// </summary>
public sealed record IccResult(IReadOnlyList<IccForm> Forms, int Targets, int Judges, int TargetsDropped, string? Undefined = null)
{
    public IccForm this[string name] => Forms.Single(f => f.Name == name);
}

/// <summary>
/// Intraclass correlations ICC(1), ICC(2), ICC(3) and their k-rater versions from the two-way ANOVA mean squares, with
/// F tests and confidence intervals (Shrout &amp; Fleiss 1979, Psychological Bulletin 86(2); the ICC(2) interval by
/// Satterthwaite's approximation as in their eq. 6, computed as psych::ICC does). Targets with a missing rating are dropped.
/// </summary>
public static class IntraclassCorrelation
{
    public static IccResult Compute(double[,] ratings, double level = 0.95)
    {
        var alpha = 1 - level;
        var rows = Complete(ratings);
        var n = rows.Count;
        var k = ratings.GetLength(1);
        if (n < 2 || k < 2) throw new ArgumentException("the ICC needs at least two complete targets and two judges");
        double grand = rows.SelectMany(r => r).Average();
        double ssRows = 0, ssCols = 0, ssTotal = 0;
        var colMeans = new double[k];
        foreach (var r in rows) for (var j = 0; j < k; j++) colMeans[j] += r[j] / n;
        foreach (var r in rows)
        {
            var m = r.Average();
            ssRows += k * (m - grand) * (m - grand);
            foreach (var x in r) ssTotal += (x - grand) * (x - grand);
        }
        foreach (var c in colMeans) ssCols += n * (c - grand) * (c - grand);
        if (ssTotal == 0)
            return new IccResult(new[] { "ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k" }.Select(name =>
                    new IccForm(name, double.NaN, double.NaN, n - 1, double.NaN, double.NaN, double.NaN, double.NaN)).ToList(),
                n, k, ratings.GetLength(0) - n, "every rating is the same: there is no variance between targets or judges, so the ICC is 0/0");
        var ssError = ssTotal - ssRows - ssCols;
        var msb = ssRows / (n - 1);
        var msj = ssCols / (k - 1);
        var mse = ssError / ((n - 1.0) * (k - 1));
        var msw = (ssCols + ssError) / (n * (k - 1.0));

        var icc1 = (msb - msw) / (msb + (k - 1) * msw);
        var icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
        var icc3 = (msb - mse) / (msb + (k - 1) * mse);
        var icc1k = (msb - msw) / msb;
        var icc2k = (msb - mse) / (msb + (msj - mse) / n);
        var icc3k = (msb - mse) / msb;

        // Degenerate designs (no error variance: F infinite, Satterthwaite df undefined) give NaN bounds, not an exception.
        static bool Ok(double d1, double d2) => d1 > 0 && d2 > 0 && double.IsFinite(d1) && double.IsFinite(d2);
        double Q(double p, double d1, double d2) => Ok(d1, d2) ? FisherSnedecor.InvCDF(d1, d2, p) : double.NaN;
        double Upper(double f, double d1, double d2) => !Ok(d1, d2) || double.IsNaN(f) ? double.NaN : double.IsPositiveInfinity(f) ? 0 : 1 - FisherSnedecor.CDF(d1, d2, f);
        var f11 = msb / msw;
        double df11n = n - 1, df11d = n * (k - 1.0);
        var f21 = msb / mse;
        double df21n = n - 1, df21d = (n - 1.0) * (k - 1);
        var p11 = Upper(f11, df11n, df11d);
        var p21 = Upper(f21, df21n, df21d);

        var f1l = f11 / Q(1 - alpha / 2, df11n, df11d);
        var f1u = f11 * Q(1 - alpha / 2, df11d, df11n);
        var f3l = f21 / Q(1 - alpha / 2, df21n, df21d);
        var f3u = f21 * Q(1 - alpha / 2, df21d, df21n);

        // ICC(2,1): Satterthwaite degrees of freedom for the denominator.
        var fj = msj / mse;
        var vn = (k - 1) * (n - 1) * Math.Pow(k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2, 2);
        var vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + Math.Pow(n * (1 + (k - 1) * icc2) - k * icc2, 2);
        var v = vn / vd;
        var fu = Q(1 - alpha / 2, n - 1, v);
        var fl = Q(1 - alpha / 2, v, n - 1);
        var l2 = n * (msb - fu * mse) / (fu * (k * msj + (k * n - k - n) * mse) + n * msb);
        var u2 = n * (fl * msb - mse) / (k * msj + (k * n - k - n) * mse + n * fl * msb);

        var forms = new List<IccForm>
        {
            new("ICC1", icc1, f11, df11n, df11d, p11, (f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1)),
            new("ICC2", icc2, f21, df21n, df21d, p21, l2, u2),
            new("ICC3", icc3, f21, df21n, df21d, p21, (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)),
            new("ICC1k", icc1k, f11, df11n, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u),
            new("ICC2k", icc2k, f21, df21n, df21d, p21, l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))),
            new("ICC3k", icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l, 1 - 1 / f3u),
        };
        return new IccResult(forms, n, k, ratings.GetLength(0) - n);
    }

    /// <summary>The rows without a missing (NaN) value.</summary>
    internal static List<double[]> Complete(double[,] x)
    {
        var rows = new List<double[]>();
        for (var i = 0; i < x.GetLength(0); i++)
        {
            var row = new double[x.GetLength(1)];
            var ok = true;
            for (var j = 0; j < row.Length; j++) { row[j] = x[i, j]; ok &= !double.IsNaN(row[j]); }
            if (ok) rows.Add(row);
        }
        return rows;
    }
}
