using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MathNet.Numerics.Distributions;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation.Engines;
using SoftSkills.Studies.Sweeps;
using SoftSkills.Data.Schema;

namespace SoftSkills.Benchmarks;

/// <summary>
/// Do the pilot's intervals keep their promise? Seeded replications of the default pilot (on the sweep machinery): how
/// often each KPI's 95% interval covers the simulator's true effect, against the binomial 99% band around 0.95; and,
/// in designs where the coaching has no effect (2 + 2 and 1 + 3 teams), how often each test rejects at 5%, with the
/// Holm-adjusted family-wise rate over the four KPIs. Every interval method is measured on the same replications.
/// </summary>
static class CoverageBenchmark
{
    static readonly DidOptions[] Methods = [DidOptions.Default, new(DidInference.WildBootstrap), new(DidInference.Cr1), new(DidInference.Cr2, DidSpecification.TwoWayFixedEffects)];

    public static async Task<int> RunAsync(string[] argv)
    {
        var a = new Args(argv);
        var n = (int)a.GetLong("--replications", 200);
        var parallel = (int)a.GetLong("--parallel", Environment.ProcessorCount);
        var root = a.Get("--dir", Path.Combine(Path.GetTempPath(), "softskills-coverage"));
        var pilot = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "default-pilot.json"));
        var designs = new (string Name, string Key, string Json, bool Null)[]
        {
            ("default pilot (coaching works), 2 + 2 teams", "effect-2x2", pilot, false),
            ("no effect, 2 + 2 teams", "null-2x2", NoEffect(pilot, ["support-north", "support-east"], ["support-south", "support-west"]), true),
            ("no effect, 1 + 3 teams", "null-1x3", NoEffect(pilot, ["support-north"], ["support-south", "support-east", "support-west"]), true),
        };
        var report = new StringBuilder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var d in designs)
        {
            var plan = new SweepPlan(d.Json, [], n, 20261130);
            var runner = new SweepRunner(plan, Path.Combine(root, d.Key), () => new ReferenceEngine(), Methods);
            await runner.RunAsync(parallel, new Progress<int>(i => { if (i % 20 == 0) Console.Error.WriteLine($"{d.Key}: {i} of {n} ({clock.Elapsed.TotalSeconds:0} s)"); }));
            var rows = TableFile.Read(runner.SummaryPath, runner.Codec(), ReadOptions.Strict, new ReadReport()).ToList();
            report.Append(d.Null ? Rejections(d.Name, rows) : Coverage(d.Name, rows));
        }
        Console.WriteLine(report);
        Console.WriteLine($"{3 * n} replications in {clock.Elapsed.TotalMinutes:0.0} min ({parallel} at once), reference engine, seeds SplitMix64(20261130, i)");
        return 0;
    }

    /// <summary>The pilot with the coaching kept (so the arms exist) but with no effect on anyone.</summary>
    static string NoEffect(string json, string[] treated, string[] controls)
    {
        var s = JsonNode.Parse(json)!;
        s["pilot"]!["treatment_teams"] = new JsonArray(treated.Select(t => (JsonNode?)t).ToArray());
        s["pilot"]!["control_teams"] = new JsonArray(controls.Select(t => (JsonNode?)t).ToArray());
        s["interventions"]!["coaching_nudge"]!["learning_rate"] = 0;
        s["interventions"]!["realtime_feedback"]!["marker_boost"] = 0;
        s["interventions"]!["realtime_feedback"]!["empathy_gain"] = 0;
        return s.ToJsonString();
    }

    static string Column(Kpi k, int m, string field) => m == 0 ? $"{EnumNames.Of(k)}_{field}" : $"{EnumNames.Of(k)}_{SweepRunner.MethodKey(Methods[m])}_{field}";

    static string Coverage(string name, List<SweepRow> rows)
    {
        var sb = new StringBuilder($"\n### {name}: coverage of the true effect by the 95% interval ({rows.Count} replications)\n\n");
        var (lo, hi) = Band(rows.Count, 0.95);
        sb.Append($"Binomial 99% band around 0.95 for {rows.Count} replications: [{lo:0.000}, {hi:0.000}].\n\n| method | RES | CI | DQR | HSR |\n|---|---|---|---|---|\n");
        for (var m = 0; m < Methods.Length; m++)
        {
            sb.Append($"| {Methods[m].Method} |");
            foreach (var k in KpiNames.All)
            {
                var usable = rows.Where(r => r.Effects[Column(k, m, "lower")] is not null && r.Effects[$"{EnumNames.Of(k)}_true_effect"] is not null).ToList();
                var covered = usable.Count(r => r.Effects[Column(k, m, "lower")] <= r.Effects[$"{EnumNames.Of(k)}_true_effect"] && r.Effects[$"{EnumNames.Of(k)}_true_effect"] <= r.Effects[Column(k, m, "upper")]);
                var rate = usable.Count == 0 ? double.NaN : covered / (double)usable.Count;
                sb.Append($" {rate:0.000}{(rate >= lo && rate <= hi ? "" : rate < lo ? " (low)" : " (high)")}{(usable.Count < rows.Count ? $" of {usable.Count}" : "")} |");
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static string Rejections(string name, List<SweepRow> rows)
    {
        var sb = new StringBuilder($"\n### {name}: share of replications rejecting \"no effect\" at 5% ({rows.Count} replications)\n\n");
        sb.Append("| method | RES | CI | DQR | HSR | any KPI after Holm |\n|---|---|---|---|---|---|\n");
        for (var m = 0; m < Methods.Length; m++)
        {
            sb.Append($"| {Methods[m].Method} |");
            foreach (var k in KpiNames.All)
            {
                // A replication whose effect is not estimable (fewer than two teams in an arm) rejects nothing.
                var estimable = rows.Count(r => r.Effects[Column(k, m, "p")] is not null);
                var rate = rows.Count(r => r.Effects[Column(k, m, "p")] < 0.05) / (double)rows.Count;
                sb.Append($" {rate:0.000}{(estimable < rows.Count ? $" ({rows.Count - estimable} not estimable)" : "")} |");
            }
            var family = rows.Count(r => KpiNames.All.Any(k => r.Effects[Column(k, m, "holm_p")] is < 0.05)) / (double)rows.Count;
            sb.Append($" {family:0.000} |\n");
        }
        return sb.ToString();
    }

    /// <summary>The central 99% range of the share of successes in n Bernoulli(p) trials.</summary>
    static (double Lo, double Hi) Band(int n, double p)
    {
        int Quantile(double q) { var k = 0; while (k < n && Binomial.CDF(p, n, k) < q) k++; return k; }
        return (Quantile(0.005) / (double)n, Quantile(0.995) / (double)n);
    }
}
