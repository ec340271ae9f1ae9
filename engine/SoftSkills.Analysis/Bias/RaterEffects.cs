using SoftSkills.Analysis.Validity;

namespace SoftSkills.Analysis.Bias;

/// <summary>The halo in manager ratings: how much more the ratings of different KPIs correlate than the behaviour does.</summary>
public sealed record HaloResult(double ManagerMeanCorrelation, double BehaviourMeanCorrelation, double Halo, int People);

/// <summary>A measurement gap between two groups at the same true (or human) level, per level and pooled.</summary>
public sealed record ConditionalGap(IReadOnlyDictionary<int, (double Gap, int NGroup, int NReference)> ByLevel, double Pooled, int Strata);

/// <summary>Rater and coder effects that bias the measurement rather than the behaviour.</summary>
public static class RaterEffects
{
    /// <summary>
    /// Halo (Thorndike 1920; Cooper 1981): the mean correlation between a manager's ratings of different KPIs across the
    /// people rated, minus the mean correlation between the same people's behaviour-based KPIs. Rows are people, columns KPIs.
    /// </summary>
    public static HaloResult Halo(double[][] managerRatings, double[][] behaviour)
    {
        if (managerRatings.Length != behaviour.Length) throw new ArgumentException("one row per person in both tables");
        var m = MeanOffDiagonal(managerRatings);
        var b = MeanOffDiagonal(behaviour);
        return new HaloResult(m, b, m - b, managerRatings.Length);
    }

    static double MeanOffDiagonal(double[][] rows)
    {
        var k = rows[0].Length;
        var rs = new List<double>();
        for (var i = 0; i < k; i++)
            for (var j = i + 1; j < k; j++)
                rs.Add(Correlations.Pearson(rows.Select(r => r[i]).ToArray(), rows.Select(r => r[j]).ToArray()).Value);
        return rs.Average();
    }

    /// <summary>
    /// The gap in a measured score between a group and a reference group among cases at the same true level (e.g. the
    /// auto-coder's level for non-native against native writers at the same human-rated level), per level and pooled with
    /// weights n_g·n_ref/(n_g + n_ref) per level (the Cochran–Mantel–Haenszel weighting of stratified differences).
    /// </summary>
    public static ConditionalGap FirstLanguageGap(IReadOnlyList<string> groups, IReadOnlyList<double> measured, IReadOnlyList<int> trueLevel,
        string group, string reference, int minGroupSize = 5)
    {
        var byLevel = new Dictionary<int, (double, int, int)>();
        double weighted = 0, weights = 0;
        foreach (var level in trueLevel.Distinct().Order())
        {
            var g = Enumerable.Range(0, groups.Count).Where(i => trueLevel[i] == level && groups[i] == group).Select(i => measured[i]).ToArray();
            var r = Enumerable.Range(0, groups.Count).Where(i => trueLevel[i] == level && groups[i] == reference).Select(i => measured[i]).ToArray();
            if (g.Length < minGroupSize || r.Length < minGroupSize) continue;
            var gap = g.Average() - r.Average();
            byLevel[level] = (gap, g.Length, r.Length);
            var w = g.Length * (double)r.Length / (g.Length + r.Length);
            weighted += w * gap;
            weights += w;
        }
        if (weights == 0) throw new ArgumentException($"no level has {minGroupSize} or more cases in both groups");
        return new ConditionalGap(byLevel, weighted / weights, byLevel.Count);
    }
}
