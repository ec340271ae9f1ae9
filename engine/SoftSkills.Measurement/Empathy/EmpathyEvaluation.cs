namespace SoftSkills.Measurement.Empathy;

/// <summary>Per-mechanism reports of a classifier (when given) and of the marker coder alone on the same examples.</summary>
public sealed record EmpathyEvaluation(
    IReadOnlyDictionary<EmpathyMechanism, ClassificationReport>? Model,
    IReadOnlyDictionary<EmpathyMechanism, ClassificationReport> MarkersOnly,
    int Items)
{
    /// <summary>Sharma et al. (2020, EMNLP) Table 3, the fine-tuned RoBERTa model on this test setting: accuracy, macro-F1 (%).</summary>
    public static readonly IReadOnlyDictionary<EmpathyMechanism, (double Accuracy, double MacroF1)> PublishedRoberta =
        new Dictionary<EmpathyMechanism, (double, double)>
        {
            [EmpathyMechanism.EmotionalReactions] = (79.43, 74.46),
            [EmpathyMechanism.Interpretations] = (84.04, 62.60),
            [EmpathyMechanism.Explorations] = (92.61, 72.58),
        };

    /// <summary>Scores both coders against the examples' human levels.</summary>
    public static EmpathyEvaluation Run(IReadOnlyList<EmpathyExample> examples, EmpathyClassifier? classifier, MarkerCoder? markers = null)
    {
        markers ??= classifier?.Markers ?? MarkerCoder.Default;
        var fromMarkers = examples.Select(e => EmpathyRubricMapping.FromMarkers(markers.Score(e.Response, e.Request), markers.Lexicon)).ToArray();
        var predicted = classifier?.Predict(examples);
        var markerReports = new Dictionary<EmpathyMechanism, ClassificationReport>();
        var modelReports = predicted is null ? null : new Dictionary<EmpathyMechanism, ClassificationReport>();
        foreach (var m in EmpathyMechanisms.All)
        {
            var truth = examples.Select(e => e.LevelOf(m)).ToArray();
            markerReports[m] = ClassificationReport.Of(truth, fromMarkers.Select(l => l[m]).ToArray(), 3);
            if (predicted is not null) modelReports![m] = ClassificationReport.Of(truth, predicted.Select(l => l[m]).ToArray(), 3);
        }
        return new EmpathyEvaluation(modelReports, markerReports, examples.Count);
    }
}
