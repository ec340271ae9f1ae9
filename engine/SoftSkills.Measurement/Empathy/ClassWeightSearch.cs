namespace SoftSkills.Measurement.Empathy;

/// <summary>
/// Chooses multipliers of the class probabilities that maximise macro-F1 on held-out predictions, so a rare middle level
/// is predicted when its probability is high relative to its prior rather than only when it is the most likely.
/// </summary>
public static class ClassWeightSearch
{
    static readonly double[] Grid = Enumerable.Range(-8, 25).Select(k => Math.Pow(2, k / 4.0)).ToArray(); // 0.25 … 16

    /// <summary>Weights (w0 = 1, w1, w2) over a log grid; ties keep the weights closest to 1.</summary>
    public static double[] MaximiseMacroF1(double[][] probabilities, int[] truth)
    {
        var best = new[] { 1.0, 1.0, 1.0 };
        var bestF1 = MacroF1(probabilities, truth, best);
        var bestDistance = 0.0;
        foreach (var w1 in Grid)
            foreach (var w2 in Grid)
            {
                var w = new[] { 1.0, w1, w2 };
                var f1 = MacroF1(probabilities, truth, w);
                var distance = Math.Abs(Math.Log(w1)) + Math.Abs(Math.Log(w2));
                if (f1 > bestF1 + 1e-12 || Math.Abs(f1 - bestF1) <= 1e-12 && distance < bestDistance)
                    (best, bestF1, bestDistance) = (w, f1, distance);
            }
        return best;
    }

    static double MacroF1(double[][] probabilities, int[] truth, double[] weights) =>
        ClassificationReport.Of(truth, probabilities.Select(p => ArgMax(p, weights)).ToArray(), weights.Length).MacroF1;

    /// <summary>The index of the largest p[c]·w[c] (the lowest index on ties).</summary>
    public static int ArgMax(double[] p, double[] weights)
    {
        var best = 0;
        for (var c = 1; c < p.Length; c++) if (p[c] * weights[c] > p[best] * weights[best]) best = c;
        return best;
    }
}
