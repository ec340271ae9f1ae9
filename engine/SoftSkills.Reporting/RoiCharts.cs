using Plotly.NET;
using SoftSkills.Analysis.Roi;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace SoftSkills.Reporting;

/// <summary>Charts of the ROI model for leadership.</summary>
public static class RoiCharts
{
    /// <summary>Cumulative net benefit by month per scenario, each break-even month marked.</summary>
    public static GenericChart CumulativeNet(IReadOnlyList<RoiResult> results)
    {
        var traces = new List<GenericChart>();
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            traces.Add(CSharpChart.Line<int, double, string>(x: r.Months.Select(m => m.Month), y: r.Months.Select(m => Math.Round(m.CumulativeNet)),
                Name: r.Name, LineColor: ChartStyle.ColorAt(i)));
            if (r.BreakEvenMonth is { } b)
                traces.Add(CSharpChart.Point<int, double, string>(x: [b], y: [Math.Round(r.Months[b - 1].CumulativeNet)],
                    Name: $"{r.Name}: break-even month {b}", MarkerColor: ChartStyle.ColorAt(i), MarkerSymbol: StyleParam.MarkerSymbol.Diamond));
        }
        return ChartStyle.Apply(CSharpChart.Combine(traces), "Cumulative net benefit by month", "month", "cumulative net benefit (currency units)");
    }

    /// <summary>Tornado: the swing in NPV from each input's low to its high value (others at their most likely value).</summary>
    public static GenericChart Tornado(IReadOnlyList<TornadoBar> bars, double baseNpv, string scenario)
    {
        var shown = bars.Take(10).Reverse().ToList(); // largest swing on top
        var names = shown.Select(b => b.Input.Replace('_', ' ')).ToArray();
        var low = CSharpChart.Bar<double, string, string>(values: shown.Select(b => Math.Round(b.NpvAtLow - baseNpv)), Keys: names,
            Name: "input at its low value", MarkerColor: ChartStyle.ColorAt(5));
        var high = CSharpChart.Bar<double, string, string>(values: shown.Select(b => Math.Round(b.NpvAtHigh - baseNpv)), Keys: names,
            Name: "input at its high value", MarkerColor: ChartStyle.ColorAt(0));
        var chart = CSharpChart.Combine([low, high]);
        var layout = new Layout();
        layout.SetProperty("barmode", "overlay");
        chart = Plotly.NET.Chart.withLayout(layout).Invoke(chart);
        return ChartStyle.Apply(chart, $"Tornado: what moves the NPV most ({scenario})", $"change in NPV against {Math.Round(baseNpv):N0} (currency units)", "input", 460);
    }

    /// <summary>The Monte Carlo distribution of the break-even month (share of draws per month).</summary>
    public static GenericChart BreakEvenDistribution(MonteCarloResult mc, string scenario)
    {
        var months = mc.BreakEvenHistogram.Keys.ToArray();
        var chart = CSharpChart.Column<double, int, string>(values: months.Select(m => Math.Round(100.0 * mc.BreakEvenHistogram[m] / mc.Draws, 2)), Keys: months,
            Name: "share of draws", MarkerColor: ChartStyle.ColorAt(2));
        return ChartStyle.Apply(chart, $"Break-even month over {mc.Draws:N0} Monte Carlo draws ({scenario}); {100 * (1 - mc.ProbabilityBreakEven):0.#}% never within the horizon",
            "break-even month", "share of draws (%)");
    }
}
