using System.Globalization;
using SoftSkills.Analysis.Roi;

namespace SoftSkills.Reporting.Charts;

/// <summary>Charts of the ROI model for leadership; amounts in the scenario file's currency.</summary>
public static class RoiCharts
{
    /// <summary>Cumulative net benefit by month per scenario, each break-even month marked.</summary>
    public static Figure CumulativeNet(IReadOnlyList<RoiResult> results, string currency)
    {
        var figure = new Figure("Cumulative net benefit by month", "month", $"cumulative net benefit ({currency})");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            figure.Line(r.Months.Select(m => m.Month), r.Months.Select(m => (double?)m.CumulativeNet), r.Name, Figure.ColorAt(i), markers: false,
                hover: r.Months.Select(m => $"{r.Name}, month {m.Month}: {m.CumulativeNet.ToString("#,0", CultureInfo.InvariantCulture)} {currency}"));
            if (r.BreakEvenMonth is { } b)
                figure.Points([b], [r.Months[b - 1].CumulativeNet], $"{r.Name}: breaks even in month {b}", Figure.ColorAt(i), "diamond");
        }
        return figure;
    }

    /// <summary>Tornado: the swing in NPV from each input's low to its high value (others at their most likely value).</summary>
    public static Figure Tornado(IReadOnlyList<TornadoBar> bars, double baseNpv, string scenario, string currency)
    {
        var shown = bars.Take(10).Reverse().ToList(); // largest swing on top
        var names = shown.Select(b => b.Input.Replace('_', ' ')).ToArray();
        return new Figure($"Tornado: what moves the NPV most ({scenario})", $"change in NPV against {baseNpv.ToString("#,0", CultureInfo.InvariantCulture)} ({currency})", "input", 460)
            .Bars(names, shown.Select(b => (double?)(b.NpvAtLow - baseNpv)), "input at its low value", Figure.ColorAt(5), horizontal: true)
            .Bars(names, shown.Select(b => (double?)(b.NpvAtHigh - baseNpv)), "input at its high value", Figure.ColorAt(0), horizontal: true)
            .Set("barmode", "overlay");
    }

    /// <summary>The Monte Carlo distribution of the break-even month (share of draws per month).</summary>
    public static Figure BreakEvenDistribution(MonteCarloResult mc, string scenario)
    {
        var months = mc.BreakEvenHistogram.Keys.ToArray();
        return new Figure($"Break-even month over {mc.Draws:N0} draws ({scenario}); {100 * (1 - mc.ProbabilityBreakEven):0.#}% never break even within the horizon",
                "break-even month", "share of draws (%)")
            .Bars(months, months.Select(m => (double?)(100.0 * mc.BreakEvenHistogram[m] / mc.Draws)), "share of draws", Figure.ColorAt(2));
    }
}
