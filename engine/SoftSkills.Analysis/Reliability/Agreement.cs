namespace SoftSkills.Analysis.Reliability;

/// <summary>Percent agreement and its size.</summary>
public sealed record AgreementResult(double Value, int Items, int Pairs);

/// <summary>
/// Fleiss' kappa, its per-category kappas (in the order of <see cref="CategoryValues"/>), the standard error under
/// κ = 0 with its z statistic, and the sizes; NaN with <see cref="Undefined"/> saying why when kappa is 0/0.
/// </summary>
public sealed record FleissResult(
    double Value, double ObservedAgreement, double ChanceAgreement, double[] CategoryValues, double[] CategoryKappas,
    double StandardErrorUnderNull, double Z, int Subjects, int RatersPerSubject, int Categories, string? Undefined = null);

/// <summary>Agreement statistics over an items × raters matrix (NaN = not rated).</summary>
public static class Agreement
{
    /// <summary>The share of agreeing rater pairs within items, pooled over every pair of ratings of the same item.</summary>
    public static AgreementResult Percent(double[,] ratings)
    {
        long agree = 0, pairs = 0;
        var items = 0;
        for (var i = 0; i < ratings.GetLength(0); i++)
        {
            var vals = Enumerable.Range(0, ratings.GetLength(1)).Select(j => ratings[i, j]).Where(v => !double.IsNaN(v)).ToArray();
            if (vals.Length < 2) continue;
            items++;
            for (var a = 0; a < vals.Length; a++)
                for (var b = a + 1; b < vals.Length; b++) { pairs++; if (vals[a] == vals[b]) agree++; }
        }
        if (pairs == 0) throw new ArgumentException("no item has two ratings");
        return new AgreementResult((double)agree / pairs, items, (int)pairs);
    }

    /// <summary>
    /// Fleiss' kappa κ = (P̄ − P̄e)/(1 − P̄e) for subjects each rated by the same number of raters (Fleiss 1971,
    /// "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5)).
    /// </summary>
    public static FleissResult Fleiss(double[,] ratings)
    {
        var subjects = new List<double[]>();
        for (var i = 0; i < ratings.GetLength(0); i++)
            subjects.Add(Enumerable.Range(0, ratings.GetLength(1)).Select(j => ratings[i, j]).Where(v => !double.IsNaN(v)).ToArray());
        var m = subjects[0].Length;
        if (m < 2 || subjects.Any(s => s.Length != m))
            throw new ArgumentException("Fleiss' kappa needs every subject rated by the same number (two or more) of raters");
        var categories = subjects.SelectMany(s => s).Distinct().Order().ToArray();
        var n = subjects.Count;
        if (categories.Length == 1)
            return new FleissResult(double.NaN, 1, 1, categories, [double.NaN], double.NaN, double.NaN, n, m, 1,
                "every rating is in one category: chance agreement is 1, so kappa is 0/0");
        var p = new double[categories.Length];
        var disagreement = new double[categories.Length]; // Σ_i x_ij (m − x_ij)
        double pBar = 0;
        foreach (var s in subjects)
        {
            double sumSquares = 0;
            for (var c = 0; c < categories.Length; c++)
            {
                var count = s.Count(v => v == categories[c]);
                sumSquares += count * count;
                disagreement[c] += count * (m - count);
                p[c] += count / (double)(n * m);
            }
            pBar += (sumSquares - m) / (m * (m - 1.0)) / n;
        }
        var pe = p.Sum(x => x * x);
        // κ_j = 1 − Σ_i x_ij(m − x_ij) / (n m (m − 1) p_j q_j) (Fleiss 1971, eq. 10).
        var perCategory = p.Select((pj, c) => 1 - disagreement[c] / (n * m * (m - 1.0) * pj * (1 - pj))).ToArray();
        // SE0(κ) = √2 / (Σ p_j q_j √(n m (m − 1))) · √((Σ p_j q_j)² − Σ p_j q_j (q_j − p_j)) (Fleiss, Nee & Landis 1979).
        var pq = p.Sum(pj => pj * (1 - pj));
        var se0 = Math.Sqrt(2) / (pq * Math.Sqrt(n * m * (m - 1.0)))
                  * Math.Sqrt(pq * pq - p.Sum(pj => pj * (1 - pj) * (1 - 2 * pj)));
        var kappa = (pBar - pe) / (1 - pe);
        return new FleissResult(kappa, pBar, pe, categories, perCategory, se0, kappa / se0, n, m, categories.Length);
    }
}
