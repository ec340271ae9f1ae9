using MathNet.Numerics.Random;

namespace SoftSkills.Analysis.Pilot;

/// <summary>
/// A randomisation test's result: the observed effect, its p-value, how many assignments it was compared with, and the
/// smallest p the design can give at all (with two treated teams of four, 1/3: such a design cannot reach 5%).
/// </summary>
public sealed record PermutationResult(double Observed, double P, int Assignments, bool Exact, double SmallestP);

/// <summary>
/// Randomisation inference for a difference-in-differences (Fisher's exact test of the sharp null; Young 2019, QJE 134):
/// the effect is recomputed for every way of assigning the same number of clusters to treatment (all of them when there
/// are at most <c>maxExact</c>, else a seeded sample), and p is the share at least as extreme as the observed one.
/// With two treated teams out of four there are six assignments, so p can never fall below 1/3: the test says so.
/// </summary>
public static class PermutationTest
{
    public static PermutationResult DifferenceInDifferences(IReadOnlyList<DidObservation> panel, int maxExact = 10_000, int samples = 10_000, int seed = 1)
    {
        var clusters = panel.Select(o => o.Cluster).Distinct().Order(StringComparer.Ordinal).ToArray();
        var treated = clusters.Where(c => panel.First(o => o.Cluster == c).Treated).ToHashSet();
        var observed = Estimate(panel, treated);
        var assignments = Combinations(clusters.Length, treated.Count);
        var exact = assignments <= maxExact;
        var rng = new MersenneTwister(seed, threadSafe: false);
        IEnumerable<int[]> draws = exact
            ? Subsets(clusters.Length, treated.Count)
            : Enumerable.Range(0, samples).Select(_ => Enumerable.Range(0, clusters.Length).OrderBy(_ => rng.NextDouble()).Take(treated.Count).ToArray());
        int total = 0, extreme = 0;
        foreach (var subset in draws)
        {
            var effect = Estimate(panel, subset.Select(i => clusters[i]).ToHashSet());
            total++;
            if (Math.Abs(effect) >= Math.Abs(observed) - 1e-12) extreme++;
        }
        // The observed assignment always counts; so does its mirror image (treatment and control swapped) when that is an
        // assignment too, since it gives the same effect with the sign turned.
        var smallest = (treated.Count * 2 == clusters.Length ? 2.0 : 1.0) / (exact ? total : assignments);
        return new PermutationResult(observed, (double)extreme / total, total, exact, Math.Min(1, smallest));
    }

    /// <summary>The DiD of cell means: (treated after − before) − (control after − before).</summary>
    static double Estimate(IReadOnlyList<DidObservation> panel, HashSet<string> treated)
    {
        double Mean(bool t, bool post)
        {
            var values = panel.Where(o => treated.Contains(o.Cluster) == t && o.Post == post).Select(o => o.Value).ToArray();
            return values.Length == 0 ? double.NaN : values.Average();
        }
        return Mean(true, true) - Mean(true, false) - (Mean(false, true) - Mean(false, false));
    }

    static double Combinations(int n, int k)
    {
        double c = 1;
        for (var i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    static IEnumerable<int[]> Subsets(int n, int k)
    {
        var idx = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])idx.Clone();
            var i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) i--;
            if (i < 0) yield break;
            idx[i]++;
            for (var j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
    }
}
