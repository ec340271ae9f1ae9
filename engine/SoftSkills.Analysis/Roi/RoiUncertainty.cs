using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using SoftSkills.Analysis.Common;

namespace SoftSkills.Analysis.Roi;

/// <summary>One bar of a tornado: an input at its low and high value, others at their mode.</summary>
public sealed record TornadoBar(string Input, double Low, double High, double NpvAtLow, double NpvAtHigh, int? BreakEvenAtLow, int? BreakEvenAtHigh)
{
    public double NpvSwing => Math.Abs(NpvAtHigh - NpvAtLow);
}

/// <summary>
/// The distribution of outcomes over Monte Carlo draws of the three-point inputs. A draw breaks even when its cumulative
/// net benefit ends the horizon at or above zero and stays there (see <see cref="RoiResult"/>); it is a loss when it ends
/// below zero, so the two probabilities add up to 1. <see cref="ProbabilityNegativeNpv"/> is the discounted view.
/// </summary>
public sealed record MonteCarloResult(
    int Draws, int? BreakEvenP10, int? BreakEvenP50, int? BreakEvenP90, double ProbabilityBreakEven, double ProbabilityLoss,
    double NpvP10, double NpvP50, double NpvP90, IReadOnlyDictionary<int, int> BreakEvenHistogram, double ProbabilityNegativeNpv = double.NaN);

/// <summary>Sensitivity and uncertainty of a scenario's return.</summary>
public static class RoiUncertainty
{
    /// <summary>Each uncertain input at its low and its high value with the others at their mode, sorted by the swing in NPV.</summary>
    public static IReadOnlyList<TornadoBar> Tornado(RoiScenario scenario)
    {
        var bars = new List<TornadoBar>();
        foreach (var (name, point) in scenario.Inputs)
        {
            if (point.IsFixed) continue;
            var low = RoiModel.Quick(RoiFields.Build(scenario, n => n == name ? point.Low : scenario.Inputs[n].Mode));
            var high = RoiModel.Quick(RoiFields.Build(scenario, n => n == name ? point.High : scenario.Inputs[n].Mode));
            bars.Add(new TornadoBar(name, point.Low, point.High, low.Npv, high.Npv, low.BreakEven, high.BreakEven));
        }
        return bars.OrderByDescending(b => b.NpvSwing).ThenBy(b => b.Input, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Draws every three-point input independently (triangular, or PERT: low + (high − low)·Beta(1 + 4(mode − low)/(high − low),
    /// 1 + 4(high − mode)/(high − low)), Vose 2008) from a Mersenne Twister seeded with <paramref name="seed"/>, and summarises
    /// the break-even month by nearest-rank percentiles; a draw that does not break even within the horizon ranks last,
    /// and a percentile falling on such draws is null ("not within horizon").
    /// </summary>
    public static MonteCarloResult MonteCarlo(RoiScenario scenario, int draws, int seed, Distribution distribution = Distribution.Triangular)
    {
        if (draws < 1) throw new ArgumentOutOfRangeException(nameof(draws), "at least one draw");
        var rng = new MersenneTwister(seed, threadSafe: false);
        var names = scenario.Inputs.Keys.ToArray();
        var points = names.Select(n => scenario.Inputs[n]).ToArray();
        var values = new Dictionary<string, double>(names.Length);
        var breakEvens = new int[draws];
        var npvs = new double[draws];
        var never = scenario.HorizonMonths + 1;
        var histogram = new SortedDictionary<int, int>();
        int broke = 0, losses = 0, negative = 0;
        for (var d = 0; d < draws; d++)
        {
            for (var i = 0; i < names.Length; i++) values[names[i]] = Draw(points[i], rng, distribution);
            var (breakEven, npv, final) = RoiModel.Quick(RoiFields.Build(scenario, n => values[n]));
            breakEvens[d] = breakEven ?? never;
            npvs[d] = npv;
            if (breakEven is { } m) { broke++; histogram[m] = histogram.GetValueOrDefault(m) + 1; }
            if (final < 0) losses++;
            if (npv < 0) negative++;
        }
        int? Month(double p) => Percentiles.NearestRank(breakEvens.Select(b => (double)b).ToArray(), p) is var m && m == never ? null : (int)m;
        return new MonteCarloResult(draws, Month(0.10), Month(0.50), Month(0.90), (double)broke / draws, (double)losses / draws,
            Percentiles.NearestRank(npvs, 0.10), Percentiles.NearestRank(npvs, 0.50), Percentiles.NearestRank(npvs, 0.90), histogram, (double)negative / draws);
    }

    static double Draw(ThreePoint t, System.Random rng, Distribution distribution)
    {
        if (t.IsFixed) return t.Mode;
        if (distribution == Distribution.Triangular) return Triangular.Sample(rng, t.Low, t.High, t.Mode);
        var range = t.High - t.Low;
        var alpha = 1 + 4 * (t.Mode - t.Low) / range;
        var beta = 1 + 4 * (t.High - t.Mode) / range;
        return t.Low + range * Beta.Sample(rng, alpha, beta);
    }
}
