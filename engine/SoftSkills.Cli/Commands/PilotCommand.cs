using System.CommandLine;
using SoftSkills.Analysis.Roi;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Reporting.Dashboard;
using SoftSkills.Studies;
using SoftSkills.Studies.Pilot;

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
        var output = new Option<DirectoryInfo>("--out") { Description = "output folder (replaced as a whole; refused when it holds other files)", DefaultValueFactory = _ => new DirectoryInfo("pilot-output") };
        var seed = new Option<ulong?>("--seed") { Description = "overrides the scenario's seed" };
        var roi = new Option<FileInfo?>("--roi") { Description = "ROI scenario file whose 'base' scenario takes the measured uplift (default: data/scenarios/roi-mid-size.json)" };
        var minGroup = CommonOptions.MinGroupSize();
        var inference = CommonOptions.Inference();
        var twoWay = CommonOptions.TwoWayFixedEffects();
        var level = CommonOptions.Level();
        var command = new Command("pilot", "Simulate a pilot before running it: KPIs per arm and period, effects with intervals, true effects, break-even.")
        {
            scenario, output, seed, roi, minGroup, inference, twoWay, level,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var s = ScenarioFiles.Load(parse.GetValue(scenario)?.FullName ?? ScenarioFiles.DefaultPilot, parse.GetValue(seed));
            var outDir = Inputs.OutputFolder(parse.GetValue(output)!, "--out");
            var roiFile = Inputs.File(parse.GetValue(roi) ?? new FileInfo(ScenarioFiles.DefaultRoi), "ROI scenario");
            RoiFile roiScenarios;
            try { roiScenarios = RoiFile.Load(roiFile.FullName); }
            catch (RoiInputException ex) { throw new BadInputException($"{roiFile.Name}: {ex.Message}"); }
            var options = new PilotRunOptions
            {
                MinGroupSize = CommonOptions.MinGroup(parse, minGroup),
                Did = CommonOptions.Did(parse, inference, twoWay, level),
                Roi = roiScenarios,
                Triggers = DashboardCommand.LoadRules(null),
                Progress = ProgressLines(s.Days),
            };
            Console.Error.WriteLine($"simulating {s.Employees:N0} employees for {s.Days} days, twice (with the pilot and without it)...");
            var result = await PilotRun.RunAsync(s, outDir, options, cancel);
            if (CommonOptions.Json(parse)) JsonOut.Print(PilotJson.Of(result));
            else PilotText.Print(result);
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Progress of the two simulations, one bar each.</summary>
    static Action<string, int, int> ProgressLines(int days)
    {
        ProgressBar? bar = null;
        var stage = "";
        return (name, day, total) =>
        {
            if (name != stage) { bar?.Dispose(); bar = new ProgressBar(name.PadRight(14), total, "days"); stage = name; }
            bar!.Report(day);
            if (day == total) { bar.Dispose(); bar = null; stage = ""; }
        };
    }
}

/// <summary>The readable summary of a pilot.</summary>
static class PilotText
{
    public static void Print(PilotResult r)
    {
        var d = r.Report.Design;
        var level = $"{100 * r.Report.Level:0.#}%";
        TextOut.Line($"Pilot: {string.Join(", ", d.TreatmentTeams)} (treatment) against {string.Join(", ", d.ControlTeams)} (control); {r.Manifest.Employees} employees, seed {r.Manifest.Seed}.");
        TextOut.Line($"Baseline weeks {d.FirstDay:yyyy-MM-dd} to {d.BaselineEnd:yyyy-MM-dd}; pilot weeks {d.FirstPilotWeek:yyyy-MM-dd} to {d.LastDay:yyyy-MM-dd} (the pilot starts {d.PilotStart:yyyy-MM-dd}; that week is left out).");
        TextOut.Table($"Pilot effects in points (difference-in-differences; {level} intervals: {r.Report.Options.Method})",
            ["KPI", "estimate", $"{level} interval", "p", "Holm p", "verdict", "permutation p", "true effect"],
            r.Report.Effects.Select(e => (IReadOnlyList<string>)(e.Did is { } did
                ? [KpiNames.Title(e.Kpi), TextOut.Signed(did.Estimate), TextOut.Interval(did.Lower, did.Upper), TextOut.Number(did.P, 3), TextOut.Number(e.HolmP, 3),
                   e.Detected ? "detected" : "not detected", TextOut.Number(e.Randomisation?.P, 3), TextOut.Signed(e.TrueEffect)]
                : [KpiNames.Title(e.Kpi), "–", e.NotEstimable ?? "not estimable", "–", "–", "–", "–", TextOut.Signed(e.TrueEffect)])),
            "estimate", "p", "Holm p", "permutation p", "true effect");
        if (r.Report.Effects.FirstOrDefault(e => e.Randomisation is not null)?.Randomisation is { } perm)
            TextOut.Line($"The randomisation test compares {perm.Assignments} team assignments: its p can never fall below {perm.SmallestP:0.###}"
                + (perm.SmallestP >= 1 - r.Report.Level ? $", so this design cannot show an effect at the {100 * (1 - r.Report.Level):0.#}% level by randomisation inference." : "."));
        TextOut.Line("Verdicts use Holm-adjusted p over the four KPIs. " + DashboardBuilder.Caveat(SoftSkills.Data.Schema.Kpi.Res));
        if (r.Roi is { } roi)
        {
            var mc = roi.Analysis.MonteCarlo!;
            static string M(int? m) => m is { } x ? $"month {x}" : "not within the horizon";
            TextOut.Line($"Productivity uplift {100 * roi.Uplift.Mode:0.00}% ({100 * roi.Uplift.Low:0.00}% to {100 * roi.Uplift.High:0.00}%), {roi.Analysis.UpliftSource}.");
            TextOut.Line($"Break-even for the {roi.Analysis.Scenario.Name} scenario: P50 {M(mc.BreakEvenP50)} (P10 {M(mc.BreakEvenP10)}, P90 {M(mc.BreakEvenP90)}); "
                + $"{100 * mc.ProbabilityBreakEven:0.#}% of {mc.Draws:N0} draws break even within {roi.Analysis.Scenario.HorizonMonths} months, {100 * mc.ProbabilityLoss:0.#}% end at a loss. "
                + "The ROI page (roi --report) assumes its uplift unless given --pilot with this folder.");
        }
        TextOut.Line($"Written to {r.OutDir} (effects.json, pilot.json, dashboard.html, simulation/, counterfactual/).");
    }
}
