using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Cli.Commands;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;

namespace SoftSkills.Cli.Sweeps;

/// <summary>
/// Runs a sweep into a folder: <c>sweep.json</c> (the plan), one file per finished replication in <c>replications/</c>
/// (written atomically, so an interrupted sweep resumes where it stopped), and <c>summary.parquet</c>, streamed from those
/// files in replication order once all are done. Each replication simulates the pilot and its counterfactual and keeps
/// only its effects, so memory does not grow with the number of replications.
/// </summary>
public sealed class SweepRunner(SweepPlan plan, string outDir, Func<ISimulationEngine> newEngine)
{
    static readonly Kpi[] Kpis = KpiNames.All.ToArray();

    public string SummaryPath => Path.Combine(outDir, "summary.parquet");
    string PartPath(int i) => Path.Combine(outDir, "replications", $"{i:D6}.json");

    /// <summary>Runs the replications not yet done; returns how many ran and how many were already there.</summary>
    public async Task<(int Ran, int Skipped)> RunAsync(int parallel, IProgress<int>? done = null, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(Path.Combine(outDir, "replications"));
        CheckPlan();
        var todo = plan.Replications.Where(r => !File.Exists(PartPath(r.Index))).ToList();
        var finished = plan.Replications.Count - todo.Count;
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancel }, async (r, token) =>
        {
            var row = await RunOne(r, token);
            AtomicOutputs.WriteText(PartPath(r.Index), JsonSerializer.Serialize(new PartFile(row.Replication, row.Seed.ToString(CultureInfo.InvariantCulture), [.. row.Values], [.. row.Effects])));
            done?.Report(Interlocked.Increment(ref finished));
        });
        TableFile.Write(SummaryPath, Codec(plan), plan.Replications.Select(r => ReadPart(PartPath(r.Index))));
        return (todo.Count, plan.Replications.Count - todo.Count);
    }

    /// <summary>The summary table's codec for a plan: its varied settings, then the four KPIs.</summary>
    public static SweepRowCodec Codec(SweepPlan plan) => new(plan.Parameters.Select(p => p.Path).ToArray(), Kpis.Select(EnumNames.Of).ToArray());

    void CheckPlan()
    {
        var path = Path.Combine(outDir, "sweep.json");
        if (File.Exists(path))
        {
            var existing = (string?)JsonNode.Parse(File.ReadAllText(path))?["fingerprint"];
            if (existing != plan.Fingerprint)
                throw new BadInputException($"{outDir} holds another sweep (its scenario, settings or seeds differ): use a new --out folder");
            return;
        }
        var json = new JsonObject
        {
            ["fingerprint"] = plan.Fingerprint, ["base_seed"] = plan.BaseSeed, ["seeds"] = plan.Seeds,
            ["vary"] = new JsonObject(plan.Parameters.Select(p => KeyValuePair.Create(p.Path, (JsonNode?)new JsonArray(p.Values.Select(v => (JsonNode?)v).ToArray())))),
            ["replications"] = new JsonArray(plan.Replications.Select(r => (JsonNode?)new JsonObject
                { ["replication"] = r.Index, ["seed"] = r.Seed.ToString(CultureInfo.InvariantCulture), ["values"] = new JsonArray(r.Values.Select(v => (JsonNode?)v).ToArray()) }).ToArray()),
        };
        AtomicOutputs.WriteText(path, JsonOut.Text(json));
    }

    async Task<SweepRow> RunOne(Replication r, CancellationToken cancel)
    {
        var scenario = plan.ScenarioOf(r);
        var dir = Directory.CreateTempSubdirectory("softskills-sweep-").FullName;
        try
        {
            await using (var engine = newEngine()) await Simulator.RunAsync(scenario, Path.Combine(dir, "actual"), engine, cancel: cancel);
            await using (var engine = newEngine()) await Simulator.RunAsync(PilotJob.Counterfactual(scenario), Path.Combine(dir, "counterfactual"), engine, cancel: cancel);
            var report = PilotStudy.Analyse(new DataFolder(Path.Combine(dir, "actual")), new DataFolder(Path.Combine(dir, "counterfactual")));
            var effects = Kpis.SelectMany(k => report.Effects.FirstOrDefault(e => e.Kpi == k) is { } e
                ? new double?[] { e.Did.Estimate, e.Did.Lower, e.Did.Upper, e.TrueEffect }
                : new double?[4]).ToArray();
            return new SweepRow(r.Index, r.Seed, r.Values, effects);
        }
        finally { Directory.Delete(dir, true); }
    }

    sealed record PartFile(int Replication, string Seed, string[] Values, double?[] Effects);

    static SweepRow ReadPart(string path)
    {
        var p = JsonSerializer.Deserialize<PartFile>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty replication file");
        return new SweepRow(p.Replication, ulong.Parse(p.Seed, CultureInfo.InvariantCulture), p.Values, p.Effects);
    }
}
