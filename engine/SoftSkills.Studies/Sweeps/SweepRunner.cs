using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation;
using SoftSkills.Simulation.Engines;
using SoftSkills.Studies.Pilot;

namespace SoftSkills.Studies.Sweeps;

/// <summary>
/// Runs a sweep into a folder: <c>sweep.json</c> (the plan), one file per finished replication in <c>replications/</c>
/// (written atomically after the replication is complete, so an interrupted sweep resumes where it stopped), and
/// <c>summary.parquet</c>, streamed from those files in replication order once all are done. Each replication simulates the
/// pilot and its counterfactual, analyses it with every interval method asked for, and keeps only the effects, so memory
/// does not grow with the number of replications.
/// </summary>
public sealed class SweepRunner(SweepPlan plan, string outDir, Func<ISimulationEngine> newEngine, IReadOnlyList<DidOptions>? methods = null, int minGroupSize = 5)
{
    readonly IReadOnlyList<DidOptions> _methods = methods is { Count: > 0 } ? methods : [DidOptions.Default];

    public string SummaryPath => Path.Combine(outDir, "summary.parquet");
    string PartPath(int i) => Path.Combine(outDir, "replications", $"{i:D6}.json");

    /// <summary>The first method's figures per KPI (unprefixed), then each further method's interval and p.</summary>
    public static IReadOnlyList<string> EffectColumns(IReadOnlyList<DidOptions> methods) =>
        KpiNames.All.SelectMany(k => new[] { "estimate", "lower", "upper", "true_effect", "p", "holm_p", "permutation_p" }.Select(f => $"{EnumNames.Of(k)}_{f}")
            .Concat(methods.Skip(1).SelectMany(m => new[] { "lower", "upper", "p", "holm_p" }.Select(f => $"{EnumNames.Of(k)}_{MethodKey(m)}_{f}")))).ToList();

    /// <summary>A method's column infix: cr2, cr1 or wild, with _twfe for two-way fixed effects.</summary>
    public static string MethodKey(DidOptions m) => m.InferenceName + (m.Specification == DidSpecification.TwoWayFixedEffects ? "_twfe" : "");

    /// <summary>The summary table's codec for a plan and its methods.</summary>
    public SweepRowCodec Codec() => new(plan.Parameters.Select(p => p.Path).ToArray(), EffectColumns(_methods));

    /// <summary>Runs the replications not yet done; returns how many ran and how many were already there.</summary>
    public async Task<(int Ran, int Skipped)> RunAsync(int parallel, IProgress<int>? done = null, CancellationToken cancel = default)
    {
        var created = !Directory.Exists(outDir);
        try { return await Run(parallel, done, cancel); }
        catch (Exception ex) when (created && ex is StudyInputException or SoftSkills.Data.Validation.DataValidationException)
        {
            // A setting the analysis refuses fails the same way on every rerun: leave no folder behind (a cancelled run keeps its, to resume).
            try { Directory.Delete(outDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    async Task<(int Ran, int Skipped)> Run(int parallel, IProgress<int>? done, CancellationToken cancel)
    {
        Directory.CreateDirectory(Path.Combine(outDir, "replications"));
        CheckPlan();
        var todo = plan.Replications.Where(r => !File.Exists(PartPath(r.Index))).ToList();
        var finished = plan.Replications.Count - todo.Count;
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancel }, async (r, token) =>
        {
            var row = await RunOne(r, token);
            AtomicOutputs.WriteText(PartPath(r.Index), JsonSerializer.Serialize(new PartFile(row.Replication, row.Seed.ToString(CultureInfo.InvariantCulture), [.. row.Values],
                row.Effects.ToDictionary(kv => kv.Key, kv => kv.Value is { } v && double.IsFinite(v) ? (double?)v : null))));
            done?.Report(Interlocked.Increment(ref finished));
        });
        TableFile.Write(SummaryPath, Codec(), plan.Replications.Select(r => ReadPart(PartPath(r.Index), r)));
        return (todo.Count, plan.Replications.Count - todo.Count);
    }

    string Fingerprint => plan.Fingerprint + ":" + string.Join(",", _methods.Select(MethodKey)) + ":" + minGroupSize.ToString(CultureInfo.InvariantCulture);

    void CheckPlan()
    {
        var path = Path.Combine(outDir, "sweep.json");
        if (File.Exists(path))
        {
            string? existing;
            try { existing = (string?)JsonNode.Parse(TextFiles.ReadAllText(path))?["fingerprint"]; }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or InvalidDataException)
            {
                throw new StudyInputException($"{path} is damaged ({(ex is JsonException syntax ? JsonErrors.Describe(syntax) : ex.Message)}), so the sweep cannot be resumed: use a new --out folder");
            }
            if (existing != Fingerprint)
                throw new StudyInputException($"{outDir} holds another sweep (its scenario, settings, seeds or methods differ): use a new --out folder");
            return;
        }
        var json = new JsonObject
        {
            ["fingerprint"] = Fingerprint, ["base_seed"] = plan.BaseSeed, ["seeds"] = plan.Seeds,
            ["methods"] = new JsonArray(_methods.Select(m => (JsonNode?)m.Method).ToArray()), ["min_group_size"] = minGroupSize,
            ["vary"] = new JsonObject(plan.Parameters.Select(p => KeyValuePair.Create(p.Path, (JsonNode?)new JsonArray(p.Values.Select(v => (JsonNode?)v).ToArray())))),
            ["replications"] = new JsonArray(plan.Replications.Select(r => (JsonNode?)new JsonObject
                { ["replication"] = r.Index, ["seed"] = r.Seed.ToString(CultureInfo.InvariantCulture), ["values"] = new JsonArray(r.Values.Select(v => (JsonNode?)v).ToArray()) }).ToArray()),
        };
        AtomicOutputs.WriteText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    async Task<SweepRow> RunOne(Replication r, CancellationToken cancel)
    {
        var scenario = plan.ScenarioOf(r);
        var dir = Directory.CreateTempSubdirectory("softskills-sweep-").FullName;
        try
        {
            await using (var engine = newEngine()) await Simulator.RunAsync(scenario, Path.Combine(dir, "actual"), engine, cancel: cancel);
            await using (var engine = newEngine()) await Simulator.RunAsync(PilotRun.Counterfactual(scenario), Path.Combine(dir, "counterfactual"), engine, cancel: cancel);
            PublishedKpis published;
            PilotDesign design;
            try { (design, published) = PilotStudy.Publish(new DataFolder(Path.Combine(dir, "actual")), minGroupSize); }
            catch (SoftSkills.Data.Validation.DataValidationException ex)   // the simulation is fine; its pilot cannot be analysed (too short a baseline or pilot)
            {
                var settings = string.Join(", ", plan.Parameters.Select((p, i) => $"{p.Path}={r.Values[i]}"));
                throw new StudyInputException($"replication {r.Index}{(settings.Length > 0 ? $" ({settings})" : "")}: {ex.Reason}");
            }
            var cf = PilotStudy.CounterfactualWeeks(new DataFolder(Path.Combine(dir, "counterfactual")));
            var effects = new Dictionary<string, double?>();
            for (var m = 0; m < _methods.Count; m++)
            {
                var report = PilotStudy.FromPublished(published, design, cf, new PilotOptions(minGroupSize, _methods[m]));
                foreach (var e in report.Effects)
                {
                    var k = EnumNames.Of(e.Kpi);
                    var prefix = m == 0 ? k : $"{k}_{MethodKey(_methods[m])}";
                    effects[$"{prefix}_lower"] = e.Did?.Lower;
                    effects[$"{prefix}_upper"] = e.Did?.Upper;
                    effects[$"{prefix}_p"] = e.Did?.P;
                    effects[$"{prefix}_holm_p"] = e.HolmP;
                    if (m > 0) continue;
                    effects[$"{k}_estimate"] = e.Did?.Estimate;
                    effects[$"{k}_true_effect"] = e.TrueEffect;
                    effects[$"{k}_permutation_p"] = e.Randomisation?.P;
                }
            }
            return new SweepRow(r.Index, r.Seed, r.Values, effects);
        }
        finally { Directory.Delete(dir, true); }
    }

    sealed record PartFile(int Replication, string Seed, string[] Values, Dictionary<string, double?> Effects);

    /// <summary>A finished replication's file, checked against the plan (a damaged or foreign file is refused, naming it).</summary>
    static SweepRow ReadPart(string path, Replication expected)
    {
        string Damaged(string why) => $"{path}: a damaged replication file ({why}); delete it and run the sweep again to redo that replication";
        PartFile? p;
        try { p = JsonSerializer.Deserialize<PartFile>(TextFiles.ReadAllText(path)); }
        catch (JsonException ex) when (!ex.Message.Contains("could not be converted", StringComparison.Ordinal)) { throw new StudyInputException(Damaged(JsonErrors.Describe(ex))); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or InvalidDataException) { throw new StudyInputException(Damaged($"{ex.Message.Split(". Path:", 2)[0]}")); }
        if (p is null || p.Values is null || p.Effects is null || p.Seed is null) throw new StudyInputException(Damaged("a field is missing"));
        if (p.Replication != expected.Index || p.Seed != expected.Seed.ToString(CultureInfo.InvariantCulture) || !p.Values.SequenceEqual(expected.Values))
            throw new StudyInputException(Damaged("its replication, seed or settings are not the plan's"));
        return new SweepRow(p.Replication, expected.Seed, p.Values, p.Effects);
    }
}
