using System.Diagnostics;
using SoftSkills.Data.External;
using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Benchmarks;

/// <summary>Classifier variants trained on EPITOME's train split and scored on its test split (docs/benchmarks.md, empathy).</summary>
static class EmpathyVariants
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var folder = args.Get("--data", Path.Combine("..", "shared", "data", "epitome"));
        if (!Directory.Exists(folder)) { Console.Error.WriteLine($"{folder} is absent: the variants read EPITOME"); return 2; }
        var pairs = Epitome.ReadPairs(folder);
        List<EmpathyExample> Split(string s) => pairs.Where(p => p.Split == s)
            .Select(EmpathyExample.Of).ToList();
        var (train, test) = (Split("train"), Split("test"));
        var only = args.Get("--only", "");
        var seed = (int)args.GetLong("--seed", new EmpathyTrainingOptions().Seed);
        var folds = (int)args.GetLong("--cv-train", 0);
        foreach (var (name, variant) in Variants())
        {
            var options = variant with { Seed = seed };
            if (only.Length > 0 && !only.Split(',').Contains(name)) continue;
            var t = Stopwatch.StartNew();
            if (folds > 1)
            {
                // Cross-validation within the train split (folds by seeker post), pooled: for choosing settings without the test split.
                var fold = train.Select(e => (int)(Fnv(e.Request) % (ulong)folds)).ToArray();
                var truth = new List<EmpathyExample>();
                var predicted = new List<MechanismLevels>();
                for (var f = 0; f < folds; f++)
                {
                    var held = train.Where((_, i) => fold[i] == f).ToList();
                    truth.AddRange(held);
                    predicted.AddRange(EmpathyClassifier.Train(train.Where((_, i) => fold[i] != f).ToList(), options).Predict(held));
                }
                var pooled = EmpathyMechanisms.All.Select(m => ClassificationReport.Of(truth.Select(e => e.LevelOf(m)).ToArray(), predicted.Select(l => l[m]).ToArray(), 3));
                Console.WriteLine($"| {name} ({folds}-fold on train) | {string.Join(" | ", pooled.Select(r => $"{r.Accuracy * 100:F2} / {r.MacroF1 * 100:F2}"))} | {t.Elapsed.TotalSeconds:F0} |");
                continue;
            }
            var classifier = EmpathyClassifier.Train(train, options);
            var evaluation = EmpathyEvaluation.Run(test, classifier);
            var cells = EmpathyMechanisms.All.Select(m => $"{evaluation.Model![m].Accuracy * 100:F2} / {evaluation.Model[m].MacroF1 * 100:F2}");
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} | {t.Elapsed.TotalSeconds:F0} |");
            if (!args.Has("--per-class")) continue;
            var sentences = RationaleScorer.Fit(train, options.RationaleSmoothing).Scorer;
            var sentenceFeatures = test.Select(e => sentences.Features(e.Response)).ToArray();
            foreach (var m in EmpathyMechanisms.All)
            {
                var p = classifier.Probabilities(test).Select(x => (m switch { EmpathyMechanism.EmotionalReactions => x.EmotionalReactions, EmpathyMechanism.Interpretations => x.Interpretations, _ => x.Explorations })[1]).ToArray();
                var weak = test.Select(e => e.LevelOf(m) == 1).ToArray();
                Console.WriteLine($"  {m.JsonName()}: P(weak) ranks weak above the rest with AUC {Auc(p, weak):F3}; best weak F1 at any threshold on test (diagnostic only) {BestF1(p, weak) * 100:F1}");
                var alone = sentenceFeatures.Select(v => (double)v[(int)m * RationaleScorer.FeaturesPerMechanism]).ToArray();
                Console.WriteLine($"  {m.JsonName()}: the sentence models' max P(weak) alone: AUC {Auc(alone, weak):F3}, best weak F1 on test {BestF1(alone, weak) * 100:F1}");
                Console.WriteLine($"  {m.JsonName()}: F1 by level {string.Join(" / ", evaluation.Model![m].PerClass.Select(c => $"{c.F1 * 100:F1}"))}; predicted weak {Enumerable.Range(0, 3).Sum(k => evaluation.Model[m].Confusion[k, 1])} times, {evaluation.Model[m].Confusion[1, 1]} right of {evaluation.Model[m].PerClass[1].Support}");
            }
        }
        return 0;
    }

    static ulong Fnv(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    /// <summary>Area under the ROC curve: P(score of a positive > score of a negative), ties counting half.</summary>
    static double Auc(double[] score, bool[] positive)
    {
        double wins = 0, pairs = 0;
        for (var i = 0; i < score.Length; i++)
            if (positive[i])
                for (var j = 0; j < score.Length; j++)
                    if (!positive[j]) { pairs++; wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0; }
        return wins / pairs;
    }

    static double BestF1(double[] score, bool[] positive)
    {
        var best = 0.0;
        foreach (var t in score.Distinct())
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < score.Length; i++)
                if (score[i] >= t) { if (positive[i]) tp++; else fp++; }
                else if (positive[i]) fn++;
            best = Math.Max(best, 2.0 * tp / (2 * tp + fp + fn));
        }
        return best;
    }

    static IEnumerable<(string, EmpathyTrainingOptions)> Variants()
    {
        var d = new EmpathyTrainingOptions();
        var plain = d with { Rationales = false }; // the earlier variants, measured before rationale features
        yield return ("default", d);
        yield return ("slow-300", plain with { Iterations = 300, LearningRate = 0.05 });
        yield return ("leaves-8", plain with { Leaves = 8, Iterations = 200, LearningRate = 0.1 });
        yield return ("leaf-min-5", plain with { MinimumLeafExamples = 5 });
        yield return ("features-0.3", plain with { FeatureFraction = 0.3, Iterations = 200, LearningRate = 0.1 });
        yield return ("words-1-2", plain with { WordNgrams = 2 });
        yield return ("words-1-2-features-0.3", plain with { WordNgrams = 2, FeatureFraction = 0.3, Iterations = 200, LearningRate = 0.1 });
        yield return ("features-0.3-balance-0.5", plain with { FeatureFraction = 0.3, Iterations = 200, LearningRate = 0.1, ClassBalance = 0.5 });
        yield return ("balance-0.5-tuned", plain with { ClassBalance = 0.5, Folds = 5, TuneClassWeights = true });
        yield return ("no-rationales", plain);
        foreach (var alpha in new[] { 0.01, 0.25, 1 }) yield return (FormattableString.Invariant($"rationales-alpha-{alpha}"), d with { RationaleSmoothing = alpha });
        yield return ("rationales-alpha-1-tuned", d with { RationaleSmoothing = 1, Folds = 5, TuneClassWeights = true });
        yield return ("rationales-alpha-1-balance-0.5", d with { RationaleSmoothing = 1, ClassBalance = 0.5 });
    }
}
