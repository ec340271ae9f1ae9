using SoftSkills.Measurement.Calibration;

namespace SoftSkills.Reporting.Charts;

/// <summary>Charts of the empathy coder's calibration loop.</summary>
public static class CalibrationCharts
{
    /// <summary>Per round: measured precision of "level ≥ 2" with its Wilson interval, the bar, and the share of new items sent to review.</summary>
    public static Figure PrecisionAndReview(IReadOnlyList<RoundRecord> rounds, double bar)
    {
        var measured = rounds.Where(r => r.PrecisionTrials > 0).ToList();
        var x = measured.Select(r => r.Round).ToArray();
        return new Figure("Calibration: precision and review share by round", "round", "precision / share")
            .Line(x, measured.Select(r => (double?)r.Lower), "95% interval (lower)", Figure.ColorAt(2), "dot", markers: false)
            .Line(x, measured.Select(r => (double?)r.Upper), "95% interval (upper)", Figure.ColorAt(2), "dot", markers: false)
            .Line(x, measured.Select(r => (double?)r.Precision), "precision of level ≥ 2", Figure.ColorAt(0))
            .Line(rounds.Select(r => r.Round), rounds.Select(_ => (double?)bar), $"bar ({bar:0.##})", Figure.ColorAt(5), "dash", markers: false)
            .Bars(rounds.Select(r => r.Round), rounds.Select(r => (double?)r.ReviewShare), "share of new items reviewed next", Figure.ColorAt(1), opacity: 0.35);
    }
}
