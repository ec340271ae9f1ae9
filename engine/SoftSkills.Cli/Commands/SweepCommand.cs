using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SoftSkills.Cli.Sweeps;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Hosting;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills sweep</c>: many seeded pilot replications over varied settings, resumable, one summary row each.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo?>("--scenario") { Description = "scenario JSON (default: the default pilot)" };
        var seeds = new Option<int>("--seeds") { Description = "replications per combination of settings", DefaultValueFactory = _ => 10 };
        var vary = new Option<string[]>("--vary") { Description = "a scenario setting to vary, path=v1,v2,... (repeatable; e.g. pilot.pilot_days=60,90)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<DirectoryInfo>("--out") { Description = "the sweep folder (rerun the same command to resume it)", Required = true };
        var baseSeed = new Option<ulong?>("--base-seed") { Description = "the seed replication seeds derive from (default: the scenario's)" };
        var engine = new Option<string>("--engine") { Description = "in one process: reference (fastest, default) or orleans", DefaultValueFactory = _ => "reference" };
        engine.AcceptOnlyFromAmong("reference", "orleans");
        var cluster = new Option<string?>("--cluster") { Description = "run the replications on a cluster of `softskills silo` nodes: redis://HOST:PORT" };
        var parallel = new Option<int>("--parallel") { Description = "replications at once (default 1; on a cluster, about one per silo)", DefaultValueFactory = _ => 1 };
        var command = new Command("sweep", "Seeded replications of a pilot over varied settings (a batch run), streamed to summary.parquet and resumable.")
        {
            scenario, seeds, vary, output, baseSeed, engine, cluster, parallel,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var file = parse.GetValue(scenario) ?? new FileInfo(ScenarioFiles.DefaultPilot);
            var loaded = ScenarioFiles.Load(file, null); // validates the file, names its errors
            var n = parse.GetValue(seeds);
            if (n < 1) throw new BadInputException("--seeds must be at least 1");
            if (parse.GetValue(parallel) < 1) throw new BadInputException("--parallel must be at least 1");
            SweepParameter[] parameters;
            try { parameters = (parse.GetValue(vary) ?? []).Select(SweepPlan.ParseVary).ToArray(); }
            catch (FormatException ex) { throw new BadInputException(ex.Message); }
            var plan = new SweepPlan(File.ReadAllText(file.FullName), parameters, n, parse.GetValue(baseSeed) ?? loaded.Seed);
            foreach (var r in plan.Replications.Take(1)) plan.ScenarioOf(r); // a bad --vary path fails before any work

            IHost? client = null;
            OrleansEngine? silo = null;
            Func<ISimulationEngine> engines;
            if (parse.GetValue(cluster) is { } c)
            {
                try { client = await ClusterHosting.ConnectClientAsync(SiloCommand.ParseCluster(c), TimeSpan.FromSeconds(30)); }
                catch (ClusterUnavailableException ex) { throw new ClusterFailure(ex.Message); }
                var grains = client.Services.GetRequiredService<IClusterClient>();
                engines = () => new ClusterEngine(grains, log: Console.Error);
            }
            else if (parse.GetValue(engine) == "orleans")
            {
                silo = await OrleansEngine.StartInProcessAsync();
                engines = () => silo.NewRun();
            }
            else engines = () => new ReferenceEngine();

            try
            {
                var runner = new SweepRunner(plan, parse.GetValue(output)!.FullName, engines);
                (int Ran, int Skipped) result;
                using (var bar = new ProgressBar("replications", plan.Replications.Count))
                    result = await runner.RunAsync(parse.GetValue(parallel), bar, cancel);
                var json = new JsonObject
                {
                    ["replications"] = plan.Replications.Count, ["ran"] = result.Ran, ["skipped"] = result.Skipped,
                    ["base_seed"] = plan.BaseSeed, ["fingerprint"] = plan.Fingerprint, ["summary"] = runner.SummaryPath,
                };
                if (CommonOptions.Json(parse)) JsonOut.Print(json);
                else Console.WriteLine($"{plan.Replications.Count} replications ({result.Ran} run now, {result.Skipped} already done): {runner.SummaryPath}");
                return ExitCode.Ok;
            }
            finally
            {
                if (silo is not null) await silo.DisposeAsync();
                if (client is not null) { await client.StopAsync(); client.Dispose(); }
            }
        });
        return command;
    }
}
