using SoftSkills.Analysis.Bias;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Analysis.Validity;

namespace SoftSkills.Analysis.Tests;

public class PilotAndRaterEffectTests
{
    static List<DidObservation> Panel(params (string Team, bool Treated, double Before, double After)[] teams) =>
        teams.SelectMany(t => new[] { new DidObservation(t.Team, t.Treated, false, t.Before), new DidObservation(t.Team, t.Treated, true, t.After) }).ToList();

    [Fact]
    public void Two_treated_teams_of_four_can_never_reach_significance()
    {
        // The largest possible effect: both treated teams gain 10, both controls nothing. Of the C(4,2) = 6 assignments,
        // the observed one and its mirror image are as extreme: p = 2/6.
        var panel = Panel(("t1", true, 50, 60), ("t2", true, 50, 60), ("c1", false, 50, 50), ("c2", false, 50, 50));
        var r = PermutationTest.DifferenceInDifferences(panel);
        Assert.Equal(10, r.Observed, 12);
        Assert.True(r.Exact);
        Assert.Equal(6, r.Assignments);
        Assert.Equal(2.0 / 6, r.P, 12);
    }

    [Fact]
    public void More_teams_make_a_strong_effect_detectable()
    {
        var teams = Enumerable.Range(0, 8).Select(i => ($"t{i}", true, 50.0, 60.0 + i % 2))
            .Concat(Enumerable.Range(0, 8).Select(i => ($"c{i}", false, 50.0, 50.0 + i % 3))).ToArray();
        var r = PermutationTest.DifferenceInDifferences(Panel(teams));
        Assert.Equal(10_000, r.Assignments); // C(16, 8) = 12,870 > 10,000: a seeded sample of 10,000 assignments
        Assert.False(r.Exact);
        var again = PermutationTest.DifferenceInDifferences(Panel(teams), maxExact: 10_000);
        Assert.Equal(r.P, again.P);
        Assert.True(r.P < 0.01, $"p = {r.P}");
    }

    [Fact]
    public void Halo_is_the_excess_correlation_of_manager_ratings()
    {
        // Behaviour: four independent KPIs; manager ratings: each KPI = the person's mean impression plus a little of the KPI.
        var rng = new Random(4);
        var behaviour = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, 4).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        var ratings = behaviour.Select(b => b.Select(k => 0.8 * b.Average() + 0.2 * k).ToArray()).ToArray();
        var halo = RaterEffects.Halo(ratings, behaviour);
        Assert.InRange(halo.BehaviourMeanCorrelation, -0.1, 0.1);
        Assert.True(halo.ManagerMeanCorrelation > 0.7);
        Assert.Equal(halo.ManagerMeanCorrelation - halo.BehaviourMeanCorrelation, halo.Halo, 12);
        var none = RaterEffects.Halo(behaviour, behaviour);
        Assert.Equal(0, none.Halo, 12);
    }

    [Fact]
    public void First_language_gap_is_compared_at_the_same_true_level()
    {
        // At level 1: non-native 1.0 vs native 1.5 (gap −0.5, 5 and 5 cases, weight 2.5);
        // at level 2: non-native 1.8 vs native 2.0 (gap −0.2, 5 and 10 cases, weight 10/3). Pooled = (2.5·−0.5 + 10/3·−0.2)/(2.5 + 10/3).
        var groups = new List<string>();
        var measured = new List<double>();
        var level = new List<int>();
        void Add(string g, int l, double v, int n) { for (var i = 0; i < n; i++) { groups.Add(g); level.Add(l); measured.Add(v); } }
        Add("non_native", 1, 1.0, 5); Add("native", 1, 1.5, 5); Add("non_native", 2, 1.8, 5); Add("native", 2, 2.0, 10); Add("non_native", 3, 3, 2);
        var gap = RaterEffects.FirstLanguageGap(groups, measured, level, "non_native", "native");
        Assert.Equal(2, gap.Strata); // level 3 has too few cases
        Assert.Equal(-0.5, gap.ByLevel[1].Gap, 12);
        Assert.Equal((2.5 * -0.5 + 10.0 / 3 * -0.2) / (2.5 + 10.0 / 3), gap.Pooled, 12);
    }

    [Fact]
    public void Triangulation_needs_two_agreeing_sources()
    {
        var changes = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["a"] = new Dictionary<string, double> { ["auto"] = 5, ["human"] = 3, ["manager"] = -1 },
            ["b"] = new Dictionary<string, double> { ["auto"] = 5, ["human"] = -3, ["manager"] = 0.1 },
            ["c"] = new Dictionary<string, double> { ["auto"] = -2, ["human"] = -4, ["nps"] = double.NaN },
        };
        var v = Triangulation.Check(changes, new Dictionary<string, double> { ["manager"] = 0.5 }).ToDictionary(x => x.Team);
        Assert.Equal(1, v["a"].Direction);
        Assert.Equal(["auto", "human"], v["a"].Agreeing);
        Assert.False(v["b"].Agrees); // one up, one down, the manager's change is below its threshold
        Assert.Equal(-1, v["c"].Direction);
    }
}
