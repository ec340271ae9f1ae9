using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Roi;
using SoftSkills.Data.Files;
using SoftSkills.Reporting;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills roi</c>: break-even, ROI, NPV per scenario; tornado; Monte Carlo; the leadership report.</summary>
public static class RoiCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "ROI scenario JSON (see data/scenarios/roi-mid-size.json)", Required = true };
        var monteCarlo = new Option<int?>("--monte-carlo") { Description = "number of Monte Carlo draws over the three-point inputs" };
        var seed = new Option<int>("--seed") { Description = "seed of the Monte Carlo draws", DefaultValueFactory = _ => 1 };
        var report = new Option<FileInfo?>("--report") { Description = "write the leadership report (one offline HTML page)" };
        var command = new Command("roi", "Model the return: monthly cash flows, break-even month, ROI, NPV, tornado and Monte Carlo.")
        {
            scenario, monteCarlo, seed, report,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(scenario)!;
            if (!file.Exists) throw new BadInputException($"ROI scenario '{file.FullName}' does not exist");
            RoiFile roi;
            try { roi = RoiFile.Load(file.FullName); }
            catch (RoiInputException ex) { throw new BadInputException($"{file.Name}: {ex.Message}"); }
            var draws = parse.GetValue(monteCarlo);
            if (draws is < 1) throw new BadInputException("--monte-carlo must be at least 1");
            var analyses = Analyse(roi, draws, parse.GetValue(seed));
            if (parse.GetValue(report) is { } html) AtomicOutputs.WriteText(html.FullName, RoiReport.Html(analyses));
            if (CommonOptions.Json(parse)) JsonOut.Print(ToJson(analyses));
            else Print(analyses);
            return ExitCode.Ok;
        });
        return command;
    }

    public static List<RoiAnalysis> Analyse(RoiFile roi, int? draws, int seed) =>
        roi.Scenarios.Select((s, i) => new RoiAnalysis(s, RoiModel.Run(s.AtMode()), RoiUncertainty.Tornado(s),
            draws is { } n ? RoiUncertainty.MonteCarlo(s, n, seed + i, roi.Distribution) : null)).ToList();

    public static JsonObject ToJson(IEnumerable<RoiAnalysis> analyses)
    {
        var list = new JsonArray();
        foreach (var a in analyses)
        {
            var r = a.Result;
            var o = new JsonObject
            {
                ["name"] = r.Name,
                ["break_even_month"] = r.BreakEvenMonth,
                ["discounted_payback_month"] = r.DiscountedPaybackMonth,
                ["roi_percent"] = JsonOut.Number(r.RoiPercent),
                ["benefit_cost_ratio"] = JsonOut.Number(r.BenefitCostRatio),
                ["npv"] = JsonOut.Number(r.Npv),
                ["total_benefit"] = JsonOut.Number(r.TotalBenefit),
                ["total_cost"] = JsonOut.Number(r.TotalCost),
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
                o["npv_p10"] = JsonOut.Number(mc.NpvP10);
                o["npv_p50"] = JsonOut.Number(mc.NpvP50);
                o["npv_p90"] = JsonOut.Number(mc.NpvP90);
            }
            list.Add(o);
        }
        return new JsonObject { ["scenarios"] = list };
    }

    static void Print(IEnumerable<RoiAnalysis> analyses)
    {
        Console.WriteLine($"{"scenario",-16} {"break-even",12} {"ROI %",8} {"B/C",6} {"NPV",14} {"P10–P50–P90",16} {"P(break even)",14}");
        foreach (var a in analyses)
        {
            var r = a.Result;
            var mc = a.MonteCarlo;
            string M(int? m) => m?.ToString() ?? "never";
            var spread = mc is null ? "" : $"{M(mc.BreakEvenP10)}–{M(mc.BreakEvenP50)}–{M(mc.BreakEvenP90)}";
            var p = mc is null ? "" : $"{100 * mc.ProbabilityBreakEven:0.0}%";
            Console.WriteLine($"{r.Name,-16} {(r.BreakEvenMonth is { } b ? $"month {b}" : "not in horizon"),12} {r.RoiPercent,8:0.0} {r.BenefitCostRatio,6:0.00} {r.Npv,14:N0} {spread,16} {p,14}");
        }
        Console.WriteLine();
        Console.WriteLine(RoiReport.Answer(analyses.ToList()));
    }
}
