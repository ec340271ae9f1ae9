using MathNet.Numerics.Random;
using SoftSkills.Analysis.Common;

namespace SoftSkills.Analysis.Validity;

/// <summary>
/// A correlation over observations that come in clusters (team-weeks of a few teams): the pooled estimate, its cluster
/// bootstrap interval, and the correlation of the cluster means with its own Fisher-z interval on the number of clusters.
/// </summary>
public sealed record ClusteredCorrelation(CorrelationResult Pooled, double Lower, double Upper, int Clusters, int Resamples, CorrelationResult? ClusterMeans);

/// <summary>
/// Correlations that respect clustering: resampling whole clusters with replacement (the cluster, or block, bootstrap:
/// Field &amp; Welsh 2007, JRSS B 69(3)) keeps each team's weeks together, so the interval reflects how many teams there
/// are, not how many team-weeks; the percentile interval is nearest-rank over seeded resamples (draws whose correlation is
/// undefined are left out).
/// </summary>
public static class ClusteredCorrelations
{
    public static ClusteredCorrelation Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string> clusters, int resamples = 2000, int seed = 1, double level = 0.95) =>
        Compute(x, y, clusters, resamples, seed, level, spearman: false);

    public static ClusteredCorrelation Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string> clusters, int resamples = 2000, int seed = 1, double level = 0.95) =>
        Compute(x, y, clusters, resamples, seed, level, spearman: true);

    static ClusteredCorrelation Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<string> clusters, int resamples, int seed, double level, bool spearman)
    {
        if (x.Count != y.Count || x.Count != clusters.Count) throw new ArgumentException("one cluster per observation");
        CorrelationResult R(IReadOnlyList<double> a, IReadOnlyList<double> b) => spearman ? Correlations.Spearman(a, b, level) : Correlations.Pearson(a, b, level);
        var pooled = R(x, y);
        var groups = Enumerable.Range(0, x.Count).GroupBy(i => clusters[i]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var rng = new MersenneTwister(seed, threadSafe: false);
        var values = new List<double>(resamples);
        for (var b = 0; b < resamples; b++)
        {
            var picked = Enumerable.Range(0, groups.Length).SelectMany(_ => groups[rng.Next(groups.Length)]).ToArray();
            if (picked.Length < 4) continue;
            var r = R(picked.Select(i => x[i]).ToArray(), picked.Select(i => y[i]).ToArray()).Value;
            if (double.IsFinite(r)) values.Add(r);
        }
        // No interval around an estimate that is itself undefined (a constant variable).
        var (lower, upper) = values.Count == 0 || !double.IsFinite(pooled.Value) ? (double.NaN, double.NaN)
            : (Percentiles.NearestRank(values, (1 - level) / 2), Percentiles.NearestRank(values, 1 - (1 - level) / 2));
        CorrelationResult? means = null;
        if (groups.Length >= 4)
            means = R(groups.Select(g => g.Average(i => x[i])).ToArray(), groups.Select(g => g.Average(i => y[i])).ToArray());
        return new ClusteredCorrelation(pooled, lower, upper, groups.Length, values.Count, means);
    }
}
