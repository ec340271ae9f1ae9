using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Tests;

/// <summary>A scenario with a known injected effect: the difference-in-differences interval covers the true effect.</summary>
public class PilotEffectTests
{
    [Fact]
    public async Task The_did_interval_covers_the_true_effect_of_an_injected_intervention()
    {
        // Four copies of the default organisation: 8 treatment and 8 control teams; coaching only (no feedback), strong.
        var s = ScenarioRescale.Rescale(Scenarios.DefaultPilot, 348, null) with
        {
            Interventions = new Interventions
            {
                CoachingNudge = new CoachingNudge { NudgesPerWeek = 3, LearningRate = 0.05, Decay = 0.002 },
                RealtimeFeedback = new RealtimeFeedback { Enabled = false },
            },
        };
        var none = s with { Interventions = s.Interventions with { CoachingNudge = s.Interventions.CoachingNudge with { Enabled = false } } };
        using var dir = new TempDir();
        await Simulator.RunAsync(s, dir.Sub("actual"), new ReferenceEngine());
        await Simulator.RunAsync(none, dir.Sub("counterfactual"), new ReferenceEngine());
        var report = PilotStudy.Analyse(new DataFolder(dir.Sub("actual")), new DataFolder(dir.Sub("counterfactual")));

        Assert.Equal(8, report.Design.TreatmentTeams.Count);
        Assert.Equal(8, report.Design.ControlTeams.Count);
        foreach (var effect in report.Effects)
        {
            Assert.NotNull(effect.TrueEffect);
            var did = effect.Did ?? throw new Xunit.Sdk.XunitException($"{effect.Kpi}: {effect.NotEstimable}");
            Assert.True(did.Lower <= effect.TrueEffect && effect.TrueEffect <= did.Upper,
                $"{effect.Kpi}: true {effect.TrueEffect:0.00} outside [{did.Lower:0.00}, {did.Upper:0.00}]");
            // CR2's Bell–McCaffrey degrees of freedom lie between 1 and the G − 1 = 15 of CR1.
            Assert.InRange(did.DegreesOfFreedom, 1, 15);
        }
        // Coaching all four traits raises handoff success and decision quality: the truth is clearly positive.
        var hsr = report.Effects.Single(e => e.Kpi == Kpi.Hsr);
        Assert.True(hsr.TrueEffect > 2, $"HSR true effect {hsr.TrueEffect:0.00}");
        // The arms' KPIs are reported per period.
        Assert.Equal(["control/baseline", "control/pilot", "treatment/baseline", "treatment/pilot"],
            report.Arms.Select(a => $"{a.Arm}/{a.Period}").Order(StringComparer.Ordinal));
    }
}
