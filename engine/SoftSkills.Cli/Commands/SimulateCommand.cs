using System.CommandLine;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Output;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills simulate</c>: run a scenario and write its data folder and manifest.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo>("--scenario") { Description = "scenario JSON (see data/scenarios/default-pilot.json)", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder to write the tables and manifest.json to", Required = true };
        var seed = new Option<ulong?>("--seed") { Description = "overrides the scenario's seed" };
        var engine = new Option<string>("--engine") { Description = "orleans (an in-process silo) or reference (a plain loop)", DefaultValueFactory = _ => "orleans" };
        engine.AcceptOnlyFromAmong("orleans", "reference");
        var employees = new Option<int?>("--employees") { Description = "rescale to this many employees (teams added in the scenario's proportions)" };
        var days = new Option<int?>("--days") { Description = "rescale to this many days (baseline and pilot keep their ratio)" };
        var cluster = new Option<string?>("--cluster") { Description = "run on a cluster of `softskills silo` nodes: its Redis, redis://HOST:PORT" };
        var command = new Command("simulate", "Simulate a scenario on Orleans (or the reference loop) and write its data folder.")
        {
            scenario, output, seed, engine, employees, days, cluster,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var s = ScenarioFiles.Load(parse.GetValue(scenario)!, parse.GetValue(seed), parse.GetValue(employees), parse.GetValue(days));
            await using var sim = parse.GetValue(cluster) is { } c
                ? await Engines.Connect(SiloCommand.ParseCluster(c))
                : await Engines.Create(parse.GetValue(engine)!);
            Manifest manifest;
            using (var bar = new ProgressBar("simulating", s.Days))
                manifest = await Simulator.RunAsync(s, parse.GetValue(output)!.FullName, sim, bar, cancel);
            if (CommonOptions.Json(parse)) Console.WriteLine(manifest.ToJson());
            else
            {
                Console.WriteLine($"{manifest.Employees:N0} employees in {manifest.Teams} teams, {manifest.Days} days ({manifest.Engine}, seed {manifest.Seed})");
                foreach (var (file, info) in manifest.Files) Console.WriteLine($"  {file,-22} {info.Rows,12:N0} rows");
                Console.WriteLine($"written to {parse.GetValue(output)!.FullName}");
            }
            return ExitCode.Ok;
        });
        return command;
    }
}

/// <summary>Reads a scenario file with command-line overrides; a bad scenario is bad input naming the JSON path.</summary>
public static class ScenarioFiles
{
    public static string DefaultPilot => Path.Combine(AppContext.BaseDirectory, "scenarios", "default-pilot.json");

    public static Scenario Load(FileInfo file, ulong? seed, int? employees = null, int? days = null)
    {
        if (!file.Exists) throw new BadInputException($"scenario '{file.FullName}' does not exist");
        try
        {
            var s = ScenarioLoader.Load(file.FullName);
            if (seed is { } x) s = s with { Seed = x };
            return ScenarioRescale.Rescale(s, employees, days);
        }
        catch (ScenarioException ex)
        {
            throw new BadInputException($"{file.Name}: {ex.Message}");
        }
    }
}

/// <summary>Creates the engine a verb asks for.</summary>
public static class Engines
{
    public static async Task<ISimulationEngine> Create(string name) =>
        name == "reference" ? new ReferenceEngine() : await OrleansEngine.StartInProcessAsync();

    /// <summary>A client of a running cluster; an unreachable cluster is an error within 30 s, not a hang.</summary>
    public static async Task<ISimulationEngine> Connect(SoftSkills.Simulation.Hosting.ClusterAddress cluster)
    {
        try { return await ClusterEngine.ConnectAsync(cluster, TimeSpan.FromSeconds(30), Console.Error); }
        catch (SoftSkills.Simulation.Hosting.ClusterUnavailableException ex) { throw new ClusterFailure(ex.Message); }
    }
}
