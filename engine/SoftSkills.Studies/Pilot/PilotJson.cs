using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Studies.Pilot;

/// <summary>The JSON of a pilot (pilot.json, effects.json, <c>pilot --format json</c>): documented in docs/design.md, "Command line".</summary>
public static class PilotJson
{
    static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode node) => node.ToJsonString(Options);

    static JsonNode? N(double? v) => JsonNumbers.Of(v);
    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Each KPI's effect: estimate, interval, test, Holm-adjusted p and verdict, randomisation test, true effect.</summary>
    public static JsonObject Effects(PilotReport report)
    {
        var effects = new JsonObject();
        foreach (var e in report.Effects)
        {
            var d = e.Did;
            effects[EnumNames.Of(e.Kpi)] = new JsonObject
            {
                ["estimate"] = N(d?.Estimate),
                ["ci95"] = report.Level == 0.95 && d is not null ? new JsonArray(N(d.Lower), N(d.Upper)) : null,
                ["interval"] = d is null ? null : new JsonArray(N(d.Lower), N(d.Upper)),
                ["level"] = report.Level,
                ["method"] = report.Options.Method,
                ["se"] = N(d?.StandardError),
                ["df"] = N(d?.DegreesOfFreedom),
                ["p"] = N(d?.P),
                ["holm_p"] = N(e.HolmP),
                ["detected"] = e.Detected,
                ["permutation_p"] = N(e.Randomisation?.P),
                ["permutation_assignments"] = e.Randomisation?.Assignments,
                ["permutation_smallest_p"] = N(e.Randomisation?.SmallestP),
                ["bootstrap_draws"] = d?.BootstrapDraws,
                ["true"] = N(e.TrueEffect),
                ["clusters"] = d?.Clusters,
                ["observations"] = d?.Observations,
                ["unit"] = KpiNames.Unit(e.Kpi) == "%" ? "percentage points" : "index points",
                ["not_estimable"] = e.NotEstimable,
                ["caveat"] = Reporting.Dashboard.DashboardBuilder.Caveat(e.Kpi),
            };
        }
        return effects;
    }

    public static JsonObject Of(PilotResult r)
    {
        var report = r.Report;
        var arms = new JsonArray();
        foreach (var a in report.Arms)
        {
            var row = new JsonObject
            {
                ["arm"] = a.Arm, ["period"] = a.Period,
                ["from"] = Day(a.Period == "baseline" ? report.Design.FirstDay : report.Design.FirstPilotWeek),
                ["to"] = Day(a.Period == "baseline" ? report.Design.BaselineEnd : report.Design.LastDay),
                ["employees"] = a.Row.Employees, ["suppressed"] = a.Row.Suppressed,
            };
            foreach (var kpi in KpiNames.All)
            {
                var key = EnumNames.Of(kpi);
                row[key] = N(a.Row.Value(kpi));
                row[key + "_n"] = a.Row.N(kpi);
                row[key + "_people"] = a.Row.People(kpi);
                if (a.Row.WithheldReason(kpi, r.Dashboard.MinGroupSize) is { } why) row[key + "_withheld"] = why;
            }
            arms.Add(row);
        }
        var json = new JsonObject
        {
            ["manifest"] = JsonNode.Parse(r.Manifest.ToJson()),
            ["design"] = new JsonObject
            {
                ["treatment_teams"] = new JsonArray([.. report.Design.TreatmentTeams.Select(t => (JsonNode)t)]),
                ["control_teams"] = new JsonArray([.. report.Design.ControlTeams.Select(t => (JsonNode)t)]),
                ["first_day"] = Day(report.Design.FirstDay),
                ["pilot_start"] = Day(report.Design.PilotStart),
                ["baseline_to"] = Day(report.Design.BaselineEnd),
                ["pilot_from"] = Day(report.Design.FirstPilotWeek),
                ["last_day"] = Day(report.Design.LastDay),
            },
            ["method"] = report.Options.Method,
            ["level"] = report.Level,
            ["effects"] = Effects(report),
            ["arms"] = arms,
            ["min_group_size"] = r.Dashboard.MinGroupSize,
            ["roi"] = r.Roi is null ? null : Roi(r.Roi),
        };
        return json;
    }

    static JsonObject Roi(PilotRoi roi)
    {
        var a = roi.Analysis;
        var mc = a.MonteCarlo!;
        return new JsonObject
        {
            ["scenario"] = a.Scenario.Name,
            ["currency"] = roi.File.Currency,
            ["productivity_uplift"] = new JsonObject { ["low"] = N(roi.Uplift.Low), ["mode"] = N(roi.Uplift.Mode), ["high"] = N(roi.Uplift.High) },
            ["uplift_source"] = a.UpliftSource,
            ["break_even_month"] = a.Result.BreakEvenMonth,
            ["roi_percent"] = N(a.Result.RoiPercent),
            ["roi_percent_discounted"] = N(a.Result.DiscountedRoiPercent),
            ["benefit_cost_ratio"] = N(a.Result.BenefitCostRatio),
            ["npv"] = N(a.Result.Npv),
            ["break_even_p10"] = mc.BreakEvenP10,
            ["break_even_p50"] = mc.BreakEvenP50,
            ["break_even_p90"] = mc.BreakEvenP90,
            ["probability_break_even"] = N(mc.ProbabilityBreakEven),
            ["probability_loss"] = N(mc.ProbabilityLoss),
            ["probability_negative_npv"] = N(mc.ProbabilityNegativeNpv),
            ["monte_carlo_draws"] = mc.Draws,
            ["horizon_months"] = a.Scenario.HorizonMonths,
        };
    }
}
