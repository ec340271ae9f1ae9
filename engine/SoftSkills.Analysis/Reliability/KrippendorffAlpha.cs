using MathNet.Numerics.Random;

namespace SoftSkills.Analysis.Reliability;

/// <summary>The level of measurement that sets Krippendorff's difference function.</summary>
public enum MeasurementLevel { Nominal, Ordinal, Interval, Ratio }

/// <summary>
/// Krippendorff's alpha with its observed and expected disagreement, the sizes, and a bootstrap interval when asked;
/// NaN with <see cref="Undefined"/> saying why when there is no expected disagreement (one value throughout) or nothing pairable.
/// </summary>
public sealed record KrippendorffResult(double Value, double ObservedDisagreement, double ExpectedDisagreement, MeasurementLevel Level,
    int Units, int Raters, int PairableValues, double? Lower = null, double? Upper = null)
{
    public string? Undefined => !double.IsNaN(Value) ? null
        : PairableValues < 2 ? "no unit has two or more values to compare"
        : "every value is the same: expected disagreement is 0, so alpha is 0/0";
}

/// <summary>
/// Krippendorff's alpha = 1 − D_o/D_e from the coincidence matrix of pairable values (units with at least two values),
/// with the nominal, ordinal, interval and ratio difference functions (Krippendorff 2011, "Computing Krippendorff's
/// Alpha-Reliability", Annenberg School for Communication). Missing values (NaN) are allowed.
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>Alpha of a units × raters matrix (NaN = no value).</summary>
    public static KrippendorffResult Compute(double[,] data, MeasurementLevel level)
    {
        var units = Units(data);
        if (level == MeasurementLevel.Interval)
        {
            var sums = IntervalSums(units);
            var t = Interval(sums, Enumerable.Range(0, units.Count));
            return new KrippendorffResult(t.Alpha, t.Do, t.De, level, units.Count, data.GetLength(1), (int)t.N);
        }
        var (values, index) = Values(units);
        var coincidence = Coincidence(units, index, values.Length);
        var r = FromCoincidence(coincidence, values, level);
        return new KrippendorffResult(r.Alpha, r.Do, r.De, level, units.Count, data.GetLength(1), (int)Math.Round(r.N));
    }

    /// <summary>
    /// Alpha with a percentile bootstrap interval over units resampled with replacement (seeded Mersenne Twister): each
    /// resample rebuilds the coincidence matrix from the chosen units' own contributions.
    /// </summary>
    public static KrippendorffResult Bootstrap(double[,] data, MeasurementLevel level, int resamples, int seed, double intervalLevel = 0.95)
    {
        var point = Compute(data, level);
        var units = Units(data);
        var rng = new MersenneTwister(seed, threadSafe: false);
        var alphas = new double[resamples];
        if (level == MeasurementLevel.Interval)
        {
            var sums = IntervalSums(units);
            var picks = new int[units.Count];
            for (var b = 0; b < resamples; b++)
            {
                for (var i = 0; i < picks.Length; i++) picks[i] = rng.Next(units.Count);
                alphas[b] = Interval(sums, picks).Alpha;
            }
            return WithPercentiles(point, alphas, intervalLevel);
        }
        var (values, index) = Values(units);
        var v = values.Length;
        // Each unit's own coincidences, stored sparsely as (cell, weight).
        var contributions = units.Select(u => UnitCoincidences(u, index)).ToArray();
        var o = new double[v * v];
        for (var b = 0; b < resamples; b++)
        {
            Array.Clear(o);
            for (var i = 0; i < units.Count; i++)
                foreach (var (cell, weight) in contributions[rng.Next(units.Count)]) o[cell] += weight;
            alphas[b] = FromCoincidence(o, values, level).Alpha;
        }
        return WithPercentiles(point, alphas, intervalLevel);
    }

    /// <summary>The nearest-rank percentiles of the resampled alphas (resamples where alpha is undefined are left out).</summary>
    static KrippendorffResult WithPercentiles(KrippendorffResult point, double[] alphas, double level)
    {
        var valid = alphas.Where(a => !double.IsNaN(a)).ToArray();
        if (valid.Length == 0) return point;
        return point with { Lower = Common.Percentiles.NearestRank(valid, (1 - level) / 2), Upper = Common.Percentiles.NearestRank(valid, 1 - (1 - level) / 2) };
    }

    /// <summary>Per unit: its number of values, their sum, their sum of squares, and its within-unit disagreement.</summary>
    readonly record struct UnitSums(double M, double S1, double S2, double Within);

    static UnitSums[] IntervalSums(List<double[]> units) => units.Select(u =>
    {
        double s1 = 0, s2 = 0;
        foreach (var x in u) { s1 += x; s2 += x * x; }
        // Σ_{i≠j} (v_i − v_j)² = 2mΣv² − 2(Σv)², divided by m − 1 as each unit's pairs are.
        return new UnitSums(u.Length, s1, s2, (2 * u.Length * s2 - 2 * s1 * s1) / (u.Length - 1));
    }).ToArray();

    /// <summary>
    /// The interval level in closed form, without a coincidence matrix (values may be continuous):
    /// D_o = Σ_u within_u / n and D_e = (2nΣv² − 2(Σv)²) / (n(n − 1)) over all pairable values.
    /// </summary>
    static (double Alpha, double Do, double De, double N) Interval(UnitSums[] sums, IEnumerable<int> chosen)
    {
        double n = 0, s1 = 0, s2 = 0, within = 0;
        foreach (var i in chosen)
        {
            var u = sums[i];
            n += u.M; s1 += u.S1; s2 += u.S2; within += u.Within;
        }
        var Do = within / n;
        var De = (2 * n * s2 - 2 * s1 * s1) / (n * (n - 1));
        return (1 - Do / De, Do, De, n);
    }

    static List<double[]> Units(double[,] data)
    {
        var units = new List<double[]>();
        for (var u = 0; u < data.GetLength(0); u++)
        {
            var vals = new List<double>();
            for (var j = 0; j < data.GetLength(1); j++) if (!double.IsNaN(data[u, j])) vals.Add(data[u, j]);
            if (vals.Count >= 2) units.Add([.. vals]); // only pairable values count
        }
        if (units.Count == 0) throw new ArgumentException("no unit has two or more values: alpha is undefined");
        return units;
    }

    static (double[] Values, Dictionary<double, int> Index) Values(List<double[]> units)
    {
        var values = units.SelectMany(u => u).Distinct().Order().ToArray();
        return (values, values.Select((x, i) => (x, i)).ToDictionary(t => t.x, t => t.i));
    }

    static List<(int Cell, double Weight)> UnitCoincidences(double[] unit, Dictionary<double, int> index)
    {
        var counts = new Dictionary<int, int>();
        foreach (var x in unit) counts[index[x]] = counts.GetValueOrDefault(index[x]) + 1;
        var v = index.Count;
        var list = new List<(int, double)>();
        foreach (var (c, nc) in counts)
            foreach (var (k, nk) in counts)
                list.Add((c * v + k, (c == k ? nc * (nc - 1.0) : nc * (double)nk) / (unit.Length - 1)));
        return list;
    }

    static double[] Coincidence(List<double[]> units, Dictionary<double, int> index, int v)
    {
        var o = new double[v * v];
        foreach (var u in units)
            foreach (var (cell, weight) in UnitCoincidences(u, index)) o[cell] += weight;
        return o;
    }

    static (double Alpha, double Do, double De, double N) FromCoincidence(double[] o, double[] values, MeasurementLevel level)
    {
        var v = values.Length;
        var nc = new double[v];
        for (var c = 0; c < v; c++) for (var k = 0; k < v; k++) nc[c] += o[c * v + k];
        var n = nc.Sum();
        double observed = 0, expected = 0;
        for (var c = 0; c < v; c++)
            for (var k = 0; k < v; k++)
            {
                if (c == k) continue;
                var d = Delta(c, k, values, nc, level);
                observed += o[c * v + k] * d;
                expected += nc[c] * nc[k] * d;
            }
        var Do = observed / n;
        var De = expected / (n * (n - 1));
        return (1 - Do / De, Do, De, n);
    }

    /// <summary>The squared difference δ²(c, k) of Krippendorff (2011) for each level of measurement.</summary>
    static double Delta(int c, int k, double[] values, double[] nc, MeasurementLevel level)
    {
        double a = values[c], b = values[k];
        switch (level)
        {
            case MeasurementLevel.Nominal: return 1;
            case MeasurementLevel.Interval: return (a - b) * (a - b);
            case MeasurementLevel.Ratio: return a + b == 0 ? 0 : Math.Pow((a - b) / (a + b), 2);
            default:
                var (lo, hi) = c < k ? (c, k) : (k, c);
                double sum = 0;
                for (var g = lo; g <= hi; g++) sum += nc[g];
                sum -= (nc[c] + nc[k]) / 2;
                return sum * sum;
        }
    }
}
