using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SoftSkills.Data;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Hosting;
using SoftSkills.Studies;
using SoftSkills.Studies.Sweeps;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills sweep</c>: many seeded pilot replications over varied settings, resumable, one summary row each.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Option<FileInfo?>("--scenario") { Description = "scenario JSON (default: the default pilot)" };
        var seeds = new Option<int>("--seeds") { Description = $"replications per combination of settings (at most {SizeLimits.Replications:N0} in all)", DefaultValueFactory = _ => 10 };
        var vary = new Option<string[]>("--vary") { Description = "a scenario setting to vary, path=v1,v2,... (repeatable; e.g. pilot.pilot_days=60,90)", AllowMultipleArgumentsPerToken = false };
        var output = new Option<DirectoryInfo>("--out") { Description = "the sweep folder (rerun the same command to resume it)", Required = true };
        var baseSeed = new Option<ulong?>("--base-seed") { Description = "the seed replication seeds derive from (default: the scenario's)" };
        var engine = new Option<string>("--engine") { Description = "in one process: reference (fastest, default) or orleans", DefaultValueFactory = _ => "reference" };
        engine.AcceptOnlyFromAmong("reference", "orleans");
        var methods = new Option<string>("--methods")
        {
            Description = "interval methods analysed in every replication, comma-separated, the first one unprefixed in the summary: cr2, cr1, wild, each optionally with _twfe",
            DefaultValueFactory = _ => "cr2",
        };
        var cluster = CommonOptions.Cluster("run the replications on a cluster of `softskills silo` nodes");
        var passwordFile = CommonOptions.ClusterPasswordFile();
        var caFile = CommonOptions.ClusterCaFile();
        var parallel = new Option<int>("--parallel") { Description = "replications at once (default 1; on a cluster, about one per silo)", DefaultValueFactory = _ => 1 };
        var minGroup = CommonOptions.MinGroupSize();
        var command = new Command("sweep", "Seeded replications of a pilot over varied settings (a batch run), streamed to summary.parquet and resumable.")
        {
            scenario, seeds, vary, output, baseSeed, engine, methods, cluster, passwordFile, caFile, parallel, minGroup,
        };
        var tls = new CommonOptions.ClusterSecurity();
        foreach (var o in tls.All) command.Options.Add(o);
        command.SetAction(async (parse, cancel) =>
        {
            tls.RequireCluster(parse, parse.GetValue(cluster));
            var file = parse.GetValue(scenario)?.FullName ?? ScenarioFiles.DefaultPilot;
            var loaded = ScenarioFiles.Load(file); // validates the file, names its errors
            var n = Inputs.Range("--seeds", parse.GetValue(seeds), 1, SizeLimits.Replications);
            var threads = Inputs.Range("--parallel", parse.GetValue(parallel), 1, SizeLimits.Parallel);
            var parameters = (parse.GetValue(vary) ?? []).Select(SweepPlan.ParseVary).ToArray();
            var plan = new SweepPlan(SoftSkills.Data.Files.TextFiles.ReadAllText(file), parameters, n, parse.GetValue(baseSeed) ?? loaded.Seed);
            foreach (var r in plan.Replications.Take(1)) plan.ScenarioOf(r); // a bad --vary path fails before any work
            var didMethods = parse.GetValue(methods)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseMethod).ToList();
            var outDir = Inputs.OutputFolder(parse.GetValue(output)!, "--out");

            IHost? client = null;
            OrleansEngine? silo = null;
            Func<ISimulationEngine> engines;
            if (parse.GetValue(cluster) is { } c)
            {
                var address = CommonOptions.ParseCluster(c, parse.GetValue(passwordFile), parse.GetValue(caFile), tls, parse);
                client = await ClusterHosting.ConnectClientAsync(address, TimeSpan.FromSeconds(30));
                var grains = client.Services.GetRequiredService<IClusterClient>();
                engines = () => new ClusterEngine(grains, log: Console.Error) { Cluster = address };
            }
            else if (parse.GetValue(engine) == "orleans")
            {
                silo = await OrleansEngine.StartInProcessAsync();
                engines = () => silo.NewRun();
            }
            else engines = () => new ReferenceEngine();

            try
            {
                var runner = new SweepRunner(plan, outDir, engines, didMethods, CommonOptions.MinGroup(parse, minGroup));
                (int Ran, int Skipped) result;
                using (var bar = new ProgressBar("replications", plan.Replications.Count))
                    result = await runner.RunAsync(threads, bar, cancel);
                var json = new JsonObject
                {
                    ["replications"] = plan.Replications.Count, ["ran"] = result.Ran, ["skipped"] = result.Skipped,
                    ["base_seed"] = plan.BaseSeed, ["fingerprint"] = plan.Fingerprint, ["summary"] = runner.SummaryPath,
                    ["methods"] = new JsonArray(didMethods.Select(m => (JsonNode?)m.Method).ToArray()),
                };
                if (CommonOptions.Json(parse)) JsonOut.Print(json);
                else TextOut.Line($"{plan.Replications.Count} replications ({result.Ran} run now, {result.Skipped} already done): {runner.SummaryPath}");
                return ExitCode.Ok;
            }
            finally
            {
                if (silo is not null) await silo.DisposeAsync();
                if (client is not null) { await ClusterHosting.StopWithin(client, TimeSpan.FromSeconds(5)); client.Dispose(); }
            }
        });
        return command;
    }

    /// <summary>cr2, cr1 or wild, optionally with _twfe.</summary>
    public static SoftSkills.Analysis.Pilot.DidOptions ParseMethod(string text)
    {
        var twfe = text.EndsWith("_twfe", StringComparison.Ordinal);
        var name = twfe ? text[..^5] : text;
        var inference = name switch
        {
            "cr2" => SoftSkills.Analysis.Pilot.DidInference.Cr2,
            "cr1" => SoftSkills.Analysis.Pilot.DidInference.Cr1,
            "wild" => SoftSkills.Analysis.Pilot.DidInference.WildBootstrap,
            _ => throw new BadInputException($"--methods: '{text}' is not cr2, cr1 or wild (optionally with _twfe)"),
        };
        return new(inference, twfe ? SoftSkills.Analysis.Pilot.DidSpecification.TwoWayFixedEffects : SoftSkills.Analysis.Pilot.DidSpecification.Simple);
    }
}
