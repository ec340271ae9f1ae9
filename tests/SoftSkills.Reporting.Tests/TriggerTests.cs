using SoftSkills.Analysis.Coaching;
using SoftSkills.Data.Schema;

namespace SoftSkills.Reporting.Tests;

/// <summary>Trigger rules on hand-made weekly series fire exactly where they should.</summary>
public class TriggerTests
{
    static readonly DateOnly Start = new(2026, 1, 5);

    static List<WeekValue> Series(params double?[] values) => values.Select((v, i) => new WeekValue(Start.AddDays(7 * i), v)).ToList();

    static int[] FiringWeeks(TriggerRule rule, List<WeekValue> s, double? baseline = null, double? target = null) =>
        Enumerable.Range(0, s.Count).Where(i => Triggers.FiresAt(rule, s, i, baseline, target)).ToArray();

    static TriggerRule Rule(string id) => DashboardFixture.Rules.Rules.Single(r => r.Id == id);

    [Fact]
    public void Below_target_for_three_consecutive_weeks()
    {
        // Target 70: weeks 1-3 are below, week 4 recovers, weeks 5-8 below again; a missing week breaks the run.
        var s = Series(72, 65, 66, 69, 71, 60, 61, null, 62, 63, 64);
        Assert.Equal([3, 10], FiringWeeks(Rule("hsr-below-target-3w"), s, target: 70));
        Assert.Empty(FiringWeeks(Rule("hsr-below-target-3w"), s, target: null));
    }

    [Fact]
    public void A_drop_of_ten_points_in_two_weeks()
    {
        var s = Series(70, 68, 60, 59, 65, 55, 54.9);
        // Week 2: 60 − 70 = −10 fires (at least 10); week 3: 59 − 68 = −9 does not; week 5: 55 − 59 = −4 no; week 6: 54.9 − 65 = −10.1 fires.
        Assert.Equal([2, 6], FiringWeeks(Rule("res-drop-10-in-2w"), s));
    }

    [Fact]
    public void Below_baseline_and_below_a_fixed_value()
    {
        var ci = Series(80, 74, 75, 76, 74, 74);
        Assert.Equal([2, 5], FiringWeeks(Rule("ci-below-baseline-2w"), ci, baseline: 80)); // 5 points below 80 means 75 or less
        var dqr = Series(61, 59, 59.9, 60, 58, 57);
        Assert.Equal([2, 5], FiringWeeks(Rule("dqr-below-60-2w"), dqr));
    }

    [Fact]
    public void Ranking_puts_fired_triggers_first_and_names_the_driving_kpi()
    {
        IReadOnlyDictionary<Kpi, IReadOnlyList<WeekValue>> Weekly(double hsr, double res) => new Dictionary<Kpi, IReadOnlyList<WeekValue>>
        {
            [Kpi.Hsr] = Series(hsr, hsr, hsr), [Kpi.Res] = Series(res, res, res), [Kpi.Ci] = Series(80, 80, 80), [Kpi.Dqr] = Series(70, 70, 70),
        };
        var target = new Dictionary<Kpi, double?> { [Kpi.Hsr] = 70, [Kpi.Res] = 60, [Kpi.Ci] = 85, [Kpi.Dqr] = 75 };
        var baseline = target.ToDictionary(kv => kv.Key, kv => kv.Value - 5);
        var teams = new[]
        {
            new TeamSeries("fine", Weekly(75, 65), baseline, target),
            new TeamSeries("handoffs", Weekly(50, 65), baseline, target),
        };
        var ranking = Triggers.Rank(DashboardFixture.Rules, teams);
        Assert.Equal(["handoffs", "fine"], ranking.Select(r => r.Team));
        Assert.Equal(Kpi.Hsr, ranking[0].DrivingKpi);
        Assert.Equal(["Handoff Success Rate below target for 3 consecutive weeks"], ranking[0].Fired.Select(f => f.Rule.Message));
        // 3 (rule weight) + 0.1 × (20 HSR + 5 CI + 5 DQR points short of target)
        Assert.Equal(3 + 0.1 * 30, ranking[0].Score, 9);
        Assert.Equal(Kpi.Ci, ranking[1].DrivingKpi); // no rule fired: the KPI furthest below target (CI and DQR tie at 5; CI comes first)
    }

    [Theory]
    [InlineData("{\"version\":\"1\",\"rules\":[{\"id\":\"a\",\"kpi\":\"xyz\",\"kind\":\"drop\",\"points\":5,\"message\":\"m\"}]}", "$.rules[0].kpi")]
    [InlineData("{\"version\":\"1\",\"rules\":[{\"id\":\"a\",\"kpi\":\"res\",\"kind\":\"drop\",\"message\":\"m\"}]}", "$.rules[0].points")]
    [InlineData("{\"version\":\"1\",\"rules\":[{\"id\":\"a\",\"kpi\":\"res\",\"kind\":\"soon\",\"message\":\"m\"}]}", "$.rules[0].kind")]
    [InlineData("{\"version\":\"1\",\"rules\":[{\"id\":\"a\",\"kpi\":\"res\",\"kind\":\"below_target\",\"weeks\":0,\"message\":\"m\"}]}", "$.rules[0].weeks")]
    public void A_bad_rule_is_named_by_its_path(string json, string path)
    {
        var ex = Assert.Throws<TriggerRulesException>(() => TriggerRules.Parse(json));
        Assert.Equal(path, ex.JsonPath);
    }
}
