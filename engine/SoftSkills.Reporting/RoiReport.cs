using System.Globalization;
using System.Text;
using SoftSkills.Analysis.Roi;

namespace SoftSkills.Reporting;

/// <summary>One scenario's full analysis for the report.</summary>
public sealed record RoiAnalysis(RoiScenario Scenario, RoiResult Result, IReadOnlyList<TornadoBar> Tornado, MonteCarloResult? MonteCarlo);

/// <summary>The leadership report: scenarios side by side, cumulative curves, tornado, break-even distribution, inputs in words.</summary>
public static class RoiReport
{
    static string Money(double v) => v.ToString("#,0", CultureInfo.InvariantCulture);
    static string Month(int? m) => m is { } x ? $"month {x}" : "not within the horizon";

    public static string Html(IReadOnlyList<RoiAnalysis> analyses)
    {
        var page = new OfflinePage("When does the soft-skills programme pay for itself?");
        page.Paragraph(Answer(analyses));
        var cards = new StringBuilder("<div class=\"cards\">");
        foreach (var a in analyses)
        {
            var r = a.Result;
            cards.Append("<div class=\"card\">")
                 .Append($"<div class=\"muted\">{OfflinePage.Encode(r.Name)}</div>")
                 .Append($"<div class=\"value\">{OfflinePage.Encode(Month(r.BreakEvenMonth))}</div>")
                 .Append($"<div>break-even; ROI {r.RoiPercent.ToString("0", CultureInfo.InvariantCulture)}% over {r.Months.Count} months</div>")
                 .Append($"<div>NPV {Money(r.Npv)} · benefit/cost {r.BenefitCostRatio.ToString("0.00", CultureInfo.InvariantCulture)}</div>");
            if (a.MonteCarlo is { } mc)
                cards.Append($"<div class=\"muted\">P10–P90 break-even: {OfflinePage.Encode(Month(mc.BreakEvenP10))} to {OfflinePage.Encode(Month(mc.BreakEvenP90))}; ")
                     .Append($"{100 * mc.ProbabilityBreakEven:0.#}% break even, {100 * mc.ProbabilityLoss:0.#}% lose money</div>");
            cards.Append("</div>");
        }
        page.Html(cards.Append("</div>").ToString());
        page.Chart(RoiCharts.CumulativeNet(analyses.Select(a => a.Result).ToList()), "cumulative");
        var main = analyses.FirstOrDefault(a => a.Scenario.Name == "base") ?? analyses[0];
        if (main.Tornado.Count > 0) page.Chart(RoiCharts.Tornado(main.Tornado, main.Result.Npv, main.Scenario.Name), "tornado");
        if (main.MonteCarlo is { } m) page.Chart(RoiCharts.BreakEvenDistribution(m, main.Scenario.Name), "break-even-distribution");
        page.Heading("The inputs, in plain words");
        foreach (var a in analyses) page.Paragraph(Inputs(a.Scenario));
        return page.ToHtml();
    }

    /// <summary>The answer in one sentence, computed from the results.</summary>
    public static string Answer(IReadOnlyList<RoiAnalysis> analyses) =>
        string.Join(" ", analyses.Select(a =>
        {
            var mc = a.MonteCarlo is { } m ? $" (P50 {Month(m.BreakEvenP50)}, P10–P90 {Month(m.BreakEvenP10)} to {Month(m.BreakEvenP90)})" : "";
            var when = a.Result.BreakEvenMonth is { } b ? $"breaks even in month {b}" : "does not break even within the horizon";
            return $"In the {a.Result.Name} scenario the programme {when}{mc}, with an NPV of {Money(a.Result.Npv)}.";
        }));

    static string Range(ThreePoint p, Func<double, string> f) => p.IsFixed ? f(p.Mode) : $"{f(p.Mode)} (from {f(p.Low)} to {f(p.High)})";

    public static string Inputs(RoiScenario s)
    {
        var x = s.Inputs;
        string Pct(double v) => (100 * v).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        string Num(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
        return $"{s.Name}: {Range(x["members"], Num)} members costing {Range(x["loaded_cost_per_member_month"], Num)} a month each "
            + $"become {Range(x["productivity_uplift"], Pct)} more productive, reaching the full effect after {Range(x["ramp_months"], Num)} months ({s.RampShape.ToString().ToLowerInvariant()} ramp). "
            + $"Software costs {Range(x["software_per_seat_month"], Num)} per seat plus {Range(x["software_fixed_month"], Num)} a month; implementation {Range(x["implementation_cost"], Num)} "
            + $"over {Range(x["implementation_months"], Num)} months; coaching {Range(x["coaching_hours_per_member_month"], Num)} hours per member a month and human review "
            + $"{Range(x["review_hours_per_member_month"], Num)} hours per member a month until the auto-coder passes its precision bar after {Range(x["months_to_precision_bar"], Num)} months, "
            + $"then {Range(x["audit_hours_per_member_month"], Num)} hours of audits, all at {Range(x["hourly_rate"], Num)} an hour. "
            + $"Horizon {s.HorizonMonths} months, discount rate {Pct(s.DiscountRateAnnual)} a year.";
    }
}
