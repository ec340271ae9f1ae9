namespace SoftSkills.Measurement.Empathy;

/// <summary>Precision, recall and F1 of one class, with its support (true count).</summary>
public sealed record ClassMetrics(int Label, double Precision, double Recall, double F1, int Support);

/// <summary>Accuracy, macro-F1, per-class metrics and the confusion matrix (rows = true level, columns = predicted).</summary>
public sealed record ClassificationReport(double Accuracy, double MacroF1, IReadOnlyList<ClassMetrics> PerClass, int[,] Confusion, int Items)
{
    /// <summary>
    /// Scores predictions against truth over labels 0..classes−1. Precision or recall with an empty denominator counts as 0,
    /// and macro-F1 is the unweighted mean of the per-class F1 (as scikit-learn's f1_score(average="macro") computes it).
    /// </summary>
    public static ClassificationReport Of(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes)
    {
        if (truth.Count != predicted.Count) throw new ArgumentException("truth and predictions differ in length");
        if (truth.Count == 0) throw new ArgumentException("nothing to score");
        var confusion = new int[classes, classes];
        for (var i = 0; i < truth.Count; i++) confusion[truth[i], predicted[i]]++;
        var perClass = new List<ClassMetrics>(classes);
        var correct = 0;
        for (var c = 0; c < classes; c++)
        {
            correct += confusion[c, c];
            int row = 0, column = 0;
            for (var k = 0; k < classes; k++) { row += confusion[c, k]; column += confusion[k, c]; }
            var precision = column == 0 ? 0 : confusion[c, c] / (double)column;
            var recall = row == 0 ? 0 : confusion[c, c] / (double)row;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(c, precision, recall, f1, row));
        }
        return new ClassificationReport(correct / (double)truth.Count, perClass.Average(m => m.F1), perClass, confusion, truth.Count);
    }
}
