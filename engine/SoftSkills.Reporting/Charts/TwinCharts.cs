namespace SoftSkills.Reporting.Charts;

/// <summary>Charts of a digital twin's fit (docs/design.md §7, twin).</summary>
public static class TwinCharts
{
    /// <summary>
    /// A posterior predictive check: per group, the observed value beside the twin's mean and 90% range over simulations of
    /// the fitted twin. An observed point outside its range is a summary the twin does not reproduce.
    /// </summary>
    public static Figure Check(string title, string yTitle, IReadOnlyList<string> groups, IReadOnlyList<double?> observed,
        IReadOnlyList<double?> twinMean, IReadOnlyList<double?> twinLow, IReadOnlyList<double?> twinHigh) =>
        new Figure(title, "team", yTitle)
            .Points(groups, twinMean, "twin: mean and 90% range", Figure.ColorAt(0),
                errorPlus: twinMean.Zip(twinHigh, (m, h) => m is null || h is null ? null : h - m),
                errorMinus: twinMean.Zip(twinLow, (m, l) => m is null || l is null ? null : m - l))
            .Points(groups, observed, "observed", Figure.ColorAt(5), symbol: "diamond");
}
