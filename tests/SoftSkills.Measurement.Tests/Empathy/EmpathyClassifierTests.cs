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

    /// <summary>A damaged copy of a model is bad input naming the file (and the damaged entry), never an ML.NET or ZIP crash.</summary>
    [Fact]
    public void A_damaged_model_is_refused_naming_the_file_and_the_damaged_part()
    {
        using var dir = new TempFolder();
        var good = dir.File("model.zip");
        EmpathyClassifier.Train(Examples(300, 6), Quick).Save(good);
        var bytes = File.ReadAllBytes(good);

        string Refusal(string name, Action<System.IO.Compression.ZipArchive> damage)
        {
            var path = dir.File(name);
            File.WriteAllBytes(path, bytes);
            using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update)) damage(zip);
            var error = Assert.Throws<InvalidDataException>(() => EmpathyClassifier.Load(path));
            Assert.StartsWith(path + ": ", error.Message);
            return error.Message;
        }
        void Rewrite(System.IO.Compression.ZipArchive zip, string entry, Func<byte[], byte[]> change)
        {
            byte[] content;
            using (var read = zip.GetEntry(entry)!.Open()) { using var copy = new MemoryStream(); read.CopyTo(copy); content = copy.ToArray(); }
            zip.GetEntry(entry)!.Delete();
            using var write = zip.CreateEntry(entry).Open();
            write.Write(change(content));
        }

        Assert.Contains("explorations.zip is damaged", Refusal("flipped.zip", zip => Rewrite(zip, "explorations.zip", b => { b[b.Length / 2] ^= 0x5A; return b; })));
        Assert.Contains("features.zip is missing", Refusal("missing.zip", zip => zip.GetEntry("features.zip")!.Delete()));
        Assert.Contains("not a usable empathy model", Refusal("manifest.zip", zip => Rewrite(zip, "empathy-model.json",
            b => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(b).Replace("\"seed\": ", "\"seed\": \"x\", \"was\": ", StringComparison.Ordinal)))));

        var truncated = dir.File("truncated.zip");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var cut = Assert.Throws<InvalidDataException>(() => EmpathyClassifier.Load(truncated));
        Assert.StartsWith(truncated + ": not a usable empathy model", cut.Message);
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
