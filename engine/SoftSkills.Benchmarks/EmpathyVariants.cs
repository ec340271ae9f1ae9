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
            .Select(p => new EmpathyExample(p.SeekerPost, p.ResponsePost, p.EmotionalReactions, p.Interpretations, p.Explorations)).ToList();
        var (train, test) = (Split("train"), Split("test"));
        var only = args.Get("--only", "");
        foreach (var (name, options) in Variants())
        {
            if (only.Length > 0 && !only.Split(',').Contains(name)) continue;
            var t = Stopwatch.StartNew();
            var evaluation = EmpathyEvaluation.Run(test, EmpathyClassifier.Train(train, options));
            var cells = EmpathyMechanisms.All.Select(m => $"{evaluation.Model![m].Accuracy * 100:F2} / {evaluation.Model[m].MacroF1 * 100:F2}");
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} | {t.Elapsed.TotalSeconds:F0} |");
        }
        return 0;
    }

    static IEnumerable<(string, EmpathyTrainingOptions)> Variants()
    {
        var d = new EmpathyTrainingOptions();
        yield return ("default", d);
        yield return ("slow-300", d with { Iterations = 300, LearningRate = 0.05 });
        yield return ("leaves-8", d with { Leaves = 8, Iterations = 200, LearningRate = 0.1 });
        yield return ("leaf-min-5", d with { MinimumLeafExamples = 5 });
        yield return ("features-0.3", d with { FeatureFraction = 0.3, Iterations = 200, LearningRate = 0.1 });
        yield return ("words-1-2", d with { WordNgrams = 2 });
        yield return ("words-1-2-features-0.3", d with { WordNgrams = 2, FeatureFraction = 0.3, Iterations = 200, LearningRate = 0.1 });
        yield return ("features-0.3-balance-0.5", d with { FeatureFraction = 0.3, Iterations = 200, LearningRate = 0.1, ClassBalance = 0.5 });
        yield return ("balance-0.5-tuned", d with { ClassBalance = 0.5, Folds = 5, TuneClassWeights = true });
    }
}
