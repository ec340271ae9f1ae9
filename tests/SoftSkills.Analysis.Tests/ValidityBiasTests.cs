using SoftSkills.Analysis.Bias;
using SoftSkills.Analysis.Validity;

namespace SoftSkills.Analysis.Tests;

public class ValidityBiasTests
{
    [Fact]
    public void Pearson_with_its_fisher_z_interval_by_hand()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: r = 6/√60 = 0.7745966692414834; z = atanh(r), se = 1/√2:
        // [tanh(z − 1.96·se), tanh(z + 1.96·se)] = [−0.34008, 0.98424].
        var r = Correlations.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(0.7745966692414834, r.Value, 12);
        Assert.Equal(-0.34008203518751035, r.Lower, 9);
        Assert.Equal(0.9842357551507267, r.Upper, 9);
        Assert.Equal(5, r.N);
        // t = r·√(3/(1 − r²)) = 2.1213 on 3 df: p = 0.1240270627, the interval and p as R's cor.test(1:5, c(2,4,5,4,5)) prints them.
        Assert.Equal(0.1240270627, r.P, 9);
    }

    [Fact]
    public void Spearman_gives_ties_their_average_rank()
    {
        Assert.Equal([1, 2.5, 4.5, 2.5, 4.5], Correlations.Ranks([2, 4, 5, 4, 5]));
        var r = Correlations.Spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(0.7378647873726218, r.Value, 12);
        var missing = Correlations.Spearman([1, 2, 3, 4, 5, 6], [2, 4, 5, 4, 5, double.NaN]);
        Assert.Equal(r.Value, missing.Value, 12);
    }

    [Theory]
    // n = 4, ρ = 1: S = 0 is the smallest of 24 orderings: p = 2/24 (R: cor.test(1:4, 1:4, method = "spearman") gives 0.08333).
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 1, 2, 3, 4 }, 1.0, 2.0 / 24)]
    // n = 5, ρ = 0.9 (one swap): S = 2; 5 of 120 orderings have S ≤ 2: p = 10/120 (R prints 0.08333).
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, new double[] { 1, 2, 3, 5, 4 }, 0.9, 10.0 / 120)]
    // n = 5, ρ = −0.9: the upper tail mirrors it.
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, new double[] { 5, 4, 3, 1, 2 }, -0.9, 10.0 / 120)]
    public void Spearman_p_is_exact_for_small_samples_without_ties(double[] x, double[] y, double rho, double p)
    {
        var r = Correlations.Spearman(x, y);
        Assert.Equal(rho, r.Value, 12);
        Assert.Equal(p, r.P, 12);
        Assert.Equal("exact", r.PMethod);
    }

    [Fact]
    public void A_perfect_pearson_correlation_has_the_exact_permutation_p_not_zero()
    {
        var r = Correlations.Pearson([1, 2, 3, 4], [2, 4, 6, 8]);
        Assert.Equal(1.0, r.Value, 12);
        Assert.Equal(2.0 / 24, r.P, 12);
    }

    /// <summary>A hand-computed example: group a selects 3 of 4 (TPR 0.5, FPR 1.0), group b 2 of 4 (TPR 1.0, FPR 0.0).</summary>
    [Fact]
    public void Fairness_metrics_match_the_design_example()
    {
        string[] groups = ["a", "a", "a", "a", "b", "b", "b", "b"];
        bool[] truth = [true, true, false, false, true, true, false, false];
        bool[] flagged = [true, false, true, true, true, true, false, false];
        var r = FairnessMetrics.Compute(groups, flagged, truth, minGroupSize: 1);
        var a = r.Groups.Single(g => g.Group == "a");
        Assert.Equal((4, 0.75, 0.5, 1.0), (a.N, a.SelectionRate, a.Tpr!.Value, a.Fpr!.Value));
        Assert.Equal(0.25, r.DemographicParityDifference, 12);
        Assert.Equal(2.0 / 3, r.DemographicParityRatio, 12);
        Assert.Equal(1.0, r.EqualizedOddsDifference);
        Assert.Equal(0.0, r.EqualizedOddsRatio);
        Assert.False(r.FourFifthsPass);
        Assert.Equal(2.0 / 3, r.SelectionRateRatios["b"], 12);
        // With the default minimum of 5 both groups are too small to compare.
        Assert.Throws<ArgumentException>(() => FairnessMetrics.Compute(groups, flagged, truth));
    }

    [Fact]
    public void Small_groups_are_suppressed_and_named()
    {
        var groups = Enumerable.Repeat("x", 10).Concat(Enumerable.Repeat("y", 10)).Concat(Enumerable.Repeat("z", 3)).ToArray();
        var flagged = groups.Select((g, i) => g == "x" ? i % 2 == 0 : i % 5 == 0).ToArray();
        var r = FairnessMetrics.Compute(groups, flagged);
        Assert.Equal(["x", "y"], r.Groups.Select(g => g.Group));
        Assert.Equal(["z"], r.Suppressed);
        Assert.True(r.FourFifthsPass == (r.SelectionRateRatios.Values.Min() >= 0.8));
    }

    [Fact]
    public void Standardised_mean_difference_by_hand_with_a_seeded_interval()
    {
        // a = 1..5 (mean 3, var 2.5), b = 3..7 (mean 5, var 2.5): pooled sd √2.5, d = −2/√2.5 = −1.2649.
        string[] groups = ["a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b"];
        double[] scores = [1, 2, 3, 4, 5, 3, 4, 5, 6, 7, 5];
        var gaps = ScoreGaps.Compute(groups, scores, reference: "b", minGroupSize: 5, resamples: 500, seed: 3);
        var d = ScoreGaps.Smd([1, 2, 3, 4, 5], [3, 4, 5, 6, 7]);
        Assert.Equal(-2 / Math.Sqrt(2.5), d, 12);
        Assert.Single(gaps);
        Assert.Equal("a", gaps[0].Group);
        Assert.True(gaps[0].Lower <= gaps[0].Smd && gaps[0].Smd <= gaps[0].Upper);
        var again = ScoreGaps.Compute(groups, scores, reference: "b", minGroupSize: 5, resamples: 500, seed: 3);
        Assert.Equal((gaps[0].Lower, gaps[0].Upper), (again[0].Lower, again[0].Upper));
    }
}

public class MtmmTests
{
    [Fact]
    public void Blocks_of_the_matrix_are_averaged_as_campbell_and_fiske_do()
    {
        // Two traits measured by two methods over 200 people: each method sees the trait plus its own method factor.
        var rng = new Random(9);
        var people = Enumerable.Range(0, 200).Select(_ => (T1: rng.NextDouble(), T2: rng.NextDouble(), MA: rng.NextDouble(), MB: rng.NextDouble(), E: rng)).ToArray();
        double Noise() => (rng.NextDouble() - 0.5) * 0.2;
        var measures = new Dictionary<SoftSkills.Analysis.Validity.TraitMethod, double[]>
        {
            [new("empathy", "auto")] = people.Select(p => p.T1 + 0.3 * p.MA + Noise()).ToArray(),
            [new("handoff", "auto")] = people.Select(p => p.T2 + 0.3 * p.MA + Noise()).ToArray(),
            [new("empathy", "manager")] = people.Select(p => p.T1 + 0.3 * p.MB + Noise()).ToArray(),
            [new("handoff", "manager")] = people.Select(p => p.T2 + 0.3 * p.MB + Noise()).ToArray(),
        };
        var r = SoftSkills.Analysis.Validity.Mtmm.Compute(measures);
        Assert.Equal(4, r.Measures.Count);
        Assert.True(r.Convergent);
        Assert.True(r.Discriminant);
        Assert.True(r.MonotraitHeteromethod > 0.8);
        Assert.InRange(r.HeterotraitHeteromethod!.Value, -0.2, 0.2);
        Assert.Equal(r.Correlations[0, 1], r.Correlations[1, 0]);
    }
}
