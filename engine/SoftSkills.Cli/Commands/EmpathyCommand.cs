using System.Globalization;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SoftSkills.Data.Csv;
using SoftSkills.Data.External;
using SoftSkills.Data.Files;
using SoftSkills.Measurement.Calibration;
using SoftSkills.Measurement.Empathy;
using SoftSkills.Studies.Empathy;

namespace SoftSkills.Cli.Commands;

/// <summary><c>softskills empathy train|score|evaluate</c>: the empathy auto-coder on EPITOME-style data and on data folders.</summary>
public static class EmpathyCommand
{
    static IReadOnlyDictionary<EmpathyMechanism, (double Accuracy, double MacroF1)> Published => EmpathyEvaluation.PublishedRoberta;

    public static Command Create()
    {
        var command = new Command("empathy", "The empathy auto-coder: train the classifier, score a data folder's replies, evaluate against human labels.");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Score());
        command.Subcommands.Add(Evaluate());
        command.Subcommands.Add(Replay());
        return command;
    }

    static Option<DirectoryInfo> EpitomeData() => new("--data")
    {
        Description = $"folder with EPITOME's three *-reddit.csv files (from {Epitome.Source}); its split.csv is used when present, else the split is derived from sp_id",
        Required = true,
    };
    static Option<string> Learner() => AcceptOnly(new Option<string>("--learner") { Description = "lightgbm (default) or sdca (linear)", DefaultValueFactory = _ => "lightgbm" }, "sdca", "lightgbm");
    static readonly Option<int> Folds = new("--folds") { Description = "folds for tuning the class weights for macro-F1 on the train split (0: no tuning, the default: tuning did not help on EPITOME)", DefaultValueFactory = _ => 0 };
    static readonly Option<int> Iterations = new("--iterations") { Description = "boosting rounds (lightgbm) or passes (sdca)", DefaultValueFactory = _ => new EmpathyTrainingOptions().Iterations };
    static readonly Option<int> SelectFeatures = new("--select-features") { Description = "keep this many features by mutual information (0: all)", DefaultValueFactory = _ => 0 };

    static readonly Option<double> Balance = new("--class-balance") { Description = "weight examples by (n / (3 n_class))^b against class imbalance (0: unweighted)", DefaultValueFactory = _ => new EmpathyTrainingOptions().ClassBalance };

    static readonly Option<string> Rationales = AcceptOnly(new Option<string>("--rationales")
    {
        Description = "on: add features from sentence models fitted on the annotators' rationales (EPITOME); off: without them",
        DefaultValueFactory = _ => new EmpathyTrainingOptions().Rationales ? "on" : "off",
    }, "on", "off");

    static Option<int> Seed() => new("--seed") { Description = "training seed", DefaultValueFactory = _ => new EmpathyTrainingOptions().Seed };

    static Option<string> AcceptOnly(Option<string> o, params string[] values) { o.AcceptOnlyFromAmong(values); return o; }

    static EmpathyTrainingOptions TrainingOptions(ParseResult parse, Option<string> learner, Option<int> seed) =>
        new()
        {
            Learner = parse.GetValue(learner) == "lightgbm" ? EmpathyLearner.LightGbm : EmpathyLearner.Sdca, Seed = parse.GetValue(seed),
            Folds = Inputs.Range("--folds", parse.GetValue(Folds), 0, 20), TuneClassWeights = parse.GetValue(Folds) > 1,
            Iterations = Inputs.Range("--iterations", parse.GetValue(Iterations), 1, 100_000),
            SelectedFeatures = Inputs.Range("--select-features", parse.GetValue(SelectFeatures), 0, 10_000_000),
            ClassBalance = Inputs.Range("--class-balance", parse.GetValue(Balance), 0, 5),
            Rationales = parse.GetValue(Rationales) == "on",
        };

    static List<EmpathyExample> Examples(DirectoryInfo data, string split)
    {
        if (!data.Exists) throw new BadInputException($"EPITOME folder '{data.FullName}' does not exist: get the three *-reddit.csv files from {Epitome.Source}");
        var pairs = Epitome.ReadPairs(data.FullName).Where(p => p.Split == split).ToList();
        if (pairs.Count == 0) throw new BadInputException($"{data.FullName}: no pairs in split '{split}'");
        var examples = pairs.Select(EmpathyExample.Of).ToList();
        if (split == "train" && EmpathyClassifier.MissingLevel(examples) is { } missing)
            throw new BadInputException($"{Epitome.FileOf(data.FullName, missing.Mechanism.JsonName().Replace('_', '-'))}: no pair of the train split is at level {missing.Level}; the classifier needs every level of every mechanism to train");
        return examples;
    }

    static Command Train()
    {
        var (data, learner, seed) = (EpitomeData(), Learner(), Seed());
        var output = new Option<FileInfo>("--out") { Description = "the model file to write", Required = true };
        var command = new Command("train", "Train the mechanism classifiers on the train split and save the model.") { data, output, learner, seed, Folds, Iterations, SelectFeatures, Balance, Rationales };
        command.SetAction(parse =>
        {
            var examples = Examples(parse.GetValue(data)!, "train");
            var clock = Stopwatch.StartNew();
            var classifier = EmpathyClassifier.Train(examples, TrainingOptions(parse, learner, seed));
            var path = parse.GetValue(output)!.FullName;
            classifier.Save(path);
            var result = new JsonObject
            {
                ["model"] = path, ["examples"] = examples.Count, ["learner"] = classifier.Options.Learner.ToString().ToLowerInvariant(),
                ["seed"] = classifier.Options.Seed, ["rationales"] = classifier.Options.Rationales, ["seconds"] = JsonOut.Number(clock.Elapsed.TotalSeconds),
                ["class_weights"] = new JsonObject(EmpathyMechanisms.All.Select(m => KeyValuePair.Create(m.JsonName(),
                    (JsonNode?)new JsonArray(classifier.ClassWeights(m).Select(w => (JsonNode?)JsonOut.Number(w)).ToArray())))),
            };
            if (CommonOptions.Json(parse)) JsonOut.Print(result);
            else Console.WriteLine($"trained on {examples.Count} pairs in {clock.Elapsed.TotalSeconds:F1} s: {path}");
            return ExitCode.Ok;
        });
        return command;
    }

    static Command Score()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "a softskills data folder (events with reply texts)", Required = true };
        var model = new Option<FileInfo?>("--model") { Description = "a model from `empathy train` (without it, the marker coder alone)" };
        var output = new Option<FileInfo>("--out") { Description = "the ratings file to write (.csv or .parquet): the folder's ratings with auto RES ratings added", Required = true };
        var calibration = new Option<FileInfo?>("--calibration-out")
        {
            Description = "also write calibrate's --auto file: item_id, score, confidence (with a model), team_id, attr_first_language",
        };
        var command = new Command("score", "Add auto ratings (kpi res) of every reply with text to a data folder's ratings.") { data, model, output, calibration };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(data)!;
            if (!dir.Exists) throw new BadInputException($"data folder '{dir.FullName}' does not exist");
            var coder = new EmpathyAutoCoder(LoadModel(parse.GetValue(model)));
            var clock = Stopwatch.StartNew();
            var folder = new DataFolder(dir.FullName);
            var people = folder.Employees().ToDictionary(e => e.EmployeeId, StringComparer.Ordinal);
            var rows = new System.Text.StringBuilder("item_id,score,confidence,team_id,attr_first_language\n");
            var n = coder.AddRatings(folder, parse.GetValue(output)!.FullName, onCoded: (reply, coded) =>
            {
                var who = reply.ActorId is { } a && people.TryGetValue(a, out var e) ? e : null;
                rows.Append(string.Join(',', CsvFormat.Escape(reply.EventId), coded.Level.ToString(CultureInfo.InvariantCulture),
                    coded.Confidence is { } c ? CsvFormat.Real(c) : "", CsvFormat.Escape(reply.TeamId), CsvFormat.Escape(who?.Attribute("attr_first_language") ?? ""))).Append('\n');
            });
            if (parse.GetValue(calibration) is { } calibrationFile) AtomicOutputs.WriteText(calibrationFile.FullName, rows.ToString());
            var result = new JsonObject { ["ratings"] = parse.GetValue(output)!.FullName, ["replies_coded"] = n, ["rater_id"] = coder.RaterId, ["seconds"] = JsonOut.Number(clock.Elapsed.TotalSeconds) };
            if (CommonOptions.Json(parse)) JsonOut.Print(result);
            else Console.WriteLine($"coded {n} replies as {coder.RaterId}: {parse.GetValue(output)!.FullName}");
            return ExitCode.Ok;
        });
        return command;
    }

    static EmpathyClassifier? LoadModel(FileInfo? file)
    {
        if (file is null) return null;
        if (!file.Exists) throw new BadInputException($"model file '{file.FullName}' does not exist");
        return EmpathyClassifier.Load(file.FullName);
    }

    static Command Replay()
    {
        var (data, learner, seed) = (EpitomeData(), Learner(), Seed());
        var model = new Option<FileInfo?>("--model") { Description = "a model from `empathy train` (without it, one is trained on the train split first)" };
        var rounds = new Option<int>("--rounds") { Description = "batches the items arrive in, one calibration round each", DefaultValueFactory = _ => 6 };
        var replies = new Option<DirectoryInfo?>("--replies") { Description = "replay on this data folder's replies rated by people (e.g. a simulation) instead of EPITOME's test split" };
        var command = new Command("replay", "Replay the calibration loop with confidence routing: when the coder is trusted, how much it labels itself, and how right it is there.")
        {
            data, model, rounds, replies, learner, seed, Folds, Iterations, SelectFeatures, Balance, Rationales,
        };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var n = Inputs.Range("--rounds", parse.GetValue(rounds), 2, 1000);
            var classifier = LoadModel(parse.GetValue(model)) ?? EmpathyClassifier.Train(Examples(parse.GetValue(data)!, "train"), TrainingOptions(parse, learner, seed));
            var policy = new SoftSkills.Measurement.Calibration.CalibrationPolicy();
            var on = parse.GetValue(replies);
            ReplayResult result;
            if (on is null) result = EmpathyReplay.OnExamples(Examples(parse.GetValue(data)!, "test"), classifier, n, policy);
            else
            {
                if (!on.Exists) throw new BadInputException($"data folder '{on.FullName}' does not exist");
                result = EmpathyReplay.OnReplies(new DataFolder(on.FullName), classifier, n, policy);
            }
            var json = ReplayJson(result, on is null ? $"EPITOME test split ({Epitome.SplitSource(parse.GetValue(data)!.FullName)})" : on.FullName, clock.Elapsed.TotalSeconds);
            if (CommonOptions.Json(parse)) JsonOut.Print(json);
            else PrintReplay(result, (string)json["items_from"]!, clock.Elapsed.TotalSeconds);
            return ExitCode.Ok;
        });
        return command;
    }

    static JsonObject Share(Proportion p) => new()
    {
        ["value"] = JsonOut.Number(p.Value), ["wilson_low"] = JsonOut.Number(p.Trials == 0 ? double.NaN : p.Lower),
        ["wilson_high"] = JsonOut.Number(p.Trials == 0 ? double.NaN : p.Upper), ["n"] = p.Trials,
    };

    static JsonObject ReplayJson(ReplayResult r, string from, double seconds) => new()
    {
        ["items_from"] = from,
        ["items"] = r.State.SeenItems.Count,
        ["bar"] = r.State.Policy.PrecisionBar, ["risk_level"] = r.State.Policy.RiskLevel,
        ["audit_mode_reached_round"] = r.AuditModeReachedRound,
        ["auto_share"] = JsonOut.Number(r.AutoShare),
        ["precision_auto"] = Share(r.PrecisionAuto),
        ["negative_agreement_auto"] = Share(r.NegativeAgreementAuto),
        ["agreement_auto"] = Share(r.AgreementAuto),
        ["reviewed"] = r.Reviewed,
        ["rounds"] = new JsonArray(r.State.Rounds.Select(x => (JsonNode?)new JsonObject
        {
            ["round"] = x.Round, ["mode"] = x.Mode.ToString().ToLowerInvariant(), ["next_mode"] = x.NextMode.ToString().ToLowerInvariant(),
            ["precision"] = JsonOut.Number(x.Precision), ["precision_items"] = x.PrecisionTrials,
            ["threshold"] = JsonOut.Number(x.Threshold), ["negative_threshold"] = JsonOut.Number(x.NegativeThreshold),
            ["routed_precision"] = x.RoutedPrecision is { } rp ? Share(rp) : null,
            ["new_items"] = x.NewItems, ["sampled"] = x.Sampled, ["auto_labelled"] = x.AutoLabelled, ["auto_share"] = JsonOut.Number(x.NewItems == 0 ? null : x.AutoShare),
        }).ToArray()),
        ["seconds"] = JsonOut.Number(seconds),
    };

    static void PrintReplay(ReplayResult r, string from, double seconds)
    {
        TextOut.Table($"Calibration replay with confidence routing on {from}", ["round", "mode → next", "precision (items)", "threshold (+ / −)", "new items", "reviewed", "auto-labelled"],
            r.State.Rounds.Select(x => (IReadOnlyList<string>)[x.Round.ToString(CultureInfo.InvariantCulture), $"{x.Mode} → {x.NextMode}".ToLowerInvariant(),
                $"{TextOut.Number(x.Precision, 2)} ({x.PrecisionTrials})", $"{TextOut.Number(x.Threshold, 2)} / {TextOut.Number(x.NegativeThreshold, 2)}",
                x.NewItems.ToString(CultureInfo.InvariantCulture), x.Sampled.ToString(CultureInfo.InvariantCulture), x.AutoLabelled.ToString(CultureInfo.InvariantCulture)]),
            "round", "new items", "reviewed", "auto-labelled");
        TextOut.Line(r.AuditModeReachedRound is { } round
            ? $"Audit mode from round {round}: the coder labelled {TextOut.Number(100 * r.AutoShare, 1)}% of the items arriving after that itself, and put "
              + $"{TextOut.Number(100 * r.AgreementAuto.Value, 1)}% of them on the side of Competent the people did (Wilson 95% from {TextOut.Number(100 * r.AgreementAuto.Lower, 1)}%, n = {r.AgreementAuto.Trials}); "
              + (r.PrecisionAuto.Trials == 0 ? "it earned no threshold for its level-≥-2 calls, so people reviewed all of those. "
                  : $"its level-≥-2 calls were right {TextOut.Number(100 * r.PrecisionAuto.Value, 1)}% of the time (from {TextOut.Number(100 * r.PrecisionAuto.Lower, 1)}%, n = {r.PrecisionAuto.Trials}). ")
              + $"Its level-<-2 calls were right {TextOut.Number(100 * r.NegativeAgreementAuto.Value, 1)}% (n = {r.NegativeAgreementAuto.Trials})."
            : $"Audit mode was never reached: no confidence threshold made the coder's calls right at least {r.State.Policy.PrecisionBar:0.00} of the time with {100 * (1 - r.State.Policy.RiskLevel):0}% confidence; every item stays under heavy review.");
        TextOut.Line($"{r.Reviewed} items sent to review in {seconds:0} s.");
    }

    static Command Evaluate()
    {
        var (data, learner, seed) = (EpitomeData(), Learner(), Seed());
        var split = AcceptOnly(new Option<string>("--split") { Description = "the split to evaluate on", DefaultValueFactory = _ => "test" }, "train", "test");
        var model = new Option<FileInfo?>("--model") { Description = "a model from `empathy train` (without it, one is trained on the train split first)" };
        var command = new Command("evaluate", "Accuracy, macro-F1, per-class precision/recall/F1 and confusion of the classifier and of the markers alone.")
        {
            data, split, model, learner, seed, Folds, Iterations, SelectFeatures, Balance, Rationales,
        };
        command.SetAction(parse =>
        {
            var examples = Examples(parse.GetValue(data)!, parse.GetValue(split)!);
            var classifier = LoadModel(parse.GetValue(model)) ?? EmpathyClassifier.Train(Examples(parse.GetValue(data)!, "train"), TrainingOptions(parse, learner, seed));
            var evaluation = EmpathyEvaluation.Run(examples, classifier);
            var result = new JsonObject
            {
                ["split"] = parse.GetValue(split), ["split_source"] = Epitome.SplitSource(parse.GetValue(data)!.FullName), ["items"] = evaluation.Items,
                ["mechanisms"] = Reports(evaluation.Model!), ["markers_only"] = Reports(evaluation.MarkersOnly),
                ["published_roberta"] = new JsonObject(Published.Select(p => KeyValuePair.Create(p.Key.JsonName(),
                    (JsonNode?)new JsonObject { ["accuracy"] = p.Value.Accuracy / 100, ["macro_f1"] = p.Value.MacroF1 / 100 }))),
            };
            if (CommonOptions.Json(parse)) JsonOut.Print(result);
            else
                foreach (var m in EmpathyMechanisms.All)
                {
                    var (r, k) = (evaluation.Model![m], evaluation.MarkersOnly[m]);
                    Console.WriteLine($"{m.JsonName(),-20} model {100 * r.Accuracy:F2} / {100 * r.MacroF1:F2}   markers {100 * k.Accuracy:F2} / {100 * k.MacroF1:F2}   paper {Published[m].Accuracy:F2} / {Published[m].MacroF1:F2}  (accuracy / macro-F1 %)");
                }
            return ExitCode.Ok;
        });
        return command;
    }

    static JsonObject Reports(IReadOnlyDictionary<EmpathyMechanism, ClassificationReport> reports) =>
        new(EmpathyMechanisms.All.Select(m => KeyValuePair.Create(m.JsonName(), (JsonNode?)Report(reports[m]))));

    static JsonObject Report(ClassificationReport r) => new()
    {
        ["accuracy"] = JsonOut.Number(r.Accuracy),
        ["macro_f1"] = JsonOut.Number(r.MacroF1),
        ["per_class"] = new JsonObject(r.PerClass.Select(c => KeyValuePair.Create(c.Label.ToString(System.Globalization.CultureInfo.InvariantCulture), (JsonNode?)new JsonObject
        {
            ["precision"] = JsonOut.Number(c.Precision), ["recall"] = JsonOut.Number(c.Recall), ["f1"] = JsonOut.Number(c.F1), ["support"] = c.Support,
        }))),
        ["confusion"] = new JsonArray(Enumerable.Range(0, r.Confusion.GetLength(0)).Select(i =>
            (JsonNode?)new JsonArray(Enumerable.Range(0, r.Confusion.GetLength(1)).Select(j => (JsonNode?)r.Confusion[i, j]).ToArray())).ToArray()),
    };
}
