using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Measurement.Tests;

/// <summary>The KPIs of data/sample against the counts planned by hand in data/sample/make_sample.py.</summary>
public class SampleDataTests
{
    static KpiReport Compute(KpiOptions options)
    {
        var folder = new DataFolder(RepoPaths.Sample);
        var levels = ItemLevels.FromRatings(folder.Ratings());
        return KpiCalculator.Compute(folder.Employees(), folder.Events(), levels, options);
    }

    /// <summary>The hand counts, with suppression off (they are what the sample was planned for).</summary>
    static KpiRow Team(string team) => Compute(new KpiOptions { MinGroupSize = 1 }).Rows.Single(r => r.Group == team);

    [Fact]
    public void Support_matches_the_hand_count()
    {
        var r = Team("support");
        Assert.Equal(6, r.Employees);
        Assert.False(r.Suppressed);
        Assert.Equal(60.0, r.Res!.Value, 9);           // 18 of 30 rated replies at level >= 2
        Assert.Equal(30, r.ResN);
        Assert.Equal(5, r.ResUnrated);
        Assert.Equal(100.0 * 6 / 9, r.CiReciprocity!.Value, 9);
        Assert.Equal(75.0, r.CiResponsiveness!.Value, 9); // 30 of 40, two across a weekend
        Assert.Equal(100.0 * 4 / 6, r.CiCrossTeamReach!.Value, 9);
        Assert.Equal((100.0 * 6 / 9 + 75.0 + 100.0 * 4 / 6) / 3, r.Ci!.Value, 9);
        Assert.Equal(75.0, r.Hsr!.Value, 9);           // 9 of 12
        Assert.Equal(100.0 * 7 / 9, r.Dqr!.Value, 9);  // unresolved decision left out
        Assert.Equal(9, r.DqrN);
        Assert.Equal(100.0 * 4 / 6, r.DqrByType!["refund"].Percent!.Value, 9);
        Assert.Equal(100.0, r.DqrByType["escalation"].Percent!.Value, 9);
    }

    [Fact]
    public void Product_matches_the_hand_count()
    {
        var r = Team("product");
        Assert.Equal(5, r.Employees);                  // exactly the minimum size: shown
        Assert.Equal(50.0, r.Res!.Value, 9);
        Assert.Equal(4, r.ResUnrated);
        Assert.Equal(50.0, r.CiReciprocity!.Value, 9);
        Assert.Equal(80.0, r.CiResponsiveness!.Value, 9);
        Assert.Equal(60.0, r.CiCrossTeamReach!.Value, 9);
        Assert.Equal((50.0 + 80.0 + 60.0) / 3, r.Ci!.Value, 9);
        Assert.Equal(50.0, r.Hsr!.Value, 9);           // an empty handoff_accepted is not accepted
        Assert.Equal(75.0, r.Dqr!.Value, 9);
    }

    [Fact]
    public void Ops_matches_the_hand_count()
    {
        var r = Team("ops");
        Assert.Equal(80.0, r.Res!.Value, 9);
        Assert.Equal(100.0 * 3 / 7, r.CiReciprocity!.Value, 9);
        Assert.Equal(100.0, r.CiResponsiveness!.Value, 9);
        Assert.Equal(80.0, r.CiCrossTeamReach!.Value, 9);
        Assert.Equal(100.0, r.Hsr!.Value, 9);          // an empty reworked is not reworked
        Assert.Equal(50.0, r.Dqr!.Value, 9);
    }

    /// <summary>
    /// At the default minimum of 5, a value is published only when 5 distinct people did what it counts: in the sample,
    /// support's decisions are S1's and S2's, its handoffs S3's and S4's, ops' decisions O1's alone, product's rated replies
    /// come from 4 people. Those values and their counts are withheld with the reason; the rest is shown.
    /// </summary>
    [Fact]
    public void Values_resting_on_fewer_than_five_people_are_withheld()
    {
        var rows = Compute(new KpiOptions()).Rows.ToDictionary(r => r.Group);
        var support = rows["support"];
        Assert.False(support.Suppressed);
        Assert.Equal(60.0, support.Res!.Value, 9);
        Assert.Equal(5, support.ResPeople);
        Assert.NotNull(support.Ci);
        Assert.Null(support.Dqr);
        Assert.Null(support.DqrN);
        Assert.Equal("fewer than 5 deciders", support.Withheld![Kpi.Dqr]);
        Assert.Null(support.DqrByType!["refund"].Percent);
        Assert.Null(support.DqrByType["escalation"].Percent);
        Assert.Equal(0, support.DqrByType["refund"].Denominator);
        Assert.Null(support.Hsr);
        Assert.Equal("fewer than 5 people handing work off", support.Withheld[Kpi.Hsr]);
        Assert.Null(rows["ops"].Dqr);
        Assert.NotNull(rows["ops"].Res);
        Assert.Null(rows["product"].Res);
        Assert.Null(rows["product"].ResN);
        Assert.Equal("fewer than 5 people replying", rows["product"].Withheld![Kpi.Res]);
    }

    [Fact]
    public void Roles_below_the_minimum_size_are_suppressed()
    {
        var rows = Compute(new KpiOptions { GroupBy = "role" }).Rows.ToDictionary(r => r.Group);
        Assert.True(rows["lead"].Suppressed);
        Assert.Null(rows["lead"].Res);
        Assert.Null(rows["lead"].Ci);
        Assert.True(rows["pm"].Suppressed);
        Assert.False(rows["agent"].Suppressed);
        Assert.Equal(5, rows["agent"].Employees);
        Assert.False(rows["engineer"].Suppressed);
    }

    [Fact]
    public void Organisation_pools_everything()
    {
        var r = Compute(new KpiOptions { GroupBy = "organisation", MinGroupSize = 1 }).Rows.Single();
        Assert.Equal(16, r.Employees);
        Assert.Equal(100.0 * 28 / 44, r.Res!.Value, 9);
        Assert.Equal(100.0 * 18 / 25, r.Hsr!.Value, 9);
        Assert.Equal(100.0 * 16 / 23, r.Dqr!.Value, 9);
    }

    [Fact]
    public void Weekly_periods_start_on_monday()
    {
        var report = Compute(new KpiOptions { Period = PeriodKind.Week, MinGroupSize = 1 });
        var starts = report.Rows.Select(r => r.PeriodStart).Distinct().Order().ToList();
        Assert.Equal([new DateOnly(2026, 3, 2), new(2026, 3, 9), new(2026, 3, 16), new(2026, 3, 23)], starts);
        Assert.Equal(new DateOnly(2026, 3, 2), report.FirstDay);
        Assert.Equal(new DateOnly(2026, 3, 27), report.LastDay);
    }
}
