using SoftSkills.Analysis.Bias;
using SoftSkills.Analysis.Validity;
using SoftSkills.Data.Files;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Tests;

/// <summary>On simulated data the bias analysis finds an injected first-language bias, and does not find one that is absent.</summary>
public class BiasDetectionTests
{
    static async Task<DifResult> Dif(double nonNativePhraseFactor, ulong seed)
    {
        var s = ScenarioRescale.Rescale(Scenarios.DefaultPilot, 87, 40) with
        {
            Seed = seed,
            Text = Scenarios.DefaultPilot.Text with { NonNativePhraseFactor = nonNativePhraseFactor },
            Raters = Scenarios.DefaultPilot.Raters with { HumanShare = 0.25 },
            Interventions = new Interventions { CoachingNudge = new CoachingNudge { Enabled = false }, RealtimeFeedback = new RealtimeFeedback { Enabled = false } },
        };
        using var dir = new TempDir();
        await Simulator.RunAsync(s, dir.Path, new ReferenceEngine());
        // Matched on the writer's true empathy that day: matching on the noisy human level would leave the groups' chance
        // differences in empathy inside each level and show "DIF" where the coder has none.
        var replies = ValidationInputs.RatedReplies(new DataFolder(dir.Path));
        return DifferentialItemFunctioning.Test(replies.Select(r => r.AutoLevel).ToList(), replies.Select(r => r.TrueEmpathy!.Value).ToList(),
            replies.Select(r => r.FirstLanguage == "non_native").ToList());
    }

    [Fact]
    public async Task An_injected_first_language_bias_is_found()
    {
        var r = await Dif(0.5, 11);
        Assert.True(r.UniformP < 0.001, $"uniform DIF p = {r.UniformP}");
        Assert.True(r.GroupSlope < 0);
    }

    [Fact]
    public async Task Without_the_bias_it_is_not_found_more_often_than_the_error_rate_allows()
    {
        // Five seeded replications without any first-language effect on phrasing: at the 5% level, P(2 or more rejections) is 2.3%.
        var rejections = 0;
        foreach (var seed in new ulong[] { 21, 22, 23, 24, 25 })
            if ((await Dif(1.0, seed)).TotalP < 0.05) rejections++;
        Assert.True(rejections <= 1, $"{rejections} of 5 rejected");
    }
}
