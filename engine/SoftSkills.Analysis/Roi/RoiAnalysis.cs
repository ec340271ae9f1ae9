namespace SoftSkills.Analysis.Roi;

/// <summary>One scenario's full analysis: the flows at the most likely inputs, the tornado, the Monte Carlo, and where its uplift comes from.</summary>
public sealed record RoiAnalysis(RoiScenario Scenario, RoiResult Result, IReadOnlyList<TornadoBar> Tornado, MonteCarloResult? MonteCarlo, string UpliftSource)
{
    /// <summary>The uplift source of a scenario file's own figures.</summary>
    public const string Assumed = "assumed in the scenario file";

    /// <summary>Analyses every scenario of a file; scenario i's Monte Carlo is seeded with seed + i.</summary>
    public static IReadOnlyList<RoiAnalysis> Run(RoiFile file, int? draws, int seed, string upliftSource = Assumed) =>
        file.Scenarios.Select((s, i) => Run(s, file.Distribution, draws, seed + i, upliftSource)).ToList();

    /// <summary>Analyses one scenario.</summary>
    public static RoiAnalysis Run(RoiScenario scenario, Distribution distribution, int? draws, int seed, string upliftSource = Assumed) =>
        new(scenario, RoiModel.Run(scenario.AtMode()), RoiUncertainty.Tornado(scenario),
            draws is { } n ? RoiUncertainty.MonteCarlo(scenario, n, seed, distribution) : null, upliftSource);
}
