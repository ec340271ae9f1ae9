using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Studies.Pilot;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills did</c>: a pilot's effect on the four KPIs from a data folder whose interventions table names the arms.</summary>
public static class DidCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data folder with events and an interventions table naming treatment and control teams", Required = true };
        var counterfactual = new Option<DirectoryInfo?>("--counterfactual") { Description = "the same simulation without the interventions, for the true effect" };
        var minGroup = CommonOptions.MinGroupSize();
        var inference = CommonOptions.Inference();
        var twoWay = CommonOptions.TwoWayFixedEffects();
        var level = CommonOptions.Level();
        var command = new Command("did", "Difference-in-differences of a pilot with small-cluster intervals, Holm-adjusted verdicts and a randomisation test.")
        {
            data, counterfactual, minGroup, inference, twoWay, level,
        };
        command.SetAction(parse =>
        {
            var folder = Inputs.Folder(parse.GetValue(data)!);
            var cf = parse.GetValue(counterfactual) is { } c ? Inputs.Folder(c) : null;
            var report = PilotStudy.Analyse(folder, cf, new PilotOptions(CommonOptions.MinGroup(parse, minGroup), CommonOptions.Did(parse, inference, twoWay, level)));
            var json = new JsonObject
            {
                ["treatment_teams"] = new JsonArray([.. report.Design.TreatmentTeams.Select(t => (JsonNode)t)]),
                ["control_teams"] = new JsonArray([.. report.Design.ControlTeams.Select(t => (JsonNode)t)]),
                ["pilot_start"] = report.Design.PilotStart.ToString("yyyy-MM-dd"),
                ["baseline_to"] = report.Design.BaselineEnd.ToString("yyyy-MM-dd"),
                ["pilot_from"] = report.Design.FirstPilotWeek.ToString("yyyy-MM-dd"),
                ["method"] = report.Options.Method,
                ["level"] = report.Level,
                ["effects"] = PilotJson.Effects(report),
            };
            if (CommonOptions.Json(parse)) { JsonOut.Print(json); return ExitCode.Ok; }
            var level95 = $"{100 * report.Level:0.#}%";
            var truth = report.Effects.Any(e => e.TrueEffect.HasValue);
            TextOut.Table($"Pilot effects in points ({report.Options.Method}; pilot weeks from {report.Design.FirstPilotWeek:yyyy-MM-dd})",
                ["KPI", "estimate", $"{level95} interval", "p", "Holm p", "verdict", "permutation p (smallest possible)", .. (truth ? new[] { "true effect" } : [])],
                report.Effects.Select(e => (IReadOnlyList<string>)(e.Did is { } d
                    ? [KpiNames.Title(e.Kpi), TextOut.Signed(d.Estimate), TextOut.Interval(d.Lower, d.Upper), TextOut.Number(d.P, 3), TextOut.Number(e.HolmP, 3),
                       e.Detected ? "detected" : "not detected", $"{TextOut.Number(e.Randomisation?.P, 3)} ({TextOut.Number(e.Randomisation?.SmallestP, 3)})", .. (truth ? new[] { TextOut.Signed(e.TrueEffect) } : [])]
                    : [KpiNames.Title(e.Kpi), "–", e.NotEstimable ?? "not estimable", "–", "–", "–", "–", .. (truth ? new[] { TextOut.Signed(e.TrueEffect) } : [])])),
                "estimate", "p", "Holm p", "true effect");
            return ExitCode.Ok;
        });
        return command;
    }
}
