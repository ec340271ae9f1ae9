using System.Diagnostics;
using System.Text.Json;
using SoftSkills.Analysis.Bias;

namespace SoftSkills.Benchmarks;

/// <summary>
/// Seconds per item of the DIF test (three nested ordinal logistic fits by Newton–Raphson) at n respondents: items on a
/// 0–3 scale with a uniform DIF of 0.5 logits for the focal group, seeded.
/// </summary>
static class DifBenchmark
{
    public static int Run(string[] argv)
    {
        var a = new Args(argv);
        var n = (int)a.GetLong("--n", 1000);
        var items = (int)a.GetLong("--items", 20);
        var rng = new Random(20261130);
        var ability = Enumerable.Range(0, n).Select(_ => Normal(rng)).ToArray();
        var focal = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.3).ToArray();
        double[] thresholds = [-1, 0, 1];
        var data = Enumerable.Range(0, items).Select(_ => ability.Select((t, i) => Draw(rng, thresholds, 1.2 * t + (focal[i] ? 0.5 : 0))).ToArray()).ToArray();
        DifferentialItemFunctioning.Test(data[0], ability, focal); // warm up the JIT
        var clock = Stopwatch.StartNew();
        var significant = 0;
        foreach (var item in data) if (DifferentialItemFunctioning.Test(item, ability, focal).UniformP < 0.05) significant++;
        var perItem = clock.Elapsed.TotalSeconds / items;
        Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "dif", n, items, seconds_per_item = Math.Round(perItem, 4), uniform_dif_detected = significant }));
        return 0;
    }

    static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    static int Draw(Random rng, double[] theta, double eta)
    {
        var u = rng.NextDouble();
        for (var j = 0; j < theta.Length; j++)
            if (u < 1 / (1 + Math.Exp(-(theta[j] - eta)))) return j;
        return theta.Length;
    }
}
