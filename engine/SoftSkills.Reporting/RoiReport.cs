using System.Globalization;
using System.Text;
using SoftSkills.Analysis.Roi;
using SoftSkills.Reporting.Charts;

namespace SoftSkills.Reporting;

/// <summary>
/// The leadership report: the answer in a sentence, one card per scenario that reads as a sentence, the cumulative curves,
/// the tornado and the break-even distribution, where the productivity uplift comes from, and the inputs in words. Every
/// amount carries the scenario file's currency.
/// </summary>
public static class RoiReport
{
    static string Money(double v, string currency) => $"{v.ToString("#,0", CultureInfo.InvariantCulture)} {currency}";
    static string Pct(double v) => double.IsFinite(v) ? v.ToString("+0;-0;0", CultureInfo.InvariantCulture) + "%" : "not defined";

    public static string Html(IReadOnlyList<RoiAnalysis> analyses, string currency, string? pilotComparison = null)
    {
        var page = new OfflinePage("When does the soft-skills programme pay for itself?");
        page.Paragraph(Answer(analyses, currency));
        page.Html(UpliftNote(analyses, pilotComparison));
        var cards = new StringBuilder("<div class=\"cards\">");
        foreach (var a in analyses) cards.Append(Card(a, currency));
        page.Html(cards.Append("</div>").ToString());
        page.Chart(RoiCharts.CumulativeNet(analyses.Select(a => a.Result).ToList(), currency), "cumulative");
        var main = analyses.FirstOrDefault(a => a.Scenario.Name == "base") ?? analyses[0];
        if (main.Tornado.Count > 0) page.Chart(RoiCharts.Tornado(main.Tornado, main.Result.Npv, main.Scenario.Name, currency), "tornado");
        if (main.MonteCarlo is { } m) page.Chart(RoiCharts.BreakEvenDistribution(m, main.Scenario.Name), "break-even-distribution");
        else page.Paragraph("No Monte Carlo was run (roi --monte-carlo N): the figures are at the most likely inputs only.", "muted");
        page.Heading("The inputs, in plain words");
        foreach (var a in analyses) page.Paragraph(Inputs(a.Scenario, currency));
        return page.ToHtml();
    }

    /// <summary>A scenario's card: a title, the break-even in a sentence, ROI both ways, NPV, and the Monte Carlo range when run.</summary>
    static string Card(RoiAnalysis a, string currency)
    {
        var r = a.Result;
        var horizon = r.Months.Count;
        var headline = r.BreakEvenMonth is { } b ? $"Breaks even in month {b}" : $"Does not break even within {horizon} months";
        var sb = new StringBuilder("<div class=\"card\">")
            .Append($"<div class=\"muted\">{HtmlSafe.Text(r.Name)} scenario</div>")
            .Append($"<div class=\"value\">{HtmlSafe.Text(headline)}</div>")
            .Append($"<div>{HtmlSafe.Text(r.BreakEvenMonth is null ? $"after {horizon} months the programme is {Money(-r.FinalNet, currency)} short of paying back" : $"and stays ahead to month {horizon}, ending {Money(r.FinalNet, currency)} ahead")}.</div>")
            .Append($"<div>{HtmlSafe.Text($"Return over {horizon} months: {Pct(r.RoiPercent)} undiscounted, {Pct(r.DiscountedRoiPercent)} discounted; NPV {Money(r.Npv, currency)}; benefit/cost {r.BenefitCostRatio.ToString("0.00", CultureInfo.InvariantCulture)} (discounted).")}</div>");
        if (a.MonteCarlo is { } mc)
            sb.Append($"<div class=\"muted\">{HtmlSafe.Text($"Over {mc.Draws:N0} draws of the uncertain inputs: {100 * mc.ProbabilityBreakEven:0.#}% break even within the horizon (P10–P90 month {Month(mc.BreakEvenP10)} to {Month(mc.BreakEvenP90)}), {100 * mc.ProbabilityLoss:0.#}% end at a loss.")}</div>");
        sb.Append($"<div class=\"muted\">Uplift {HtmlSafe.Text(a.UpliftSource)}.</div>");
        return sb.Append("</div>").ToString();
    }

    static string Month(int? m) => m is { } x ? x.ToString(CultureInfo.InvariantCulture) : "never";

    /// <summary>Where each scenario's productivity uplift comes from, and why a pilot-measured one may differ from an assumed one.</summary>
    static string UpliftNote(IReadOnlyList<RoiAnalysis> analyses, string? pilotComparison)
    {
        var sources = analyses.Select(a => a.UpliftSource).Distinct().ToList();
        var text = sources.Count == 1 && sources[0] == RoiAnalysis.Assumed
            ? "The productivity uplift in these scenarios is an assumption of the scenario file, not a measurement: run a pilot (softskills pilot, then roi --pilot DIR) to replace it with a measured one."
            : "Uplift: " + string.Join("; ", analyses.Select(a => $"{a.Scenario.Name} — {a.UpliftSource}")) + ".";
        if (pilotComparison is not null) text += " " + pilotComparison;
        return $"<p class=\"note\">{HtmlSafe.Text(text)}</p>";
    }

    /// <summary>The answer in one sentence per scenario, computed from the results.</summary>
    public static string Answer(IReadOnlyList<RoiAnalysis> analyses, string currency) =>
        string.Join(" ", analyses.Select(a =>
        {
            var mc = a.MonteCarlo is { } m ? $" (P50 month {Month(m.BreakEvenP50)}, P10–P90 month {Month(m.BreakEvenP10)} to {Month(m.BreakEvenP90)})" : "";
            var when = a.Result.BreakEvenMonth is { } b ? $"breaks even in month {b}" : $"does not break even within {a.Result.Months.Count} months";
            return $"In the {a.Result.Name} scenario the programme {when}{mc}, with an NPV of {Money(a.Result.Npv, currency)}.";
        }));

    static string Range(ThreePoint p, Func<double, string> f) => p.IsFixed ? f(p.Mode) : $"{f(p.Mode)} (from {f(p.Low)} to {f(p.High)})";

    public static string Inputs(RoiScenario s, string currency)
    {
        var x = s.Inputs;
        string Pct(double v) => (100 * v).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        string Num(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
        string Cur(double v) => $"{Num(v)} {currency}";
        return $"{s.Name}: {Range(x["members"], Num)} members costing {Range(x["loaded_cost_per_member_month"], Cur)} a month each "
            + $"become {Range(x["productivity_uplift"], Pct)} more productive, reaching the full effect after {Range(x["ramp_months"], Num)} months ({s.RampShape.ToString().ToLowerInvariant()} ramp). "
            + $"Software costs {Range(x["software_per_seat_month"], Cur)} per seat plus {Range(x["software_fixed_month"], Cur)} a month; implementation {Range(x["implementation_cost"], Cur)} "
            + $"over {Range(x["implementation_months"], Num)} months; coaching {Range(x["coaching_hours_per_member_month"], Num)} hours per member a month and human review "
            + $"{Range(x["review_hours_per_member_month"], Num)} hours per member a month until the auto-coder passes its precision bar after {Range(x["months_to_precision_bar"], Num)} months, "
            + (x["auto_share_after_bar"] is { IsFixed: true, Mode: >= 1 }
                ? $"then {Range(x["audit_hours_per_member_month"], Num)} hours of audits, "
                : $"then review of the {Range(x["auto_share_after_bar"], v => Pct(1 - v))} of items the coder is not confident enough to label itself plus {Range(x["audit_hours_per_member_month"], Num)} hours of audits, ")
            + $"all at {Range(x["hourly_rate"], Cur)} an hour. "
            + $"Horizon {s.HorizonMonths} months, discount rate {Pct(s.DiscountRateAnnual)} a year.";
    }
}
