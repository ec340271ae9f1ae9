using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Validity;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills validity</c>: convergent validity of the KPIs with customer outcomes, and the multitrait–multimethod summary.</summary>
public static class ValidityCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data folder with events, ratings and outcomes (nps, csat, manager_rating_*)", Required = true };
        var command = new Command("validity", "Convergent validity (Pearson and Spearman with Fisher-z intervals) and the MTMM matrix of a data folder.") { data };
        command.SetAction(parse =>
        {
            var folder = new DataFolder(parse.GetValue(data)!.FullName);
            var convergent = new JsonArray();
            foreach (var metric in new[] { "nps", "csat" })
                foreach (var kpi in KpiNames.All)
                {
                    var (x, y) = ValidationInputs.TeamWeeks(folder, kpi, metric);
                    if (x.Length < 4) continue;
                    var p = Correlations.Pearson(x, y);
                    var s = Correlations.Spearman(x, y);
                    JsonObject R(CorrelationResult c) => new() { ["value"] = JsonOut.Number(c.Value), ["ci95"] = new JsonArray(JsonOut.Number(c.Lower), JsonOut.Number(c.Upper)), ["p"] = JsonOut.Number(c.P) };
                    convergent.Add(new JsonObject { ["kpi"] = EnumNames.Of(kpi), ["outcome"] = metric, ["unit"] = "team-week", ["n"] = p.N, ["pearson"] = R(p), ["spearman"] = R(s) });
                }
            var json = new JsonObject { ["convergent"] = convergent };
            var (people, measures) = ValidationInputs.EmployeeMeasures(folder);
            if (people.Count >= 4)
            {
                var m = Mtmm.Compute(measures);
                var matrix = new JsonObject();
                for (var i = 0; i < m.Measures.Count; i++)
                {
                    var row = new JsonObject();
                    for (var j = 0; j < m.Measures.Count; j++) row[$"{m.Measures[j].Trait}·{m.Measures[j].Method}"] = JsonOut.Number(m.Correlations[i, j]);
                    matrix[$"{m.Measures[i].Trait}·{m.Measures[i].Method}"] = row;
                }
                json["mtmm"] = new JsonObject
                {
                    ["people"] = people.Count,
                    ["monotrait_heteromethod"] = JsonOut.Number(m.MonotraitHeteromethod), ["heterotrait_monomethod"] = JsonOut.Number(m.HeterotraitMonomethod),
                    ["heterotrait_heteromethod"] = JsonOut.Number(m.HeterotraitHeteromethod), ["convergent"] = m.Convergent, ["discriminant"] = m.Discriminant,
                    ["matrix"] = matrix,
                };
            }
            JsonOut.Print(json);
            return ExitCode.Ok;
        });
        return command;
    }
}
