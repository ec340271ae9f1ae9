using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Data;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Studies;
using SoftSkills.Studies.Power;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills power</c>: how many teams and days a pilot needs, by repeated simulation (Studies.PowerStudy).</summary>
public static class PowerCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo?>("--scenario") { Description = "scenario JSON (default: the default pilot)" };
        var seeds = new Option<int>("--seeds") { Description = "replications per design", DefaultValueFactory = _ => 20 };
        var teams = new Option<string>("--teams-per-arm") { Description = "comma-separated treated (and control) teams per design, multiples of the scenario's", DefaultValueFactory = _ => "2,4,8" };
        var days = new Option<int?>("--days") { Description = "days per replication (baseline and pilot keep their ratio)" };
        var inference = CommonOptions.Inference();
        var twoWay = CommonOptions.TwoWayFixedEffects();
        var level = CommonOptions.Level();
        var command = new Command("power", "Power and minimum detectable effect of a pilot design by repeated simulation.") { scenario, seeds, teams, days, inference, twoWay, level };
        command.SetAction(async (parse, cancel) =>
        {
            var s = ScenarioFiles.Load(parse.GetValue(scenario)?.FullName ?? ScenarioFiles.DefaultPilot, null, days: parse.GetValue(days));
            var designs = parse.GetValue(teams)!.Split(',', StringSplitOptions.TrimEntries).Select(t => int.TryParse(t, out var n) ? n
                : throw new BadInputException($"--teams-per-arm: '{t}' is not a whole number")).ToArray();
            var n = Inputs.Range("--seeds", parse.GetValue(seeds), 2, SizeLimits.Replications);
            var method = CommonOptions.Did(parse, inference, twoWay, level);
            IReadOnlyList<DesignPower> results;
            using (var bar = new ProgressBar("replications", n * designs.Length))
                results = await PowerStudy.RunAsync(s, n, designs, parse.GetValue(days), method, bar, cancel);
            if (CommonOptions.Json(parse)) JsonOut.Print(Json(results, n, s.Seed));
            else Print(results, n, method);
            return ExitCode.Ok;
        });
        return command;
    }

    static JsonObject Json(IReadOnlyList<DesignPower> results, int seeds, ulong baseSeed) => new()
    {
        ["seeds"] = seeds,
        ["base_seed"] = baseSeed,
        ["designs"] = new JsonArray(results.Select(d => (JsonNode?)new JsonObject
        {
            ["teams_per_arm"] = d.TeamsPerArm, ["employees"] = d.Employees, ["days"] = d.Days, ["clusters"] = d.Clusters, ["cluster_df"] = d.Clusters - 1,
            ["replications"] = d.Seeds.Count, ["method"] = d.Method, ["test"] = "Holm-adjusted p below 1 − level over the four KPIs (the pilot's verdict)",
            ["replication_seeds"] = new JsonArray(d.Seeds.Select(x => (JsonNode?)x).ToArray()),
            ["kpis"] = new JsonObject(d.Kpis.Select(kv => KeyValuePair.Create(EnumNames.Of(kv.Key), (JsonNode?)(kv.Value is { } p ? new JsonObject
            {
                ["power"] = JsonOut.Number(p.Power), ["mean_estimate"] = JsonOut.Number(p.MeanEstimate), ["sd_estimate"] = JsonOut.Number(p.SdEstimate),
                ["mde"] = JsonOut.Number(p.MinimumDetectableEffect), ["mean_true_effect"] = JsonOut.Number(p.MeanTrueEffect), ["replications_estimable"] = p.Replications,
            } : null)))),
        }).ToArray()),
    };

    static void Print(IReadOnlyList<DesignPower> results, int seeds, SoftSkills.Analysis.Pilot.DidOptions method)
    {
        TextOut.Table($"Power of pilot designs over {seeds} replications each ({method.Method}; detected = Holm-adjusted p < {1 - method.Level:0.##})",
            ["teams per arm", "employees", "days", "KPI", "power", "mean estimate", "mean true effect", "MDE (80% power)"],
            results.SelectMany(d => KpiNames.All.Select(k => (IReadOnlyList<string>)(d.Kpis[k] is { } p
                ? [d.TeamsPerArm.ToString(), d.Employees.ToString("N0"), d.Days.ToString(), KpiNames.Title(k), $"{100 * p.Power:0}%", TextOut.Signed(p.MeanEstimate), TextOut.Signed(p.MeanTrueEffect), TextOut.Number(p.MinimumDetectableEffect)]
                : [d.TeamsPerArm.ToString(), d.Employees.ToString("N0"), d.Days.ToString(), KpiNames.Title(k), "not estimable", "–", "–", "–"]))),
            "teams per arm", "employees", "days", "power", "mean estimate", "mean true effect", "MDE (80% power)");
    }
}
