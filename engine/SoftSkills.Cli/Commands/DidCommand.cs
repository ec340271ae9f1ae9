using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills did</c>: a pilot's effect on the four KPIs from a data folder whose interventions table names the arms.</summary>
public static class DidCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data folder with events and an interventions table naming treatment and control teams", Required = true };
        var counterfactual = new Option<DirectoryInfo?>("--counterfactual") { Description = "the same simulation without the interventions, for the true effect" };
        var minGroup = CommonOptions.MinGroupSize();
        var command = new Command("did", "Difference-in-differences of a pilot with team-clustered intervals and a randomisation test.") { data, counterfactual, minGroup };
        command.SetAction(parse =>
        {
            var folder = new DataFolder(parse.GetValue(data)!.FullName);
            var cf = parse.GetValue(counterfactual) is { } c ? new DataFolder(c.FullName) : null;
            PilotReport report;
            try { report = PilotStudy.Analyse(folder, cf, parse.GetValue(minGroup)); }
            catch (ArgumentException ex) { throw new BadInputException(ex.Message); }
            var effects = new JsonObject();
            foreach (var e in report.Effects)
                effects[e.Kpi.ToString().ToLowerInvariant()] = new JsonObject
                {
                    ["estimate"] = JsonOut.Number(e.Did.Estimate), ["ci95"] = new JsonArray(JsonOut.Number(e.Did.Lower), JsonOut.Number(e.Did.Upper)),
                    ["se"] = JsonOut.Number(e.Did.StandardError), ["df"] = e.Did.DegreesOfFreedom, ["p"] = JsonOut.Number(e.Did.P),
                    ["permutation_p"] = JsonOut.Number(e.Randomisation?.P), ["permutation_assignments"] = e.Randomisation?.Assignments,
                    ["true"] = JsonOut.Number(e.TrueEffect), ["clusters"] = e.Did.Clusters, ["observations"] = e.Did.Observations,
                };
            var json = new JsonObject
            {
                ["treatment_teams"] = new JsonArray([.. report.Design.TreatmentTeams.Select(t => (JsonNode)t)]),
                ["control_teams"] = new JsonArray([.. report.Design.ControlTeams.Select(t => (JsonNode)t)]),
                ["pilot_start"] = report.Design.PilotStart.ToString("yyyy-MM-dd"),
                ["effects"] = effects,
            };
            if (CommonOptions.Json(parse)) JsonOut.Print(json);
            else foreach (var e in report.Effects)
                Console.WriteLine($"{KpiNames.Title(e.Kpi),-24} {e.Did.Estimate,8:+0.0;-0.0} [{e.Did.Lower:0.0}, {e.Did.Upper:0.0}]  randomisation p {e.Randomisation?.P:0.000}");
            return ExitCode.Ok;
        });
        return command;
    }
}
