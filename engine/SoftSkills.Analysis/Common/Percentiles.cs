using MathNet.Numerics.Statistics;

namespace SoftSkills.Analysis.Common;

/// <summary>Percentiles: the one rule the project uses for bootstrap intervals and Monte Carlo summaries.</summary>
public static class Percentiles
{
    /// <summary>
    /// The nearest-rank percentile, the ⌈p·n⌉-th smallest value (Hyndman &amp; Fan 1996 definition 1, the inverse of the
    /// empirical distribution function; MathNet's QuantileDefinition.R1). Does not modify <paramref name="values"/>.
    /// </summary>
    public static double NearestRank(IEnumerable<double> values, double p) =>
        Statistics.QuantileCustom(values, p, QuantileDefinition.R1);
}
