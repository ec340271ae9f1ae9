using MathNet.Numerics.Random;

namespace SoftSkills.Analysis.Bias;

/// <summary>A group's mean score against the reference group: the gap, the standardised mean difference and its bootstrap interval.</summary>
public sealed record ScoreGap(string Group, string Reference, int N, int ReferenceN, double Gap, double Smd, double Lower, double Upper);

/// <summary>
/// Score gaps between groups as standardised mean differences d = (mean_g − mean_ref)/s_pooled with
/// s_pooled = √(((n₁ − 1)s₁² + (n₂ − 1)s₂²)/(n₁ + n₂ − 2)) (Cohen 1988), with percentile bootstrap intervals from
/// resampling within each group (seeded). The reference is the largest group unless named; small groups are left out.
/// </summary>
public static class ScoreGaps
{
    public static IReadOnlyList<ScoreGap> Compute(IReadOnlyList<string> groups, IReadOnlyList<double> scores, string? reference = null,
        int minGroupSize = 5, int resamples = 1000, int seed = 1, double level = 0.95)
    {
        var byGroup = Enumerable.Range(0, groups.Count).Where(i => !double.IsNaN(scores[i]))
            .GroupBy(i => groups[i]).Where(g => g.Count() >= minGroupSize)
            .ToDictionary(g => g.Key, g => g.Select(i => scores[i]).ToArray());
        if (byGroup.Count < 2) throw new ArgumentException($"at least two groups of {minGroupSize} or more are needed");
        var refName = reference ?? byGroup.OrderByDescending(g => g.Value.Length).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        if (!byGroup.TryGetValue(refName, out var refScores)) throw new ArgumentException($"reference group '{refName}' is missing or below the minimum size");
        var rng = new MersenneTwister(seed, threadSafe: false);
        var gaps = new List<ScoreGap>();
        foreach (var (name, s) in byGroup.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (name == refName) continue;
            var d = Smd(s, refScores);
            var boot = new double[resamples];
            for (var b = 0; b < resamples; b++) boot[b] = Smd(Resample(s, rng), Resample(refScores, rng));
            gaps.Add(new ScoreGap(name, refName, s.Length, refScores.Length, s.Average() - refScores.Average(), d,
                Common.Percentiles.NearestRank(boot, (1 - level) / 2), Common.Percentiles.NearestRank(boot, 1 - (1 - level) / 2)));
        }
        return gaps;
    }

    public static double Smd(double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        var va = a.Sum(x => (x - ma) * (x - ma)) / (a.Length - 1);
        var vb = b.Sum(x => (x - mb) * (x - mb)) / (b.Length - 1);
        var pooled = Math.Sqrt(((a.Length - 1) * va + (b.Length - 1) * vb) / (a.Length + b.Length - 2));
        return pooled == 0 ? 0 : (ma - mb) / pooled;
    }

    static double[] Resample(double[] x, System.Random rng)
    {
        var r = new double[x.Length];
        for (var i = 0; i < x.Length; i++) r[i] = x[rng.Next(x.Length)];
        return r;
    }
}
