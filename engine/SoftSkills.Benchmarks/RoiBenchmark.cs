using System.Diagnostics;
using System.Text.Json;
using SoftSkills.Analysis.Roi;

namespace SoftSkills.Benchmarks;

/// <summary>Monte Carlo draws of the mid-sized base scenario (36 months) per second, on one thread.</summary>
static class RoiBenchmark
{
    public static int Run(string[] argv)
    {
        var draws = (int)new Args(argv).GetLong("--draws", 100_000);
        var scenario = RoiFile.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", "roi-mid-size.json")).Scenarios.Single(s => s.Name == "base");
        RoiUncertainty.MonteCarlo(scenario, 1000, 1, Distribution.Pert); // warm up the JIT
        var timer = Stopwatch.StartNew();
        var mc = RoiUncertainty.MonteCarlo(scenario, draws, 1, Distribution.Pert);
        var seconds = timer.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "roi monte carlo", draws, months = scenario.HorizonMonths, seconds = Math.Round(seconds, 3),
            draws_per_second = Math.Round(draws / seconds), p50 = mc.BreakEvenP50,
        }));
        return 0;
    }
}
