using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Analysis.Roi;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Output;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Cli.Commands;

/// <summary>
/// <c>softskills pilot</c>, the main job: simulate a 90-day pilot on an in-process silo, estimate each KPI's effect as a
/// difference-in-differences, and set it beside the true effect (the same seed without the interventions).
/// </summary>
public static class PilotCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo?>("--scenario") { Description = "scenario JSON (default: data/scenarios/default-pilot.json)" };
        var output = new Option<DirectoryInfo>("--out") { Description = "output folder", DefaultValueFactory = _ => new DirectoryInfo("pilot-output") };
        var seed = new Option<ulong?>("--seed") { Description = "overrides the scenario's seed" };
        var roi = new Option<FileInfo?>("--roi") { Description = "ROI scenario file whose 'base' scenario takes the measured uplift (default: data/scenarios/roi-mid-size.json)" };
        var minGroup = CommonOptions.MinGroupSize();
        var command = new Command("pilot", "Simulate a pilot before running it: KPIs per arm and period, effects with intervals, true effects, break-even.")
        {
            scenario, output, seed, roi, minGroup,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var file = parse.GetValue(scenario) ?? new FileInfo(ScenarioFiles.DefaultPilot);
            var s = ScenarioFiles.Load(file, parse.GetValue(seed));
            if (s.Pilot.TreatmentTeams.Count == 0 || s.Pilot.ControlTeams.Count == 0)
                throw new BadInputException($"{file.Name}: pilot.treatment_teams and pilot.control_teams must each name at least one team");
            var outDir = parse.GetValue(output)!.FullName;
            var roiFile = parse.GetValue(roi) ?? new FileInfo(Path.Combine(AppContext.BaseDirectory, "scenarios", "roi-mid-size.json"));
            if (!roiFile.Exists) throw new BadInputException($"ROI scenario '{roiFile.FullName}' does not exist");
            RoiFile roiScenarios;
            try { roiScenarios = RoiFile.Load(roiFile.FullName); }
            catch (RoiInputException ex) { throw new BadInputException($"{roiFile.Name}: {ex.Message}"); }
            var result = await PilotJob.RunAsync(s, outDir, parse.GetValue(minGroup), progress: true, cancel, roiScenarios);
            if (CommonOptions.Json(parse)) JsonOut.Print(result.Json);
            else PilotJob.PrintSummary(result);
            return ExitCode.Ok;
        });
        return command;
    }
}

/// <summary>The pilot job, also used by notebook 06: two simulations on one silo, then the analysis.</summary>
public static class PilotJob
{
    public sealed record Result(Manifest Manifest, PilotReport Report, PilotRoi? Roi, JsonObject Json, string OutDir);

    /// <summary>The return implied by the pilot's measured effects: the ROI file's base scenario with the pilot's uplift.</summary>
    public sealed record PilotRoi(RoiScenario Scenario, ThreePoint Uplift, RoiResult Result, MonteCarloResult MonteCarlo);

    public const int RoiDraws = 10_000;

    public static PilotRoi Roi(PilotReport report, RoiFile roi, int seed)
    {
        var baseScenario = roi.Scenarios.FirstOrDefault(x => x.Name == "base") ?? roi.Scenarios[0];
        var uplift = PilotToRoi.Uplift(report.Effects, roi.KpiToProductivity);
        var scenario = PilotToRoi.WithUplift(baseScenario, uplift);
        return new PilotRoi(scenario, uplift, RoiModel.Run(scenario.AtMode()), RoiUncertainty.MonteCarlo(scenario, RoiDraws, seed, roi.Distribution));
    }

    /// <summary>The same organisation and seed with both interventions off: the treated teams' path without the pilot.</summary>
    public static Scenario Counterfactual(Scenario scenario) => scenario with
    {
        Interventions = scenario.Interventions with
        {
            CoachingNudge = scenario.Interventions.CoachingNudge with { Enabled = false },
            RealtimeFeedback = scenario.Interventions.RealtimeFeedback with { Enabled = false },
        },
    };

    public static async Task<Result> RunAsync(Scenario scenario, string outDir, int minGroupSize = 5, bool progress = false, CancellationToken cancel = default,
        RoiFile? roi = null)
    {
        var counterfactual = Counterfactual(scenario);
        var actualDir = Path.Combine(outDir, "simulation");
        var counterfactualDir = Path.Combine(outDir, "counterfactual");
        await using var engine = await OrleansEngine.StartInProcessAsync();
        Manifest manifest;
        using (var bar = progress ? new ProgressBar("pilot         ", scenario.Days) : null)
            manifest = await Simulator.RunAsync(scenario, actualDir, engine, bar, cancel);
        await using (var cfEngine = engine.NewRun())
        using (var bar = progress ? new ProgressBar("counterfactual", scenario.Days) : null)
            await Simulator.RunAsync(counterfactual, counterfactualDir, cfEngine, bar, cancel);
        // The design (arms, pilot start) comes from the actual run's interventions table; the counterfactual, with both
        // interventions disabled, has none and only supplies the treated teams' KPIs without them.
        var report = PilotStudy.Analyse(new DataFolder(actualDir), new DataFolder(counterfactualDir), minGroupSize);
        var pilotRoi = roi is null ? null : Roi(report, roi, (int)(scenario.Seed % int.MaxValue));
        var json = ToJson(manifest, report, pilotRoi);
        if (File.Exists(DashboardCommand.DefaultTriggers))
            DashboardCommand.Write(new DataFolder(actualDir), Path.Combine(outDir, "dashboard.html"), Analysis.Coaching.TriggerRules.Load(DashboardCommand.DefaultTriggers), minGroupSize);
        AtomicOutputs.WriteText(Path.Combine(outDir, "effects.json"), JsonOut.Text(json["effects"]!.DeepClone()));
        AtomicOutputs.WriteText(Path.Combine(outDir, "pilot.json"), JsonOut.Text(json));
        return new Result(manifest, report, pilotRoi, json, outDir);
    }

    static string Key(SoftSkills.Data.Schema.Kpi kpi) => kpi.ToString().ToLowerInvariant();

    public static JsonObject ToJson(Manifest manifest, PilotReport report, PilotRoi? roi)
    {
        var effects = new JsonObject();
        foreach (var e in report.Effects)
        {
            effects[Key(e.Kpi)] = new JsonObject
            {
                ["estimate"] = JsonOut.Number(e.Did.Estimate),
                ["ci95"] = new JsonArray(JsonOut.Number(e.Did.Lower), JsonOut.Number(e.Did.Upper)),
                ["true"] = JsonOut.Number(e.TrueEffect),
                ["se"] = JsonOut.Number(e.Did.StandardError),
                ["df"] = e.Did.DegreesOfFreedom,
                ["p"] = JsonOut.Number(e.Did.P),
                ["permutation_p"] = JsonOut.Number(e.Randomisation?.P),
                ["permutation_assignments"] = e.Randomisation?.Assignments,
                ["clusters"] = e.Did.Clusters,
                ["observations"] = e.Did.Observations,
                ["unit"] = KpiNames.Unit(e.Kpi) == "%" ? "percentage points" : "index points",
            };
        }
        var arms = new JsonArray();
        foreach (var a in report.Arms)
        {
            arms.Add(new JsonObject
            {
                ["arm"] = a.Arm, ["period"] = a.Period, ["employees"] = a.Row.Employees, ["suppressed"] = a.Row.Suppressed,
                ["res"] = JsonOut.Number(a.Row.Res), ["ci"] = JsonOut.Number(a.Row.Ci), ["dqr"] = JsonOut.Number(a.Row.Dqr), ["hsr"] = JsonOut.Number(a.Row.Hsr),
            });
        }
        return new JsonObject
        {
            ["manifest"] = JsonNode.Parse(manifest.ToJson()),
            ["design"] = new JsonObject
            {
                ["treatment_teams"] = new JsonArray([.. report.Design.TreatmentTeams.Select(t => (JsonNode)t)]),
                ["control_teams"] = new JsonArray([.. report.Design.ControlTeams.Select(t => (JsonNode)t)]),
                ["first_day"] = report.Design.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["pilot_start"] = report.Design.PilotStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["last_day"] = report.Design.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["effects"] = effects,
            ["arms"] = arms,
            ["roi"] = roi is null ? null : new JsonObject
            {
                ["scenario"] = roi.Scenario.Name,
                ["productivity_uplift"] = new JsonObject { ["low"] = JsonOut.Number(roi.Uplift.Low), ["mode"] = JsonOut.Number(roi.Uplift.Mode), ["high"] = JsonOut.Number(roi.Uplift.High) },
                ["break_even_month"] = roi.Result.BreakEvenMonth,
                ["roi_percent"] = JsonOut.Number(roi.Result.RoiPercent),
                ["benefit_cost_ratio"] = JsonOut.Number(roi.Result.BenefitCostRatio),
                ["npv"] = JsonOut.Number(roi.Result.Npv),
                ["break_even_p10"] = roi.MonteCarlo.BreakEvenP10,
                ["break_even_p50"] = roi.MonteCarlo.BreakEvenP50,
                ["break_even_p90"] = roi.MonteCarlo.BreakEvenP90,
                ["probability_break_even"] = JsonOut.Number(roi.MonteCarlo.ProbabilityBreakEven),
                ["probability_loss"] = JsonOut.Number(roi.MonteCarlo.ProbabilityLoss),
                ["monte_carlo_draws"] = roi.MonteCarlo.Draws,
            },
        };
    }

    public static void PrintSummary(Result r)
    {
        var d = r.Report.Design;
        Console.WriteLine($"pilot: {string.Join(", ", d.TreatmentTeams)} (treatment) vs {string.Join(", ", d.ControlTeams)} (control)");
        Console.WriteLine($"baseline {d.FirstDay:yyyy-MM-dd} to {d.PilotStart.AddDays(-1):yyyy-MM-dd}, pilot {d.PilotStart:yyyy-MM-dd} to {d.LastDay:yyyy-MM-dd}; {r.Manifest.Employees} employees, seed {r.Manifest.Seed}");
        Console.WriteLine();
        Console.WriteLine($"{"KPI",-24} {"estimate",9} {"95% interval",20} {"true",7} {"perm. p",8}");
        foreach (var e in r.Report.Effects)
        {
            static string F(double? v) => v is { } x ? x.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";
            var permP = e.Randomisation is { } rp ? rp.P.ToString("0.000", CultureInfo.InvariantCulture) : "–";
            Console.WriteLine($"{KpiNames.Title(e.Kpi),-24} {F(e.Did.Estimate),9} {"[" + F(e.Did.Lower) + ", " + F(e.Did.Upper) + "]",20} {F(e.TrueEffect),7} {permP,8}");
        }
        Console.WriteLine();
        var first = r.Report.Effects[0];
        Console.WriteLine($"effects in points (difference-in-differences over team-weeks, {first.Did.Clusters} team clusters, t on {first.Did.DegreesOfFreedom} df);");
        if (first.Randomisation is { } perm)
            Console.WriteLine($"randomisation test over {perm.Assignments} team assignments: the smallest possible p is {1.0 / perm.Assignments * 2:0.###} for a two-sided effect");
        if (r.Roi is { } roi)
        {
            static string M(int? m) => m is { } x ? $"month {x}" : "not within the horizon";
            var mc = roi.MonteCarlo;
            Console.WriteLine($"productivity uplift from the measured effects: {100 * roi.Uplift.Mode:0.00}% ({100 * roi.Uplift.Low:0.00}% to {100 * roi.Uplift.High:0.00}%)");
            Console.WriteLine($"break-even ({roi.Scenario.Name}): P50 {M(mc.BreakEvenP50)} (P10 {M(mc.BreakEvenP10)}, P90 {M(mc.BreakEvenP90)}); "
                + $"{100 * mc.ProbabilityBreakEven:0.#}% of {mc.Draws:N0} draws break even within {roi.Scenario.HorizonMonths} months");
        }
        Console.WriteLine($"written to {r.OutDir} (effects.json, pilot.json, dashboard.html, simulation/, counterfactual/)");
    }
}
