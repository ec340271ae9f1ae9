using System.CommandLine;
using System.Text.Json.Nodes;
using SoftSkills.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SoftSkills.Data.Files;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Hosting;
using SoftSkills.Studies;
using SoftSkills.Studies.Twin;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills twin fit</c>: fit a scenario to an organisation's observed baseline (docs/design.md §7, twin).</summary>
public static class TwinCommand
{
    public const string Method = "ABC-SMC (Beaumont et al. 2009) with semi-automatic summaries (Fearnhead & Prangle 2012): uniform priors; tolerance = median distance of the previous generation; Gaussian kernel with twice the weighted variance; distance = Euclidean between ridge-regression estimates of the parameters from the summaries, trained on generation 0";

    public static Command Create()
    {
        var command = new Command("twin", "A digital twin of an organisation: a scenario fitted to its observed baseline.");
        command.Subcommands.Add(Fit());
        return command;
    }

    static Command Fit()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "the organisation's data folder (its baseline: real or imported)", Required = true };
        var scenario = new Option<FileInfo>("--scenario") { Description = "a scenario with the organisation's teams (same names as team_id)", Required = true };
        var fit = new Option<string>("--fit") { Description = "comma-separated scenario paths to fit, each PATH or PATH=LOW:HIGH (uniform prior), e.g. traits.empathy.mean,traits.handoff_diligence.mean", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "the fitted scenario file to write (usable by pilot, power, sweep, simulate); an interrupted fit leaves OUT.checkpoint: rerun the same command to resume it", Required = true };
        var budget = new Option<int>("--budget") { Description = "most simulations in all", DefaultValueFactory = _ => 2000 };
        var particles = new Option<int>("--particles") { Description = "population size of each generation", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "seed of the proposals and of every simulation", DefaultValueFactory = _ => 20261130 };
        var parallel = new Option<int>("--parallel") { Description = "simulations at once (the result does not depend on it; on a cluster, a few per silo)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var checks = new Option<int>("--check-runs") { Description = "simulations of the fitted twin for the posterior predictive check", DefaultValueFactory = _ => 20 };
        var cluster = CommonOptions.Cluster("run the simulations on a cluster of `softskills silo` nodes (the result is the same as in one process)");
        var passwordFile = CommonOptions.ClusterPasswordFile();
        var caFile = CommonOptions.ClusterCaFile();
        var command = new Command("fit", "Fit scenario parameters to a data folder's baseline by approximate Bayesian computation (ABC-SMC) and write the fitted scenario.")
        {
            data, scenario, fit, output, budget, particles, seed, parallel, checks, cluster, passwordFile, caFile,
        };
        var tls = new CommonOptions.ClusterSecurity();
        foreach (var o in tls.All) command.Options.Add(o);
        command.SetAction(async (parse, cancel) =>
        {
            tls.RequireCluster(parse, parse.GetValue(cluster));
            var folder = Inputs.Folder(parse.GetValue(data)!);
            var scenarioFile = Inputs.File(parse.GetValue(scenario)!, "--scenario");
            ScenarioFiles.Load(scenarioFile.FullName); // validates the file, naming its errors
            var json = TextFiles.ReadAllText(scenarioFile.FullName);
            var root = JsonNode.Parse(json)!;
            var parameters = parse.GetValue(fit)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => TwinParameter.Parse(p, root)).ToList();
            if (parameters.Count == 0) throw new BadInputException("--fit names no parameter");
            if (parameters.Select(p => p.Path).Distinct().Count() != parameters.Count) throw new BadInputException("--fit names a parameter twice");
            var n = Inputs.Range("--particles", parse.GetValue(particles), 10, 100_000);
            var b = Inputs.Range("--budget", parse.GetValue(budget), 2 * n, SizeLimits.Replications * 100);
            var threads = Inputs.Range("--parallel", parse.GetValue(parallel), 1, SizeLimits.Parallel);
            var checkRuns = Inputs.Range("--check-runs", parse.GetValue(checks), 1, 10_000);
            var outFile = Inputs.OutputFile(parse.GetValue(output)!, "--out");
            // Simulations are recorded as they finish; a checkpoint left by an interrupted run with the same settings is resumed.
            var checkpoint = outFile + ".checkpoint";
            if (File.Exists(checkpoint)) Console.Error.WriteLine($"resuming the fit recorded in {checkpoint}");
            IHost? client = null;
            Func<ISimulationEngine>? engines = null;
            if (parse.GetValue(cluster) is { } c)
            {
                var address = CommonOptions.ParseCluster(c, parse.GetValue(passwordFile), parse.GetValue(caFile), tls, parse);
                client = await ClusterHosting.ConnectClientAsync(address, TimeSpan.FromSeconds(30));
                var grains = client.Services.GetRequiredService<IClusterClient>();
                engines = () => new ClusterEngine(grains, log: Console.Error) { Cluster = address };
            }
            TwinFitResult result;
            try
            {
                using var bar = new ProgressBar("simulations", b);
                result = TwinFit.Run(folder, json, parameters, n, b, parse.GetValue(seed), threads, checkRuns, bar, checkpoint, engines);
            }
            finally
            {
                if (client is not null) { await ClusterHosting.StopWithin(client, TimeSpan.FromSeconds(5)); client.Dispose(); }
            }
            AtomicOutputs.WriteText(outFile, result.FittedScenarioJson);
            File.Delete(checkpoint);
            if (CommonOptions.Json(parse)) JsonOut.Print(Json(result, outFile));
            else Print(result, outFile);
            return ExitCode.Ok;
        });
        return command;
    }

    static JsonObject Json(TwinFitResult r, string outFile) => new()
    {
        ["out"] = outFile,
        ["method"] = Method,
        ["simulations"] = r.Abc.Simulations,
        ["observed_days"] = r.ObservedDays,
        ["parameters"] = new JsonObject(r.Parameters.Select(p => KeyValuePair.Create(p.Path, (JsonNode?)new JsonObject
        {
            ["estimate"] = JsonOut.Number(p.Estimate), ["lo90"] = JsonOut.Number(p.Lo90), ["hi90"] = JsonOut.Number(p.Hi90),
            ["prior"] = new JsonObject { ["low"] = p.Prior.Low, ["high"] = p.Prior.High },
        }))),
        ["fit"] = new JsonObject
        {
            ["generations"] = new JsonArray(r.Abc.Generations.Select(g => (JsonNode?)new JsonObject
            {
                ["generation"] = g.Index, ["tolerance"] = JsonOut.Number(double.IsFinite(g.Tolerance) ? g.Tolerance : null), ["simulations"] = g.Simulations, ["accepted"] = g.Accepted,
            }).ToArray()),
            ["distance_median"] = JsonOut.Number(r.Abc.Distances.Order().ElementAt(r.Abc.Distances.Length / 2)),
            ["distance_max"] = JsonOut.Number(r.Abc.Distances.Max()),
        },
        ["check"] = new JsonArray(r.Checks.Select(c => (JsonNode?)new JsonObject
        {
            ["summary"] = c.Summary, ["observed"] = JsonOut.Number(Finite(c.Observed)), ["twin_mean"] = JsonOut.Number(Finite(c.TwinMean)),
            ["twin_lo90"] = JsonOut.Number(Finite(c.TwinLo90)), ["twin_hi90"] = JsonOut.Number(Finite(c.TwinHi90)),
            ["within"] = double.IsFinite(c.Observed) && double.IsFinite(c.TwinLo90) ? c.Observed >= c.TwinLo90 && c.Observed <= c.TwinHi90 : null,
        }).ToArray()),
    };

    static double? Finite(double x) => double.IsFinite(x) ? x : null;

    static void Print(TwinFitResult r, string outFile)
    {
        TextOut.Table($"Twin fitted by ABC-SMC on {r.ObservedDays} observed days ({r.Abc.Simulations:N0} simulations, {r.Abc.Generations.Count} generations)",
            ["parameter", "estimate", "90% interval", "prior"],
            r.Parameters.Select(p => (IReadOnlyList<string>)[p.Path, p.Estimate.ToString("0.###"), $"[{p.Lo90:0.###}, {p.Hi90:0.###}]", $"[{p.Prior.Low:0.###}, {p.Prior.High:0.###}]"]),
            "estimate");
        var within = r.Checks.Count(c => double.IsFinite(c.Observed) && double.IsFinite(c.TwinLo90) && c.Observed >= c.TwinLo90 && c.Observed <= c.TwinHi90);
        var defined = r.Checks.Count(c => double.IsFinite(c.Observed) && double.IsFinite(c.TwinLo90));
        TextOut.Line($"posterior predictive check: {within} of {defined} observed summaries fall in the twin's 90% range (--format json lists them)");
        TextOut.Line($"fitted scenario written to {outFile}: run `softskills pilot --scenario {outFile}` on it");
    }
}
