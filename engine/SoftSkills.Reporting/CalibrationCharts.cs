using Plotly.NET;
using SoftSkills.Measurement.Calibration;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace SoftSkills.Reporting;

/// <summary>Charts of the empathy coder's calibration loop.</summary>
public static class CalibrationCharts
{
    /// <summary>Per round: measured precision of "level ≥ 2" with its Wilson interval, the bar, and the share of new items sent to review.</summary>
    public static GenericChart PrecisionAndReview(IReadOnlyList<RoundRecord> rounds, double bar)
    {
        var measured = rounds.Where(r => r.PrecisionTrials > 0).ToList();
        var x = measured.Select(r => r.Round).ToArray();
        var traces = new List<GenericChart>
        {
            CSharpChart.Line<int, double, string>(x: x, y: measured.Select(r => Math.Round(r.Lower, 3)), Name: "95% interval (lower)", LineColor: ChartStyle.ColorAt(2), LineDash: StyleParam.DrawingStyle.Dot),
            CSharpChart.Line<int, double, string>(x: x, y: measured.Select(r => Math.Round(r.Upper, 3)), Name: "95% interval (upper)", LineColor: ChartStyle.ColorAt(2), LineDash: StyleParam.DrawingStyle.Dot),
            CSharpChart.Line<int, double, string>(x: x, y: measured.Select(r => Math.Round(r.Precision, 3)), Name: "precision of level ≥ 2", LineColor: ChartStyle.ColorAt(0), ShowMarkers: true),
            CSharpChart.Line<int, double, string>(x: rounds.Select(r => r.Round), y: rounds.Select(_ => bar), Name: $"bar ({bar:0.##})", LineColor: ChartStyle.ColorAt(5), LineDash: StyleParam.DrawingStyle.Dash),
            CSharpChart.Column<double, int, string>(values: rounds.Select(r => r.ReviewShare), Keys: rounds.Select(r => r.Round).ToArray(), Name: "share of new items reviewed next", MarkerColor: ChartStyle.ColorAt(1), Opacity: 0.35),
        };
        return ChartStyle.Apply(CSharpChart.Combine(traces), "Calibration: precision and review share by round", "round", "precision / share");
    }
}
