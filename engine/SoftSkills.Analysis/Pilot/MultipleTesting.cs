namespace SoftSkills.Analysis.Pilot;

/// <summary>Adjusting p-values for testing several KPIs at once.</summary>
public static class MultipleTesting
{
    /// <summary>
    /// Holm's step-down adjusted p-values, in the input order (Holm 1979, Scand. J. Statistics 6(2)): sort ascending,
    /// p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)); as R's p.adjust(method = "holm"). NaN (a test that could not be run)
    /// stays NaN and does not count towards m.
    /// </summary>
    public static double[] Holm(IReadOnlyList<double> p)
    {
        var tested = Enumerable.Range(0, p.Count).Where(i => !double.IsNaN(p[i])).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var adjusted = Enumerable.Repeat(double.NaN, p.Count).ToArray();
        var running = 0.0;
        for (var rank = 0; rank < tested.Length; rank++)
        {
            running = Math.Max(running, Math.Min(1, (tested.Length - rank) * p[tested[rank]]));
            adjusted[tested[rank]] = running;
        }
        return adjusted;
    }
}
