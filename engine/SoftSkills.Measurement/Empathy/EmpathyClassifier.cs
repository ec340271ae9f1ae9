using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.ML;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SoftSkills.Measurement.Empathy;

/// <summary>
/// The empathy auto-coder's learned part: one <see cref="MechanismClassifier"/> per EPITOME mechanism, saved together in
/// one zip file with the settings and class weights, and the mapping of the three levels (and markers) to the 0–3 rubric.
/// </summary>
public sealed class EmpathyClassifier
{
    const string ManifestEntry = "empathy-model.json";
    const string FeaturesEntry = "features.zip";
    const string RationalesEntry = "rationales.json";
    readonly EmpathyFeatures features;
    readonly RationaleScorer? rationales;
    readonly Dictionary<EmpathyMechanism, MechanismClassifier> models;

    public EmpathyTrainingOptions Options { get; }
    public MarkerCoder Markers { get; }

    EmpathyClassifier(EmpathyFeatures features, RationaleScorer? rationales, Dictionary<EmpathyMechanism, MechanismClassifier> models, EmpathyTrainingOptions options, MarkerCoder markers) =>
        (this.features, this.rationales, this.models, Options, Markers) = (features, rationales, models, options, markers);

    /// <summary>Trains the three mechanism classifiers on the examples (the EPITOME train split, or simulated replies).</summary>
    public static EmpathyClassifier Train(IReadOnlyList<EmpathyExample> examples, EmpathyTrainingOptions? options = null, MarkerCoder? markers = null)
    {
        options ??= new EmpathyTrainingOptions();
        markers ??= MarkerCoder.Default;
        if (examples.Count < 10 * Math.Max(1, options.Folds)) throw new ArgumentException($"too few examples to train on ({examples.Count})");
        if (MissingLevel(examples) is { } missing) throw new ArgumentException($"the examples have no {missing.Mechanism.JsonName()} at level {missing.Level}: every mechanism needs examples of levels 0, 1 and 2");
        var ml = new MLContext(options.Seed);
        var (rationales, rationaleFeatures) = options.Rationales ? RationaleScorer.Fit(examples, options.RationaleSmoothing) : default;
        var rows = Rows(examples, markers, null, rationaleFeatures);
        var features = EmpathyFeatures.Fit(ml, rows, options.WordNgrams);
        var models = new Dictionary<EmpathyMechanism, MechanismClassifier>();
        foreach (var m in EmpathyMechanisms.All)
            models[m] = MechanismClassifier.Train(ml, features, rows, LevelColumn(m), r => (int)Level(r, m), options);
        return new EmpathyClassifier(features, rationales, models, options, markers);
    }

    /// <summary>
    /// The first mechanism and level no example has, or null. A model knows only the levels it saw, so one missing
    /// would shift the meaning of its probabilities.
    /// </summary>
    public static (EmpathyMechanism Mechanism, int Level)? MissingLevel(IReadOnlyList<EmpathyExample> examples)
    {
        foreach (var m in EmpathyMechanisms.All)
            for (var level = 0; level < 3; level++)
                if (!examples.Any(e => e.LevelOf(m) == level)) return (m, level);
        return null;
    }

    static string LevelColumn(EmpathyMechanism m) => m.ToString();

    static float Level(EmpathyFeatures.Row r, EmpathyMechanism m) => m switch
    {
        EmpathyMechanism.EmotionalReactions => r.EmotionalReactions,
        EmpathyMechanism.Interpretations => r.Interpretations,
        _ => r.Explorations,
    };

    /// <summary>The predicted level of one mechanism for each example.</summary>
    public int[] Predict(EmpathyMechanism mechanism, IReadOnlyList<EmpathyExample> examples) =>
        models[mechanism].Predict(features.TransformDense(Rows(examples, Markers, null, RationaleFeatures(examples))));

    /// <summary>The three predicted levels of each example.</summary>
    public MechanismLevels[] Predict(IReadOnlyList<EmpathyExample> examples) => Predict(examples, null);

    /// <summary>The three predicted levels of each example, reusing its marker scores when the caller has them.</summary>
    internal MechanismLevels[] Predict(IReadOnlyList<EmpathyExample> examples, IReadOnlyList<MarkerScore>? scores) =>
        PredictWithProbabilities(examples, scores).Levels;

    /// <summary>P(level = 0, 1, 2) of each mechanism for each example.</summary>
    public MechanismProbabilities[] Probabilities(IReadOnlyList<EmpathyExample> examples) => PredictWithProbabilities(examples, null).Probabilities;

    /// <summary>
    /// The predicted levels (the arg-max of the class-weighted probabilities) and the probabilities themselves, which give
    /// the coder's confidence.
    /// </summary>
    internal (MechanismLevels[] Levels, MechanismProbabilities[] Probabilities) PredictWithProbabilities(IReadOnlyList<EmpathyExample> examples, IReadOnlyList<MarkerScore>? scores)
    {
        const int chunk = 2048; // bounds the dense copies
        var levels = new MechanismLevels[examples.Count];
        var probabilities = new MechanismProbabilities[examples.Count];
        for (var start = 0; start < examples.Count; start += chunk)
        {
            var part = examples.Skip(start).Take(chunk).ToList();
            var rows = features.TransformDense(Rows(part, Markers, scores?.Skip(start).Take(chunk).ToList(), RationaleFeatures(part)));
            var p = EmpathyMechanisms.All.Select(m => models[m].Probabilities(rows)).ToArray();
            for (var i = 0; i < part.Count; i++)
            {
                levels[start + i] = new MechanismLevels(
                    ClassWeightSearch.ArgMax(p[0][i], models[EmpathyMechanism.EmotionalReactions].ClassWeights),
                    ClassWeightSearch.ArgMax(p[1][i], models[EmpathyMechanism.Interpretations].ClassWeights),
                    ClassWeightSearch.ArgMax(p[2][i], models[EmpathyMechanism.Explorations].ClassWeights));
                probabilities[start + i] = new MechanismProbabilities(p[0][i], p[1][i], p[2][i]);
            }
        }
        return (levels, probabilities);
    }

    /// <summary>The class-probability multipliers chosen for a mechanism.</summary>
    public IReadOnlyList<double> ClassWeights(EmpathyMechanism mechanism) => models[mechanism].ClassWeights;

    float[][]? RationaleFeatures(IReadOnlyList<EmpathyExample> examples) => rationales is null ? null : [.. examples.Select(e => rationales.Features(e.Response))];

    static List<EmpathyFeatures.Row> Rows(IReadOnlyList<EmpathyExample> examples, MarkerCoder markers, IReadOnlyList<MarkerScore>? scores, float[][]? rationale) =>
        examples.Select((e, i) => new EmpathyFeatures.Row
        {
            Request = e.Request, Response = e.Response,
            Markers = scores is null ? MarkerFeatures.Of(markers, e.Request, e.Response) : MarkerFeatures.Of(scores[i], e.Response),
            Rationale = rationale?[i] ?? new float[RationaleScorer.Count],
            EmotionalReactions = e.EmotionalReactions, Interpretations = e.Interpretations, Explorations = e.Explorations,
        }).ToList();

    /// <summary>
    /// Writes the model file atomically: a zip of the manifest, the fitted featuriser, the rationale models and the three
    /// ML.NET models. The manifest records each entry's SHA-256, so a damaged copy is refused by name on loading.
    /// </summary>
    public void Save(string path) => SoftSkills.Data.Files.AtomicOutputs.WriteFile(path, stream =>
    {
        var entries = new List<(string Name, byte[] Bytes)> { (FeaturesEntry, Saved(features.Save)) };
        if (rationales is not null) entries.Add((RationalesEntry, Saved(rationales.Save)));
        foreach (var m in EmpathyMechanisms.All) entries.Add((m.JsonName() + ".zip", Saved(models[m].Save)));
        var manifest = new JsonObject
        {
            ["format"] = "softskills-empathy-model/1",
            ["lexicon_version"] = Markers.Lexicon.Version,
            ["learner"] = Options.Learner.ToString(),
            ["seed"] = Options.Seed, ["folds"] = Options.Folds, ["selected_features"] = Options.SelectedFeatures, ["iterations"] = Options.Iterations, ["learning_rate"] = Options.LearningRate,
            ["tune_class_weights"] = Options.TuneClassWeights, ["class_balance"] = Options.ClassBalance,
            ["leaves"] = Options.Leaves, ["minimum_leaf_examples"] = Options.MinimumLeafExamples, ["feature_fraction"] = Options.FeatureFraction, ["word_ngrams"] = Options.WordNgrams, ["rationales"] = Options.Rationales, ["rationale_smoothing"] = Options.RationaleSmoothing,
            ["class_weights"] = new JsonObject(EmpathyMechanisms.All.Select(m =>
                KeyValuePair.Create(m.JsonName(), (JsonNode?)new JsonArray(models[m].ClassWeights.Select(w => (JsonNode?)w).ToArray())))),
            ["sha256"] = new JsonObject(entries.Select(e => KeyValuePair.Create(e.Name, (JsonNode?)Convert.ToHexStringLower(SHA256.HashData(e.Bytes))))),
        };
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var s = zip.CreateEntry(ManifestEntry).Open()) JsonSerializer.Serialize(s, manifest, new JsonSerializerOptions { WriteIndented = true });
        foreach (var (name, bytes) in entries)
            using (var s = zip.CreateEntry(name).Open()) s.Write(bytes);
    });

    static byte[] Saved(Action<Stream> save)
    {
        using var buffer = new MemoryStream();
        save(buffer);
        return buffer.ToArray();
    }

    // ML.NET needs a seekable stream, which a zip entry is not.
    static MemoryStream ReadEntry(ZipArchive zip, string name, string path, JsonNode manifest)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"{path}: {name} is missing");
        var buffer = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(buffer);
        if (manifest["sha256"] is JsonObject hashes   // models saved before the hashes were recorded have none
            && (string?)hashes[name] != Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))))
            throw new InvalidDataException($"{path}: {name} is damaged (its SHA-256 is not the one the model recorded): train the model again or restore a good copy");
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>
    /// Reads a model file written by <see cref="Save"/>. A file of another kind, or a damaged one, is an
    /// <see cref="InvalidDataException"/> naming the file, whatever part of it fails to read (ZIP, JSON or ML.NET).
    /// </summary>
    public static EmpathyClassifier Load(string path, MarkerCoder? markers = null)
    {
        try { return Read(path, markers ?? MarkerCoder.Default); }
        catch (InvalidDataException e) when (e.Message.StartsWith(path, StringComparison.Ordinal)) { throw; }
        catch (Exception e) when (e is not (OutOfMemoryException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException))
        {
            var why = e is JsonException json ? SoftSkills.Data.Files.JsonErrors.Describe(json) : e.Message.ReplaceLineEndings(" ");
            throw new InvalidDataException($"{path}: not a usable empathy model (damaged or of another kind: {why}); train one with `empathy train`");
        }
    }

    static EmpathyClassifier Read(string path, MarkerCoder markers)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(ManifestEntry) ?? throw new InvalidDataException($"{path}: not an empathy model (no {ManifestEntry})");
        JsonNode manifest;
        using (var s = entry.Open()) manifest = JsonNode.Parse(s) ?? throw new InvalidDataException($"{path}: {ManifestEntry} is empty");
        if ((string?)manifest["format"] != "softskills-empathy-model/1") throw new InvalidDataException($"{path}: unknown model format '{manifest["format"]}'");
        // The marker features depend on the lexicon: a model must be scored with the lexicon it was trained with.
        if ((string?)manifest["lexicon_version"] != markers.Lexicon.Version)
            throw new InvalidDataException($"{path}: trained with marker lexicon {manifest["lexicon_version"]}, this coder has {markers.Lexicon.Version}: train it again");
        var options = new EmpathyTrainingOptions(Enum.Parse<EmpathyLearner>((string)manifest["learner"]!), (int)manifest["seed"]!, (int)manifest["folds"]!,
            (int)manifest["selected_features"]!, (int)manifest["iterations"]!, (double)manifest["learning_rate"]!, (bool)manifest["tune_class_weights"]!, (double)manifest["class_balance"]!,
            (int?)manifest["leaves"] ?? 0, (int?)manifest["minimum_leaf_examples"] ?? 0, (double?)manifest["feature_fraction"] ?? 1, (int?)manifest["word_ngrams"] ?? 1, (bool?)manifest["rationales"] ?? false,
            (double?)manifest["rationale_smoothing"] ?? 1);
        var ml = new MLContext(options.Seed);
        EmpathyFeatures features;
        using (var buffer = ReadEntry(zip, FeaturesEntry, path, manifest)) features = EmpathyFeatures.Load(ml, buffer);
        RationaleScorer? rationales = null;
        if (options.Rationales)
        {
            using var buffer = ReadEntry(zip, RationalesEntry, path, manifest);
            try { rationales = RationaleScorer.Load(buffer); }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
            {
                throw new InvalidDataException($"{path}: {RationalesEntry} is not a rationale model: {e.Message}", e);
            }
        }
        var models = new Dictionary<EmpathyMechanism, MechanismClassifier>();
        foreach (var m in EmpathyMechanisms.All)
        {
            var weights = manifest["class_weights"]![m.JsonName()]!.AsArray().Select(w => (double)w!).ToArray();
            using var buffer = ReadEntry(zip, m.JsonName() + ".zip", path, manifest);
            models[m] = MechanismClassifier.Load(ml, buffer, weights);
        }
        return new EmpathyClassifier(features, rationales, models, options, markers);
    }
}
