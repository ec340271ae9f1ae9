using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Analysis.Roi;
using SoftSkills.Data;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Reporting;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills roi</c>: break-even, ROI, NPV per scenario; tornado; Monte Carlo; the leadership report; the uplift from a pilot.</summary>
public static class RoiCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "ROI scenario JSON (see data/scenarios/roi-mid-size.json)", Required = true };
        var monteCarlo = new Option<int?>("--monte-carlo") { Description = $"number of Monte Carlo draws over the three-point inputs (at most {SizeLimits.MonteCarloDraws:N0})" };
        var seed = new Option<int>("--seed") { Description = "seed of the Monte Carlo draws", DefaultValueFactory = _ => 1 };
        var report = new Option<FileInfo?>("--report") { Description = "write the leadership report (one offline HTML page)" };
        var pilot = new Option<DirectoryInfo?>("--pilot") { Description = "a `pilot` output folder: every scenario takes the uplift the pilot measured (its effects and their uncertainty)" };
        var command = new Command("roi", "Model the return: monthly cash flows, break-even month, ROI, NPV, tornado and Monte Carlo.")
        {
            scenario, monteCarlo, seed, report, pilot,
        };
        command.SetAction(parse =>
        {
            var file = Inputs.File(parse.GetValue(scenario)!, "ROI scenario");
            RoiFile roi;
            try { roi = RoiFile.Load(file.FullName); }
            catch (RoiInputException ex) { throw new BadInputException($"{file.Name}: {ex.Message}"); }
            var draws = parse.GetValue(monteCarlo) is { } d ? Inputs.Range("--monte-carlo", d, 1, SizeLimits.MonteCarloDraws) : (int?)null;
            var reportPath = parse.GetValue(report) is { } r ? Inputs.OutputFile(r, "--report") : null;
            string? comparison = null;
            var source = RoiAnalysis.Assumed;
            if (parse.GetValue(pilot) is { } pilotDir)
            {
                var (effects, name) = PilotEffects(pilotDir);
                var uplift = PilotToRoi.Uplift(effects, roi.KpiToProductivity);
                var assumed = roi.Scenarios.FirstOrDefault(s => s.Name == "base") ?? roi.Scenarios[0];
                source = PilotToRoi.Describe(effects, roi.KpiToProductivity, $"in the pilot in folder '{name}'");
                comparison = string.Create(CultureInfo.InvariantCulture,
                    $"The scenario file assumed an uplift of {100 * assumed.Inputs["productivity_uplift"].Mode:0.##}% for {assumed.Name}; the pilot measured {100 * uplift.Mode:0.##}% ({100 * uplift.Low:0.##}% to {100 * uplift.High:0.##}%). They differ because the assumption is a planning guess, while the measurement follows from the KPI effects the pilot found and their uncertainty, converted at kpi_to_productivity.");
                roi = roi with { Scenarios = roi.Scenarios.Select(s => s.With("productivity_uplift", uplift)).ToList() };
            }
            var analyses = RoiAnalysis.Run(roi, draws, parse.GetValue(seed), source);
            if (reportPath is not null) AtomicOutputs.WriteText(reportPath, RoiReport.Html(analyses, roi.Currency, comparison));
            if (CommonOptions.Json(parse)) JsonOut.Print(ToJson(analyses, roi.Currency));
            else Print(analyses, roi.Currency, comparison);
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>The effects of a pilot output folder (its effects.json), as the ROI model takes them.</summary>
    static (IReadOnlyList<KpiEffect> Effects, string Name) PilotEffects(DirectoryInfo dir)
    {
        var path = Path.Combine(dir.FullName, "effects.json");
        Inputs.File(new FileInfo(path), "pilot effects (a `softskills pilot` output folder)");
        JsonElement root;
        try { root = SoftSkills.Data.Files.JsonText.Parse(SoftSkills.Data.Files.TextFiles.ReadAllText(path)).RootElement; }
        catch (JsonException ex) { throw new BadInputException($"{path}: {SoftSkills.Data.Files.JsonErrors.Describe(ex)}"); }
        var effects = new List<KpiEffect>();
        foreach (var kpi in Enum.GetValues<Kpi>())
        {
            var key = EnumNames.Of(kpi);
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(key, out var e) || e.ValueKind != JsonValueKind.Object)
                throw new BadInputException($"{path}: $.{key} is missing");
            double? Number(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) && double.IsFinite(x) ? x : null;
            var interval = e.TryGetProperty("interval", out var i) && i.ValueKind == JsonValueKind.Array && i.GetArrayLength() == 2 ? i : default;
            var (estimate, lower, upper) = (Number("estimate"), interval.ValueKind == JsonValueKind.Array && interval[0].ValueKind == JsonValueKind.Number ? interval[0].GetDouble() : (double?)null,
                interval.ValueKind == JsonValueKind.Array && interval[1].ValueKind == JsonValueKind.Number ? interval[1].GetDouble() : (double?)null);
            DidResult? did = estimate is { } est && lower is { } lo && upper is { } hi
                ? new DidResult(est, Number("se") ?? double.NaN, lo, hi, double.NaN, Number("df") ?? double.NaN, Number("p") ?? double.NaN, 0, 0, 0, 0, 0, 0, "from effects.json", Number("level") ?? 0.95)
                : null;
            effects.Add(new KpiEffect(kpi, did, Number("true"), NotEstimable: did is null ? "not estimable in the pilot" : null));
        }
        return (effects, dir.Name);
    }

    public static JsonObject ToJson(IEnumerable<RoiAnalysis> analyses, string currency)
    {
        var list = new JsonArray();
        foreach (var a in analyses)
        {
            var r = a.Result;
            var o = new JsonObject
            {
                ["name"] = r.Name,
                ["currency"] = currency,
                ["uplift_source"] = a.UpliftSource,
                ["break_even_month"] = r.BreakEvenMonth,
                ["discounted_payback_month"] = r.DiscountedPaybackMonth,
                ["roi_percent"] = JsonOut.Number(r.RoiPercent),
                ["roi_percent_discounted"] = JsonOut.Number(r.DiscountedRoiPercent),
                ["benefit_cost_ratio"] = JsonOut.Number(r.BenefitCostRatio),
                ["npv"] = JsonOut.Number(r.Npv),
                ["total_benefit"] = JsonOut.Number(r.TotalBenefit),
                ["total_cost"] = JsonOut.Number(r.TotalCost),
                ["final_net_benefit"] = JsonOut.Number(r.FinalNet),
                ["cumulative_net_benefit"] = new JsonArray([.. r.CumulativeNetBenefit.Select(v => JsonOut.Number(v))]),
                ["tornado"] = new JsonArray([.. a.Tornado.Select(t => (JsonNode)new JsonObject
                {
                    ["input"] = t.Input, ["low"] = t.Low, ["high"] = t.High,
                    ["npv_at_low"] = JsonOut.Number(t.NpvAtLow), ["npv_at_high"] = JsonOut.Number(t.NpvAtHigh),
                    ["break_even_at_low"] = t.BreakEvenAtLow, ["break_even_at_high"] = t.BreakEvenAtHigh,
                })]),
            };
            if (a.MonteCarlo is { } mc)
            {
                o["monte_carlo_draws"] = mc.Draws;
                o["break_even_p10"] = mc.BreakEvenP10;
                o["break_even_p50"] = mc.BreakEvenP50;
                o["break_even_p90"] = mc.BreakEvenP90;
                o["probability_break_even"] = JsonOut.Number(mc.ProbabilityBreakEven);
                o["probability_loss"] = JsonOut.Number(mc.ProbabilityLoss);
                o["probability_negative_npv"] = JsonOut.Number(mc.ProbabilityNegativeNpv);
                o["npv_p10"] = JsonOut.Number(mc.NpvP10);
                o["npv_p50"] = JsonOut.Number(mc.NpvP50);
                o["npv_p90"] = JsonOut.Number(mc.NpvP90);
            }
            list.Add(o);
        }
        return new JsonObject { ["currency"] = currency, ["scenarios"] = list };
    }

    static void Print(IReadOnlyList<RoiAnalysis> analyses, string currency, string? comparison)
    {
        static string M(int? m) => m is { } x ? $"month {x}" : "never";
        string Money(double v) => $"{v.ToString("#,0", CultureInfo.InvariantCulture)}";
        var withMc = analyses.Any(a => a.MonteCarlo is not null);
        string[] headers = ["scenario", "break-even", "ROI % (undiscounted)", "ROI % (discounted)", "benefit/cost", $"NPV ({currency})",
            .. withMc ? new[] { "break-even P10–P50–P90", "P(break even)", "P(loss)" } : []];
        TextOut.Table("Return of the programme (break-even: the first month from which the cumulative net benefit stays at or above zero)", headers,
            analyses.Select(a =>
            {
                var r = a.Result;
                var mc = a.MonteCarlo;
                return (IReadOnlyList<string>)[r.Name, r.BreakEvenMonth is { } b ? $"month {b}" : "not in horizon", TextOut.Number(r.RoiPercent), TextOut.Number(r.DiscountedRoiPercent),
                    TextOut.Number(r.BenefitCostRatio, 2), Money(r.Npv),
                    .. withMc ? new[] { mc is null ? "–" : $"{M(mc.BreakEvenP10)} – {M(mc.BreakEvenP50)} – {M(mc.BreakEvenP90)}", mc is null ? "–" : $"{100 * mc.ProbabilityBreakEven:0.0}%", mc is null ? "–" : $"{100 * mc.ProbabilityLoss:0.0}%" } : []];
            }), "ROI % (undiscounted)", "ROI % (discounted)", "benefit/cost", $"NPV ({currency})");
        TextOut.Line(RoiReport.Answer(analyses, currency));
        TextOut.Line($"Uplift: {string.Join("; ", analyses.Select(a => a.UpliftSource).Distinct())}.");
        if (comparison is not null) TextOut.Line(comparison);
    }
}
