using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SoftSkills.Data.Files;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;
using SoftSkills.Studies.Sweeps;
using SoftSkills.Studies.Twin;

namespace SoftSkills.Benchmarks;

/// <summary>
/// Parameter recovery of `twin fit` (docs/benchmarks.md, twin): organisations simulated with known values of the fitted
/// parameters (`--fit`, as in `twin fit`; by default the empathy and handoff-diligence means), each drawn uniformly from
/// the middle two thirds of its prior (seeded; [0.2, 0.8] for a trait's mean), the truth table never read, fitted from
/// the scenario's defaults; reports how often each 90% interval covers the known value, and the intervals' mean width.
/// </summary>
static class TwinRecoveryBenchmark
{
    public static async Task<int> RunAsync(string[] argv)
    {
        var args = new Args(argv);
        var runs = (int)args.GetLong("--runs", 10);
        var budget = (int)args.GetLong("--budget", 900);
        var particles = (int)args.GetLong("--particles", 100);
        var employees = (int)args.GetLong("--employees", 40);
        var start = JsonNode.Parse(ScenarioLoader.ToJson(ScenarioRescale.Rescale(ScenarioLoader.Load(Path.Combine("data", "scenarios", "default-pilot.json")), employees, 43)))!;
        start["pilot"]!["baseline_days"] = 42;
        start["pilot"]!["pilot_days"] = 1;
        start["interventions"]!["coaching_nudge"]!["enabled"] = false;
        start["interventions"]!["realtime_feedback"]!["enabled"] = false;
        var fit = args.Get("--fit", "traits.empathy.mean,traits.handoff_diligence.mean").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => TwinParameter.Parse(p, start)).ToList();
        var paths = fit.Select(p => p.Path).ToArray();
        var covered = new int[paths.Length];
        var width = new double[paths.Length];
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < runs; r++)
        {
            ulong state = SplitMix64.At(20261130, r);
            var known = fit.Select(p => p.Prior.Low + (p.Prior.High - p.Prior.Low) * (1 / 6.0 + 2 / 3.0 * ((SplitMix64.Next(ref state) >> 11) * (1.0 / (1UL << 53))))).ToArray();
            var truth = JsonNode.Parse(start.ToJsonString())!;
            for (var k = 0; k < fit.Count; k++) SweepPlan.SetPath(truth, paths[k], known[k].ToString("R", CultureInfo.InvariantCulture));
            truth["seed"] = SplitMix64.At(7, r);
            var folder = Path.Combine(Path.GetTempPath(), $"softskills-twin-recovery-{r}");
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
            await Simulator.RunAsync(ScenarioLoader.Parse(truth.ToJsonString()), folder, new ReferenceEngine());
            File.Delete(Path.Combine(folder, "truth.parquet"));
            var json = start.ToJsonString();
            var result = TwinFit.Run(new DataFolder(folder), json, fit,
                particles, budget, SplitMix64.At(11, r), Environment.ProcessorCount, checkRuns: 1);
            var line = new List<string>();
            for (var k = 0; k < paths.Length; k++)
            {
                var e = result.Parameters[k];
                var hit = e.Lo90 <= known[k] && known[k] <= e.Hi90;
                covered[k] += hit ? 1 : 0;
                width[k] += (e.Hi90 - e.Lo90) / runs;
                line.Add(string.Create(CultureInfo.InvariantCulture, $"{paths[k]} known {known[k]:0.000} fitted {e.Estimate:0.000} [{e.Lo90:0.000}, {e.Hi90:0.000}]{(hit ? "" : " MISS")}"));
            }
            Directory.Delete(folder, true);
            Console.WriteLine($"run {r + 1}: {string.Join("; ", line)}");
        }
        for (var k = 0; k < paths.Length; k++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{paths[k]}: covered {covered[k]} of {runs}, mean 90% width {width[k]:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs} runs of {budget} simulations in {clock.Elapsed.TotalSeconds:0} s"));
        return 0;
    }
}
