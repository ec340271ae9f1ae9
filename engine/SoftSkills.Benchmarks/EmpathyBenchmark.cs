using System.Diagnostics;
using System.Text.Json;
using SoftSkills.Data.External;
using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Benchmarks;

/// <summary>The empathy coder: marker coder and classifier scoring throughput, and training time on EPITOME's train split.</summary>
static class EmpathyBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var folder = args.Get("--data", Path.Combine("..", "shared", "data", "epitome"));
        var replies = (int)args.GetLong("--replies", 100_000);
        if (!Directory.Exists(folder)) { Console.Error.WriteLine($"{folder} is absent: the empathy benchmark reads EPITOME"); return 2; }
        var pairs = Epitome.ReadPairs(folder);
        var train = pairs.Where(p => p.Split == "train").Select(EmpathyExample.Of).ToList();
        var texts = Enumerable.Range(0, replies).Select(i => pairs[i % pairs.Count]).Select(p => (p.SeekerPost, p.ResponsePost)).ToList();

        var coder = MarkerCoder.Default;
        foreach (var (q, r) in texts.Take(1000)) coder.Score(r, q); // warm up
        var t = Stopwatch.StartNew();
        double sink = 0;
        foreach (var (q, r) in texts) sink += coder.Score(r, q).Score;
        var markerRate = replies / t.Elapsed.TotalSeconds;

        t.Restart();
        var model = args.Get("--model", "");
        var classifier = model.Length > 0 ? EmpathyClassifier.Load(model) : EmpathyClassifier.Train(train);
        double? trainSeconds = model.Length > 0 ? null : Math.Round(t.Elapsed.TotalSeconds, 1);
        var auto = new EmpathyAutoCoder(classifier);
        var batch = texts.Take(Math.Min(replies, 20_000)).ToList();
        auto.Code(texts.Skip(batch.Count).Take(10_000).ToList()); // warm up (JIT, tiered compilation) on other replies
        t.Restart();
        var coded = auto.Code(batch);
        var classifierRate = batch.Count / t.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "empathy", replies, marker_replies_per_second = Math.Round(markerRate), train_pairs = train.Count,
            train_seconds = trainSeconds, scored = batch.Count, classifier_replies_per_second = Math.Round(classifierRate),
            mean_level = Math.Round(coded.Average(c => c.Level), 3), checksum = Math.Round(sink, 1),
        }));
        return 0;
    }
}
