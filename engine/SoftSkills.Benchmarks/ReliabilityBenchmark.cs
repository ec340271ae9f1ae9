using System.Diagnostics;
using System.Text.Json;
using MathNet.Numerics.Random;
using SoftSkills.Analysis.Reliability;

namespace SoftSkills.Benchmarks;

/// <summary>Krippendorff's alpha (interval, 10% missing), its bootstrap, and the ICC on a large units × raters matrix.</summary>
static class ReliabilityBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new Args(argv);
        var units = (int)args.GetLong("--units", 100_000);
        var raters = (int)args.GetLong("--raters", 5);
        var rng = new MersenneTwister(5, threadSafe: false);
        var x = new double[units, raters];
        for (var i = 0; i < units; i++)
        {
            var level = rng.NextDouble() * 10;
            for (var j = 0; j < raters; j++) x[i, j] = rng.NextDouble() < 0.1 ? double.NaN : level + rng.NextDouble() * 2;
        }
        var complete = (double[,])x.Clone();
        for (var i = 0; i < units; i++) for (var j = 0; j < raters; j++) if (double.IsNaN(complete[i, j])) complete[i, j] = 5;
        KrippendorffAlpha.Compute(x, MeasurementLevel.Interval); // warm up
        var t = Stopwatch.StartNew();
        var alpha = KrippendorffAlpha.Compute(x, MeasurementLevel.Interval);
        var alphaSeconds = t.Elapsed.TotalSeconds;
        t.Restart();
        var boot = KrippendorffAlpha.Bootstrap(x, MeasurementLevel.Interval, 1000, 1);
        var bootSeconds = t.Elapsed.TotalSeconds;
        IntraclassCorrelation.Compute(complete);
        t.Restart();
        var icc = IntraclassCorrelation.Compute(complete);
        var iccSeconds = t.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "reliability", units, raters, krippendorff_seconds = Math.Round(alphaSeconds, 3), alpha = Math.Round(alpha.Value, 4),
            bootstrap_1000_seconds = Math.Round(bootSeconds, 2), ci = new[] { boot.Lower, boot.Upper }, icc_seconds = Math.Round(iccSeconds, 3),
            icc2 = Math.Round(icc["ICC2"].Value, 4),
        }));
        return 0;
    }
}
