using System.CommandLine;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;
using SoftSkills.Cli.Sweeps;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Cli.Commands;

/// <summary>
/// <c>softskills power</c>: how many teams and days a pilot needs. Each design (teams per arm, days) is simulated over
/// seeded replications; power is the share whose 95% interval excludes zero, and the minimum detectable effect is
/// (t₀.₉₇₅ + t₀.₈₀)·SE on the cluster degrees of freedom, with SE the spread of the estimates across replications.
/// </summary>
public static class PowerCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo?>("--scenario") { Description = "scenario JSON (default: the default pilot)" };
        var seeds = new Option<int>("--seeds") { Description = "replications per design", DefaultValueFactory = _ => 20 };
        var teams = new Option<string>("--teams-per-arm") { Description = "comma-separated treated (and control) teams per design, multiples of the scenario's", DefaultValueFactory = _ => "2,4,8" };
        var days = new Option<int?>("--days") { Description = "days per replication (baseline and pilot keep their ratio)" };
        var command = new Command("power", "Power and minimum detectable effect of a pilot design by repeated simulation.") { scenario, seeds, teams, days };
        command.SetAction(async (parse, cancel) =>
        {
            var s = ScenarioFiles.Load(parse.GetValue(scenario) ?? new FileInfo(ScenarioFiles.DefaultPilot), null);
            var perArm = s.Pilot.TreatmentTeams.Count;
            if (perArm == 0 || s.Pilot.ControlTeams.Count != perArm) throw new BadInputException("power needs a scenario with as many control as treatment teams");
            var designs = parse.GetValue(teams)!.Split(',').Select(t => int.TryParse(t, out var n) && n >= perArm && n % perArm == 0 ? n
                : throw new BadInputException($"--teams-per-arm: '{t}' is not a multiple of the scenario's {perArm} teams per arm")).ToArray();
            var n = parse.GetValue(seeds);
            if (n < 2) throw new BadInputException("--seeds must be at least 2");
            var results = new JsonArray();
            foreach (var t in designs)
            {
                var design = ScenarioRescale.Rescale(s, s.Employees * (t / perArm), parse.GetValue(days));
                results.Add(await Replicate(design, n, cancel));
            }
            var json = new JsonObject { ["seeds"] = n, ["base_seed"] = s.Seed, ["designs"] = results };
            if (CommonOptions.Json(parse)) JsonOut.Print(json);
            else Console.WriteLine(JsonOut.Text(json));
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Runs the design's replications as a sweep (seeds SplitMix64(scenario seed, i), recorded) and reads its summary.</summary>
    static async Task<JsonObject> Replicate(Scenario design, int replications, CancellationToken cancel)
    {
        var plan = new SweepPlan(ScenarioLoader.ToJson(design), [], replications, design.Seed);
        var dir = Directory.CreateTempSubdirectory("softskills-power-").FullName;
        List<SweepRow> rows;
        try
        {
            var runner = new SweepRunner(plan, dir, () => new ReferenceEngine());
            await runner.RunAsync(parallel: 1, cancel: cancel);
            rows = TableFile.Read(runner.SummaryPath, SweepRunner.Codec(plan)).ToList();
        }
        finally { Directory.Delete(dir, true); }
        var estimates = KpiNames.All.Select((kpi, k) => (kpi, list: rows
            .Select(r => (Estimate: r.Effects[4 * k], Lower: r.Effects[4 * k + 1], Upper: r.Effects[4 * k + 2]))
            .Where(e => e.Estimate is not null)
            .Select(e => (Estimate: e.Estimate!.Value, Significant: e.Lower > 0 || e.Upper < 0)).ToList())).ToList();
        var seeds = new JsonArray(plan.Replications.Select(r => (JsonNode?)r.Seed).ToArray());
        var perArm = design.Pilot.TreatmentTeams.Count;
        var df = 2 * perArm - 1;
        var multiplier = StudentT.InvCDF(0, 1, df, 0.975) + StudentT.InvCDF(0, 1, df, 0.80);
        var kpis = new JsonObject();
        foreach (var (kpi, list) in estimates)
        {
            if (list.Count < 2) { kpis[EnumNames.Of(kpi)] = null; continue; } // too few replications with a value
            var mean = list.Average(x => x.Estimate);
            var sd = Math.Sqrt(list.Sum(x => (x.Estimate - mean) * (x.Estimate - mean)) / (list.Count - 1));
            kpis[EnumNames.Of(kpi)] = new JsonObject
            {
                ["power"] = JsonOut.Number(list.Count(x => x.Significant) / (double)list.Count),
                ["mean_estimate"] = JsonOut.Number(mean),
                ["sd_estimate"] = JsonOut.Number(sd),
                ["mde"] = JsonOut.Number(multiplier * sd),
            };
        }
        return new JsonObject
        {
            ["teams_per_arm"] = perArm, ["employees"] = design.Employees, ["days"] = design.Days, ["cluster_df"] = df,
            ["replications"] = replications, ["replication_seeds"] = seeds, ["kpis"] = kpis,
        };
    }
}
