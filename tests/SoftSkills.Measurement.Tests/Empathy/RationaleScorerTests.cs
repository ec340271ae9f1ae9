using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Measurement.Tests.Empathy;

/// <summary>
/// The rationale features on replies whose interpretation level is shown by one sentence, marked as the rationale, among
/// filler: the sentence models find that sentence, and a training reply's features never depend on its own label.
/// </summary>
public class RationaleScorerTests
{
    static readonly string[] Fillers = ["Take care of yourself.", "Thanks for posting this here.", "The weather is grey today.", "Good luck with everything."];
    static readonly string[] Shows = ["", "I understand.", "I went through the same thing last year and it broke me."];

    static List<EmpathyExample> Examples(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(i =>
        {
            var level = rng.Next(3);
            var filler = Fillers[rng.Next(Fillers.Length)];
            var reply = level == 0 ? $"{filler} Reply {i}." : $"{filler} {Shows[level]} Reply {i}.";
            // The other mechanisms' levels are noise (a classifier needs every level of every mechanism to train).
            return new EmpathyExample("I feel lost.", reply, rng.Next(3), level, rng.Next(3), InterpretationsRationale: level == 0 ? null : Shows[level] + "|");
        }).ToList();
    }

    static float Feature(float[] v, EmpathyMechanism m, int k) => v[(int)m * RationaleScorer.FeaturesPerMechanism + k];

    [Fact]
    public void The_sentence_that_shows_the_level_gets_the_probability()
    {
        var (scorer, _) = RationaleScorer.Fit(Examples(200, 1), 1);
        var weak = scorer.Features("Good luck with everything. I understand. Bye now.");
        var strong = scorer.Features("Take care of yourself. I went through the same thing last year and it broke me.");
        var none = scorer.Features("Take care of yourself. Good luck with everything.");
        Assert.Equal(RationaleScorer.Count, weak.Length);
        Assert.True(Feature(weak, EmpathyMechanism.Interpretations, 0) > 0.9, $"max P(weak) {Feature(weak, EmpathyMechanism.Interpretations, 0)}");
        Assert.True(Feature(strong, EmpathyMechanism.Interpretations, 1) > 0.9, $"max P(strong) {Feature(strong, EmpathyMechanism.Interpretations, 1)}");
        Assert.True(Feature(none, EmpathyMechanism.Interpretations, 0) < 0.1 && Feature(none, EmpathyMechanism.Interpretations, 1) < 0.1);
        // Emotional reactions' levels are noise without rationales: every sentence of a reply with a level counts, so the
        // interpretation sentence is no stronger evidence of a weak reaction than the filler.
        Assert.InRange(Feature(weak, EmpathyMechanism.EmotionalReactions, 0), 0.1, 0.6);
    }

    [Fact]
    public void A_training_replys_features_come_from_models_that_never_saw_its_label()
    {
        var examples = Examples(120, 2);
        var (_, before) = RationaleScorer.Fit(examples, 1);
        var changed = examples.ToList();
        changed[7] = changed[7] with { Interpretations = (changed[7].Interpretations + 1) % 3, InterpretationsRationale = changed[7].Response };
        var (_, after) = RationaleScorer.Fit(changed, 1);
        Assert.Equal(before[7], after[7]);
        Assert.Contains(Enumerable.Range(0, examples.Count), i => !before[i].SequenceEqual(after[i])); // the others' models did change
        Assert.Equal(before, RationaleScorer.Fit(examples, 1).TrainingFeatures); // and the fit is reproducible
    }

    [Fact]
    public void A_classifier_refuses_examples_missing_a_level()
    {
        var examples = Examples(60, 6).Select(e => e.Explorations == 1 ? e with { Explorations = 2 } : e).ToList();
        var ex = Assert.Throws<ArgumentException>(() => EmpathyClassifier.Train(examples, new EmpathyTrainingOptions { Iterations = 5 }));
        Assert.Contains("explorations at level 1", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Smoothing_must_be_positive(double smoothing) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RationaleScorer.Fit(Examples(20, 5), smoothing));

    [Fact]
    public void A_classifier_with_rationale_features_saves_and_loads_them()
    {
        var options = new EmpathyTrainingOptions { Iterations = 30, Rationales = true, RationaleSmoothing = 0.5 };
        var classifier = EmpathyClassifier.Train(Examples(300, 3), options);
        var test = Examples(60, 4);
        using var dir = new TempFolder();
        classifier.Save(dir.File("model.zip"));
        var loaded = EmpathyClassifier.Load(dir.File("model.zip"));
        Assert.Equal(options, loaded.Options);
        Assert.Equal(classifier.Probabilities(test).Select(p => p.Interpretations), loaded.Probabilities(test).Select(p => p.Interpretations));
        Assert.True(EmpathyEvaluation.Run(test, loaded).Model![EmpathyMechanism.Interpretations].Accuracy > 0.95);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("[{\"emotional_reactions\": {\"smoothing\": 1, \"sentences\": [1, 2], \"grams\": {}}}]")]
    [InlineData("[{\"emotional_reactions\": {\"smoothing\": 0, \"sentences\": [1, 2, 3], \"grams\": {}}}]")]
    [InlineData("[{\"emotional_reactions\": {\"smoothing\": 1, \"sentences\": [1, 2, 3], \"grams\": {\"a\": [1, -2, 0]}}}]")]
    public void A_model_with_a_damaged_rationale_entry_is_refused(string entry)
    {
        using var dir = new TempFolder();
        EmpathyClassifier.Train(Examples(120, 7), new EmpathyTrainingOptions { Iterations = 5 }).Save(dir.File("model.zip"));
        using (var zip = System.IO.Compression.ZipFile.Open(dir.File("model.zip"), System.IO.Compression.ZipArchiveMode.Update))
        {
            zip.GetEntry("rationales.json")!.Delete();
            using var w = new StreamWriter(zip.CreateEntry("rationales.json").Open());
            w.Write(entry);
        }
        var ex = Assert.Throws<InvalidDataException>(() => EmpathyClassifier.Load(dir.File("model.zip")));
        Assert.Contains("rationales.json", ex.Message);
    }
}
