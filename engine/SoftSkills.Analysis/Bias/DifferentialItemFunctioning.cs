using MathNet.Numerics.Distributions;

namespace SoftSkills.Analysis.Bias;

/// <summary>Likelihood-ratio tests of uniform and non-uniform DIF for one rubric item.</summary>
public sealed record DifResult(double UniformChi2, double UniformP, double NonUniformChi2, double NonUniformP, double TotalChi2, double TotalP, double GroupSlope, int N);

/// <summary>
/// Differential item functioning of an ordinal item by ordinal logistic regression (Swaminathan &amp; Rogers 1990; Zumbo
/// 1999, "A Handbook on the Theory and Methods of DIF"): M0 item ~ matching score, M1 adds the group (uniform DIF),
/// M2 adds matching × group (non-uniform DIF); each step's likelihood-ratio statistic is χ² on 1 degree of freedom.
/// </summary>
public static class DifferentialItemFunctioning
{
    public static DifResult Test(IReadOnlyList<int> item, IReadOnlyList<double> matching, IReadOnlyList<bool> focalGroup)
    {
        var n = item.Count;
        if (matching.Count != n || focalGroup.Count != n) throw new ArgumentException("one matching score and one group per response");
        if (focalGroup.All(g => g) || focalGroup.All(g => !g)) throw new ArgumentException("DIF needs responses from both groups");
        var m0 = OrdinalLogistic.Fit(item, matching.Select(m => new[] { m }).ToList());
        var m1 = OrdinalLogistic.Fit(item, matching.Select((m, i) => new[] { m, focalGroup[i] ? 1.0 : 0 }).ToList());
        var m2 = OrdinalLogistic.Fit(item, matching.Select((m, i) => new[] { m, focalGroup[i] ? 1.0 : 0, focalGroup[i] ? m : 0 }).ToList());
        static double P(double chi2, int df) => 1 - ChiSquared.CDF(df, Math.Max(0, chi2));
        var uniform = Math.Max(0, 2 * (m1.LogLikelihood - m0.LogLikelihood));
        var nonUniform = Math.Max(0, 2 * (m2.LogLikelihood - m1.LogLikelihood));
        var total = Math.Max(0, 2 * (m2.LogLikelihood - m0.LogLikelihood));
        return new DifResult(uniform, P(uniform, 1), nonUniform, P(nonUniform, 1), total, P(total, 2), m1.Slopes[1], n);
    }
}
