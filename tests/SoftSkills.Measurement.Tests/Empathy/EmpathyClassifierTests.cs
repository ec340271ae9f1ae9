using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Measurement.Tests.Empathy;

/// <summary>The classifier on synthetic replies whose levels follow from their phrases: reproducible, and its file round-trips.</summary>
public class EmpathyClassifierTests
{
    static readonly string[] Requests = ["I feel so alone since the move.", "My exams went badly and I'm scared.", "Work is crushing me lately.", "I can't sleep anymore."];
    static readonly string[] Feelings = ["", "That sucks.", "I'm so sorry, that's awful, sending hugs."];
    static readonly string[] Understanding = ["", "Sounds like a change.", "I've been there, I know exactly how that feels."];
    static readonly string[] Questions = ["", "Anything new?", "What happened at work that made it worse?"];

    static List<EmpathyExample> Examples(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ =>
        {
            var (er, ip, ex) = (rng.Next(3), rng.Next(3), rng.Next(3));
            var reply = string.Join(' ', new[] { Feelings[er], Understanding[ip], Questions[ex], "Take care." }.Where(s => s.Length > 0));
            return new EmpathyExample(Requests[rng.Next(Requests.Length)], reply, er, ip, ex);
        }).ToList();
    }

    static readonly EmpathyTrainingOptions Quick = new() { Iterations = 30 };

    [Fact]
    public void Training_is_reproducible_and_learns_the_levels()
    {
        var train = Examples(300, 1);
        var test = Examples(90, 2);
        var a = EmpathyEvaluation.Run(test, EmpathyClassifier.Train(train, Quick));
        var b = EmpathyEvaluation.Run(test, EmpathyClassifier.Train(train, Quick));
        foreach (var m in EmpathyMechanisms.All)
        {
            Assert.Equal(a.Model![m].Confusion, b.Model![m].Confusion);
            Assert.Equal(1.0, a.Model[m].Accuracy, 12); // the phrases determine the levels exactly
        }
    }

    [Fact]
    public void A_saved_model_predicts_what_it_predicted_before()
    {
        var classifier = EmpathyClassifier.Train(Examples(300, 3), Quick);
        var test = Examples(60, 4);
        using var dir = new TempFolder();
        classifier.Save(dir.File("model.zip"));
        var loaded = EmpathyClassifier.Load(dir.File("model.zip"));
        Assert.Equal(classifier.Predict(test), loaded.Predict(test));
        Assert.Equal(Quick with { }, loaded.Options);
        Assert.Single(Directory.GetFiles(dir.Path)); // no temporary file left behind
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var dir = new TempFolder();
        System.IO.Compression.ZipFile.Open(dir.File("x.zip"), System.IO.Compression.ZipArchiveMode.Create).Dispose();
        Assert.Throws<InvalidDataException>(() => EmpathyClassifier.Load(dir.File("x.zip")));
    }

    [Fact]
    public void The_auto_coder_maps_predicted_mechanisms_to_the_rubric()
    {
        var coder = new EmpathyAutoCoder(EmpathyClassifier.Train(Examples(300, 5), Quick));
        var coded = coder.Code([(Requests[0], "I'm so sorry, that's awful, sending hugs. I've been there, I know exactly how that feels. Take care."), (Requests[1], "Take care.")]);
        Assert.Equal(new MechanismLevels(2, 2, 0), coded[0].Mechanisms);
        Assert.Equal(2, coded[0].Level); // total 4: Competent
        Assert.Equal(0, coded[1].Level);
        Assert.StartsWith("auto-model@", coder.RaterId);
    }
}
