namespace SoftSkills.Measurement.Calibration;

/// <summary>
/// The confidence above which the coder labels an item itself: a threshold for its "level ≥ 2" calls (positives) and one
/// for its "level &lt; 2" calls (negatives), each with what it rests on among the reviewed items.
/// </summary>
public sealed record Routing(double? PositiveThreshold, Proportion PositivePrecision, double? NegativeThreshold, Proportion NegativePrecision)
{
    /// <summary>Whether the coder may label any calls itself.</summary>
    public bool Routes => PositiveThreshold is not null || NegativeThreshold is not null;
}

/// <summary>
/// Selective prediction with a risk guarantee (Learn then Test: Angelopoulos, Bates, Candès, Jordan &amp; Lei 2021,
/// arXiv:2110.01052, fixed-sequence testing). For the positive calls, thresholds τ = 0.99, 0.98, …, 0.50 are tested in
/// that order on the human-reviewed items: among the coder's positives with confidence ≥ τ, k of n are truly positive,
/// and H0 "precision &lt; bar" is rejected when P(Bin(n, bar) ≥ k) ≤ δ/2; the loosest τ reached before the first
/// non-rejection is chosen, so with probability at least 1 − δ/2 the precision of what it auto-labels is at least the bar.
/// Negative calls get their own threshold the same way (the other δ/2). The sequence starts at the strictest τ that
/// holds at least <c>minItems</c> reviewed calls, a choice that looks at confidences only, never at the labels.
/// </summary>
public static class ConfidenceRouting
{
    public static Routing Choose(IEnumerable<ReviewRecord> reviewed, int competentLevel, double bar, double delta, int minItems = 40)
    {
        var labelled = reviewed.Where(r => r.HumanLevel is not null && r.Confidence is not null).ToList();
        var (pt, pp) = Threshold(labelled.Where(r => r.AutoLevel >= competentLevel).Select(r => (r.Confidence!.Value, r.HumanLevel >= competentLevel)).ToList(), bar, delta / 2, minItems);
        var (nt, np) = Threshold(labelled.Where(r => r.AutoLevel < competentLevel).Select(r => (r.Confidence!.Value, r.HumanLevel < competentLevel)).ToList(), bar, delta / 2, minItems);
        return new Routing(pt, pp, nt, np);
    }

    /// <summary>The loosest threshold of the fixed sequence whose calls are correct at least <paramref name="bar"/> of the time.</summary>
    static (double? Threshold, Proportion Precision) Threshold(List<(double Confidence, bool Correct)> calls, double bar, double delta, int minItems)
    {
        double? chosen = null;
        var precision = WilsonInterval.Of(0, 0);
        var started = false;
        for (var step = 99; step >= 50; step--)
        {
            var tau = step / 100.0;
            var kept = calls.Where(c => c.Confidence >= tau - 1e-12).ToList();
            if (!started && kept.Count < minItems) continue;
            started = true;
            var correct = kept.Count(c => c.Correct);
            if (BinomialTail.AtLeast(correct, kept.Count, bar) > delta) break;
            (chosen, precision) = (tau, WilsonInterval.Of(correct, kept.Count));
        }
        return (chosen, precision);
    }
}

/// <summary>Exact binomial tail probabilities.</summary>
public static class BinomialTail
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed in log space (exact to rounding for any n).</summary>
    public static double AtLeast(int k, int n, double p)
    {
        if (k <= 0) return 1;
        if (k > n) return 0;
        if (p <= 0) return 0;
        if (p >= 1) return 1;
        double logP = Math.Log(p), logQ = Math.Log(1 - p), sum = 0;
        var logChoose = LogChoose(n, k);
        for (var j = k; j <= n; j++)
        {
            sum += Math.Exp(logChoose + j * logP + (n - j) * logQ);
            logChoose += Math.Log(n - j) - Math.Log(j + 1);   // C(n, j+1) from C(n, j)
        }
        return Math.Min(1, sum);
    }

    static double LogChoose(int n, int k)
    {
        double s = 0;
        for (var i = 1; i <= k; i++) s += Math.Log(n - k + i) - Math.Log(i);
        return s;
    }
}
