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
        var resamples = new Option<int>("--bootstrap") { Description = "cluster bootstrap resamples (teams drawn with replacement)", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "seed of the bootstrap", DefaultValueFactory = _ => 1 };
        var minGroup = CommonOptions.MinGroupSize();
        var command = new Command("validity", "Convergent validity (Pearson and Spearman, intervals by cluster bootstrap over teams) and the MTMM matrix of a data folder.")
        {
            data, resamples, seed, minGroup,
        };
        command.SetAction(parse =>
        {
            var folder = Inputs.Folder(parse.GetValue(data)!);
            var b = Inputs.Range("--bootstrap", parse.GetValue(resamples), 100, SoftSkills.Data.SizeLimits.Resamples);
            var teamWeeks = ValidationInputs.TeamWeekKpis(folder, CommonOptions.MinGroup(parse, minGroup));
            var outcomes = folder.Outcomes().ToList();
            var convergent = new JsonArray();
            var text = new List<IReadOnlyList<string>>();
            foreach (var metric in new[] { "nps", "csat" })
                foreach (var kpi in KpiNames.All)
                {
                    var (x, y, teams) = ValidationInputs.TeamWeeks(teamWeeks, outcomes, kpi, metric);
                    if (x.Length < 4) continue;
                    var p = ClusteredCorrelations.Pearson(x, y, teams, b, parse.GetValue(seed));
                    var s = ClusteredCorrelations.Spearman(x, y, teams, b, parse.GetValue(seed));
                    convergent.Add(new JsonObject
                    {
                        ["kpi"] = EnumNames.Of(kpi), ["outcome"] = metric, ["unit"] = "team-week", ["n"] = p.Pooled.N, ["clusters"] = p.Clusters,
                        ["pearson"] = Json(p), ["spearman"] = Json(s),
                        ["interval_method"] = $"cluster bootstrap over teams ({p.Resamples} resamples, nearest-rank percentiles)",
                    });
                    text.Add([KpiNames.Title(kpi), metric, p.Pooled.N.ToString(), p.Clusters.ToString(), TextOut.Number(p.Pooled.Value, 2),
                        TextOut.Interval(p.Lower, p.Upper, 2), TextOut.Number(s.Pooled.Value, 2), TextOut.Interval(s.Lower, s.Upper, 2),
                        TextOut.Number(p.ClusterMeans?.Value, 2)]);
                }
            var json = new JsonObject { ["convergent"] = convergent };
            var (people, measures) = ValidationInputs.EmployeeMeasures(folder);
            MtmmResult? m = people.Count >= 4 ? Mtmm.Compute(measures) : null;
            if (m is not null)
            {
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
            if (CommonOptions.Json(parse)) { JsonOut.Print(json); return ExitCode.Ok; }
            if (text.Count == 0) TextOut.Line("No team-week has both a KPI value and a customer outcome (nps, csat): no convergent validity to show.");
            else TextOut.Table("Convergent validity: KPIs against customer outcomes, by team-week (95% intervals by cluster bootstrap over teams)",
                ["KPI", "outcome", "team-weeks", "teams", "Pearson r", "interval", "Spearman ρ", "interval", "r of team means"], text,
                "team-weeks", "teams", "Pearson r", "Spearman ρ", "r of team means");
            if (m is not null)
                TextOut.Line($"Multitrait–multimethod ({people.Count} people, behaviour against manager ratings): same trait across methods r = {TextOut.Number(m.MonotraitHeteromethod, 2)}, "
                    + $"different traits within a method r = {TextOut.Number(m.HeterotraitMonomethod, 2)}, across both r = {TextOut.Number(m.HeterotraitHeteromethod, 2)}; "
                    + $"convergent validity {(m.Convergent == true ? "shown" : "not shown")}, discriminant validity {(m.Discriminant == true ? "shown" : "not shown")}.");
            return ExitCode.Ok;
        });
        return command;
    }

    static JsonObject Json(ClusteredCorrelation c) => new()
    {
        ["value"] = JsonOut.Number(c.Pooled.Value),
        ["ci95"] = new JsonArray(JsonOut.Number(c.Lower), JsonOut.Number(c.Upper)),
        ["team_means"] = c.ClusterMeans is { } t ? new JsonObject
        {
            ["value"] = JsonOut.Number(t.Value), ["ci95"] = new JsonArray(JsonOut.Number(t.Lower), JsonOut.Number(t.Upper)), ["p"] = JsonOut.Number(t.P), ["n"] = t.N, ["p_method"] = t.PMethod,
        } : null,
    };
}
