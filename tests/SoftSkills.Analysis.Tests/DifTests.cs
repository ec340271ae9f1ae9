using SoftSkills.Analysis.Bias;

namespace SoftSkills.Analysis.Tests;

public class DifTests
{
    static int Draw(Random rng, double[] theta, double eta)
    {
        var u = rng.NextDouble();
        for (var j = 0; j < theta.Length; j++)
            if (u < 1 / (1 + Math.Exp(-(theta[j] - eta)))) return j;
        return theta.Length;
    }

    [Fact]
    public void Without_covariates_the_thresholds_are_the_cumulative_logits()
    {
        // 10 zeros, 20 ones, 30 twos, 40 threes: P(Y ≤ j) = .1, .3, .6; log-likelihood Σ n_j log p_j.
        var y = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 20)).Concat(Enumerable.Repeat(2, 30)).Concat(Enumerable.Repeat(3, 40)).ToArray();
        var fit = OrdinalLogistic.Fit(y, y.Select(_ => Array.Empty<double>()).ToList());
        double Logit(double p) => Math.Log(p / (1 - p));
        Assert.Equal(Logit(0.1), fit.Thresholds[0], 5);
        Assert.Equal(Logit(0.3), fit.Thresholds[1], 5);
        Assert.Equal(Logit(0.6), fit.Thresholds[2], 5);
        Assert.Equal(10 * Math.Log(0.1) + 20 * Math.Log(0.2) + 30 * Math.Log(0.3) + 40 * Math.Log(0.4), fit.LogLikelihood, 6);
    }

    [Fact]
    public void Recovers_known_thresholds_and_slope()
    {
        var rng = new Random(12);
        double[] theta = [-1, 0.5, 2];
        var x = Enumerable.Range(0, 5000).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var y = x.Select(v => Draw(rng, theta, 1.2 * v)).ToArray();
        var fit = OrdinalLogistic.Fit(y, x.Select(v => new[] { v }).ToList());
        Assert.InRange(fit.Slopes[0], 1.1, 1.3);
        for (var j = 0; j < 3; j++) Assert.InRange(fit.Thresholds[j], theta[j] - 0.12, theta[j] + 0.12);
    }

    static (int[] Item, double[] Matching, bool[] Focal) Responses(int seed, int n, double uniformShift, double slopeShift = 0)
    {
        var rng = new Random(seed);
        var matching = new double[n];
        var item = new int[n];
        var focal = new bool[n];
        for (var i = 0; i < n; i++)
        {
            focal[i] = i % 2 == 0;
            matching[i] = rng.NextDouble() * 6 - 3;
            var eta = (1.0 + (focal[i] ? slopeShift : 0)) * matching[i] - (focal[i] ? uniformShift : 0);
            item[i] = Draw(rng, [-1.5, 0, 1.5], eta);
        }
        return (item, matching, focal);
    }

    [Fact]
    public void Injected_uniform_dif_is_found()
    {
        var (item, matching, focal) = Responses(3, 600, uniformShift: 0.8);
        var r = DifferentialItemFunctioning.Test(item, matching, focal);
        Assert.True(r.UniformP < 0.001, $"uniform p = {r.UniformP}");
        Assert.True(r.GroupSlope < 0); // the focal group scores lower at the same matching score
    }

    [Fact]
    public void Injected_non_uniform_dif_is_found()
    {
        var (item, matching, focal) = Responses(4, 800, uniformShift: 0, slopeShift: -0.6);
        var r = DifferentialItemFunctioning.Test(item, matching, focal);
        Assert.True(r.NonUniformP < 0.001, $"non-uniform p = {r.NonUniformP}");
    }

    [Fact]
    public void Without_dif_the_test_rejects_at_about_its_nominal_rate()
    {
        // 20 replications without DIF at the 5% level: P(5 or more rejections) under Binomial(20, .05) is 0.3%.
        var rejections = Enumerable.Range(100, 20).Count(seed =>
        {
            var (item, matching, focal) = Responses(seed, 300, uniformShift: 0);
            return DifferentialItemFunctioning.Test(item, matching, focal).TotalP < 0.05;
        });
        Assert.True(rejections <= 4, $"{rejections} of 20 null replications rejected");
    }
}
