namespace SoftSkills.Analysis.Bias;

/// <summary>One group's figures; null where the group has no cases of that kind.</summary>
public sealed record GroupFairness(string Group, int N, double SelectionRate, double? Tpr, double? Fpr, double? MeanScore);

/// <summary>Group fairness of a binary flag (e.g. "needs coaching") and, with true labels, of a classifier's errors.</summary>
public sealed record FairnessResult(
    IReadOnlyList<GroupFairness> Groups, IReadOnlyList<string> Suppressed,
    double DemographicParityDifference, double DemographicParityRatio,
    double? EqualizedOddsDifference, double? EqualizedOddsRatio,
    IReadOnlyDictionary<string, double> SelectionRateRatios, bool FourFifthsPass);

/// <summary>
/// Selection rates and their ratio to the most-selected group with the four-fifths rule (US EEOC Uniform Guidelines,
/// 29 CFR 1607.4(D)); demographic-parity difference and ratio; true- and false-positive rates and the equalized-odds
/// difference and ratio (Hardt, Price &amp; Srebro 2016), defined as in Fairlearn: the larger of the TPR and FPR gaps, and
/// the smaller of the TPR and FPR min/max ratios. Groups smaller than the minimum size are left out and named as suppressed.
/// </summary>
public static class FairnessMetrics
{
    public static FairnessResult Compute(IReadOnlyList<string> groups, IReadOnlyList<bool> flagged, IReadOnlyList<bool>? truth = null,
        IReadOnlyList<double>? scores = null, int minGroupSize = 5)
    {
        if (groups.Count != flagged.Count || truth is not null && truth.Count != groups.Count || scores is not null && scores.Count != groups.Count)
            throw new ArgumentException("every column must have one value per case");
        var all = Enumerable.Range(0, groups.Count).GroupBy(i => groups[i]).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var suppressed = all.Where(g => g.Count() < minGroupSize).Select(g => g.Key).ToList();
        var rows = new List<GroupFairness>();
        foreach (var g in all.Where(g => g.Count() >= minGroupSize))
        {
            var idx = g.ToArray();
            double? Rate(bool label) => truth is null ? null
                : idx.Count(i => truth[i] == label) is var n and > 0 ? idx.Count(i => truth[i] == label && flagged[i]) / (double)n : null;
            rows.Add(new GroupFairness(g.Key, idx.Length, idx.Count(i => flagged[i]) / (double)idx.Length, Rate(true), Rate(false),
                scores is null ? null : idx.Select(i => scores[i]).Where(s => !double.IsNaN(s)).DefaultIfEmpty(double.NaN).Average()));
        }
        if (rows.Count < 2) throw new ArgumentException($"at least two groups of {minGroupSize} or more are needed to compare groups");
        var rates = rows.Select(r => r.SelectionRate).ToArray();
        var maxRate = rates.Max();
        var ratios = rows.ToDictionary(r => r.Group, r => maxRate > 0 ? r.SelectionRate / maxRate : 1.0);
        double? eoDiff = null, eoRatio = null;
        if (truth is not null)
        {
            var tprs = rows.Where(r => r.Tpr.HasValue).Select(r => r.Tpr!.Value).ToArray();
            var fprs = rows.Where(r => r.Fpr.HasValue).Select(r => r.Fpr!.Value).ToArray();
            if (tprs.Length >= 2 && fprs.Length >= 2)
            {
                eoDiff = Math.Max(tprs.Max() - tprs.Min(), fprs.Max() - fprs.Min());
                eoRatio = Math.Min(Ratio(tprs), Ratio(fprs));
            }
        }
        return new FairnessResult(rows, suppressed, maxRate - rates.Min(), Ratio(rates), eoDiff, eoRatio, ratios, ratios.Values.All(r => r >= 0.8));
    }

    static double Ratio(double[] values) => values.Max() == 0 ? 1 : values.Min() / values.Max();
}
