using System.CommandLine;
using SoftSkills.Data.Files;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Output;
using SoftSkills.Studies;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills simulate</c>: run a scenario and write its data folder and manifest, all or nothing.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "scenario JSON (see data/scenarios/default-pilot.json)", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder to write the tables and manifest.json to (replaced as a whole)", Required = true };
        var seed = new Option<ulong?>("--seed") { Description = "overrides the scenario's seed" };
        var engine = new Option<string>("--engine") { Description = "orleans (an in-process silo) or reference (a plain loop)", DefaultValueFactory = _ => "orleans" };
        engine.AcceptOnlyFromAmong("orleans", "reference");
        var employees = new Option<int?>("--employees") { Description = $"rescale to this many employees (teams added in the scenario's proportions; at most {SoftSkills.Data.SizeLimits.Employees:N0})" };
        var days = new Option<int?>("--days") { Description = $"rescale to this many days (baseline and pilot keep their ratio; at most {SoftSkills.Data.SizeLimits.Days:N0})" };
        var cluster = CommonOptions.Cluster("run on a cluster of `softskills silo` nodes");
        var passwordFile = CommonOptions.ClusterPasswordFile();
        var caFile = CommonOptions.ClusterCaFile();
        var command = new Command("simulate", "Simulate a scenario on Orleans (or the reference loop) and write its data folder.")
        {
            scenario, output, seed, engine, employees, days, cluster, passwordFile, caFile,
        };
        var tls = new CommonOptions.ClusterSecurity();
        foreach (var o in tls.All) command.Options.Add(o);
        command.SetAction(async (parse, cancel) =>
        {
            tls.RequireCluster(parse, parse.GetValue(cluster));
            var s = ScenarioFiles.Load(parse.GetValue(scenario)!.FullName, parse.GetValue(seed), parse.GetValue(employees), parse.GetValue(days));
            var outDir = Inputs.OutputFolder(parse.GetValue(output)!, "--out");
            using var folder = new AtomicFolder(outDir);
            await using var sim = parse.GetValue(cluster) is { } c
                ? await SimulationEngines.Connect(CommonOptions.ParseCluster(c, parse.GetValue(passwordFile), parse.GetValue(caFile), tls, parse), Console.Error)
                : await SimulationEngines.Create(parse.GetValue(engine)!);
            Manifest manifest;
            using (var bar = new ProgressBar("simulating", s.Days, "days"))
                manifest = await Simulator.RunAsync(s, folder.Path, sim, bar, cancel);
            folder.Commit();
            if (CommonOptions.Json(parse)) Console.WriteLine(manifest.ToJson());
            else
            {
                TextOut.Line($"{manifest.Employees:N0} employees in {manifest.Teams} teams, {manifest.Days} days ({manifest.Engine}, seed {manifest.Seed})");
                TextOut.Table(null, ["file", "rows", "sha256"], manifest.Files.Select(f => (IReadOnlyList<string>)[f.Key, f.Value.Rows.ToString("N0"), f.Value.Sha256[..16] + "…"]), "rows");
                TextOut.Line($"written to {outDir}");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
