using SoftSkills.Analysis.Pilot;

namespace SoftSkills.Analysis.Tests;

/// <summary>Difference-in-differences against hand-computed cases (CR1, whose formula reduces to a sum by hand).</summary>
public class DidTests
{
    [Fact]
    public void Estimate_is_the_difference_of_the_four_cell_means()
    {
        // Two teams per arm, two periods each: (T after − T before) − (C after − C before) = (12 − 10) − (7 − 6) = 1.
        var obs = new List<DidObservation>
        {
            new("t1", true, false, 9), new("t1", true, true, 12), new("t2", true, false, 11), new("t2", true, true, 12),
            new("c1", false, false, 5), new("c1", false, true, 7), new("c2", false, false, 7), new("c2", false, true, 7),
        };
        var r = DifferenceInDifferences.Estimate(obs, new DidOptions(DidInference.Cr1));
        Assert.Equal(1.0, r.Estimate, 12);
        Assert.Equal(10, r.TreatedBefore);
        Assert.Equal(12, r.TreatedAfter);
        Assert.Equal(3, r.DegreesOfFreedom);
        Assert.Equal(4, r.Clusters);
        Assert.True(r.StandardError > 0);
        Assert.True(r.Lower < r.Estimate && r.Estimate < r.Upper);
    }

    [Fact]
    public void Standard_error_matches_the_cluster_robust_formula_computed_by_hand()
    {
        // The treated teams' after-minus-before differences are 3 and 1 (mean 2), the control teams' 1 and 1 (mean 1): δ = 1.
        // With one observation per team and period, CR1 reduces to
        // se² = G/(G−1) · (N−1)/(N−K) · Σ_arms Σ_g (d_g − d̄_arm)² / n_arm² = 4/3 · 7/4 · ((1² + 1²)/4 + 0) = 7/6.
        var obs = new List<DidObservation>
        {
            new("t1", true, false, 0), new("t1", true, true, 3), new("t2", true, false, 0), new("t2", true, true, 1),
            new("c1", false, false, 0), new("c1", false, true, 1), new("c2", false, false, 0), new("c2", false, true, 1),
        };
        var r = DifferenceInDifferences.Estimate(obs, new DidOptions(DidInference.Cr1));
        Assert.Equal(1.0, r.Estimate, 12);
        var expectedVariance = 4.0 / 3 * 7.0 / 4 * ((1.0 + 1.0) / 4);
        Assert.Equal(Math.Sqrt(expectedVariance), r.StandardError, 10);
        // t(3) 97.5% quantile = 3.182446305284263.
        Assert.Equal(1.0 + 3.182446305284263 * r.StandardError, r.Upper, 9);
    }

    [Fact]
    public void A_missing_cell_is_an_error()
    {
        var obs = new List<DidObservation> { new("t1", true, false, 1), new("t1", true, true, 2), new("c1", false, false, 1) };
        Assert.Throws<ArgumentException>(() => DifferenceInDifferences.Estimate(obs));
    }
}
