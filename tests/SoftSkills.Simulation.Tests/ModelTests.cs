using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Empathy;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Tests;

/// <summary>The model's parts on their own, without a silo.</summary>
public class ModelTests
{
    static double MeanMarkerScore(double empathy, double phraseFactor, double habit = 0, int n = 4000)
    {
        var rng = new Rng(42, 7, 0);
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var complaint = i % 3 == 0;
            var request = ReplyWriter.CustomerRequest(rng, complaint);
            total += MarkerCoder.Default.Score(ReplyWriter.CustomerReply(rng, empathy, phraseFactor, habit, complaint), request).Score;
        }
        return total / n;
    }

    /// <summary>
    /// The simulator codes its replies from their sentences' marker weights; over every kind of writer and request the
    /// level must be the marker coder's own level of the whole reply.
    /// </summary>
    [Fact]
    public void The_writer_codes_its_replies_as_the_marker_coder_does()
    {
        var rng = new Rng(20261130, 3, 0);
        var levels = new int[4];
        for (var i = 0; i < 60_000; i++)
        {
            var complaint = rng.Chance(0.4);
            var request = ReplyWriter.CustomerRequest(rng, complaint);
            var (empathy, factor, habit) = (rng.NextDouble(), rng.Chance(0.3) ? 0.6 : 1.0, rng.Chance(0.2) ? rng.NextDouble() * 0.5 : 0);
            var (text, level) = ReplyWriter.CodedCustomerReply(rng, empathy, factor, habit, complaint, request);
            var expected = MarkerCoder.Default.Score(text, request);
            Assert.True(expected.Level == level, $"'{text}' to '{request}': coder {expected.Level} (score {expected.Score}), writer {level}");
            levels[level]++;
        }
        Assert.All(levels, n => Assert.True(n > 1000, $"every level occurs often: {string.Join(", ", levels)}"));
    }

    [Fact]
    public void Marker_use_rises_with_true_empathy()
    {
        var low = MeanMarkerScore(0.2, 1);
        var mid = MeanMarkerScore(0.5, 1);
        var high = MeanMarkerScore(0.8, 1);
        Assert.True(low < mid && mid < high, $"{low:0.00} < {mid:0.00} < {high:0.00}");
        Assert.True(high - low > 1.0, $"the gradient should be clear: {high - low:0.00}");
    }

    [Fact]
    public void Non_native_writers_use_fewer_stock_phrases_at_the_same_empathy()
    {
        foreach (var empathy in new[] { 0.4, 0.7 })
        {
            var native = MeanMarkerScore(empathy, 1);
            var nonNative = MeanMarkerScore(empathy, 0.6);
            Assert.True(nonNative < native - 0.1, $"at empathy {empathy}: non-native {nonNative:0.00} vs native {native:0.00}");
        }
    }

    [Fact]
    public void A_marker_habit_raises_marker_scores_without_empathy()
    {
        Assert.True(MeanMarkerScore(0.4, 1, habit: 0.4) > MeanMarkerScore(0.4, 1) + 0.3);
    }

    static EmployeeDayResult Member(string id, double e, double c, double d, double h) =>
        new(ArraySegment<SimEvent>.Empty, ArraySegment<SimRating>.Empty, ArraySegment<Mail>.Empty, new TruthRow(id, 0, e, c, d, h), ArraySegment<SurveyResponse>.Empty);

    static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my); }
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Manager ratings of empathy and handoffs for members whose true traits are independent.</summary>
    static double RatingCorrelation(double halo)
    {
        var s = Scenarios.DefaultPilot with { Raters = Scenarios.DefaultPilot.Raters with { ManagerHalo = halo, ManagerRatingEveryDays = 1 } };
        var roster = Roster.Of(s);
        var rng = new Rng(3, 3, 3);
        var members = Enumerable.Range(0, 400).Select(i => Member($"E{i}", rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble())).ToList();
        var outcomes = TeamDay.Run(s, roster, 0, new TeamState(), DayInfo.Of(s, 1), members);
        double[] Metric(string m) => outcomes.Where(o => o.Metric == m).Select(o => o.Value).ToArray();
        return Correlation(Metric("manager_rating_res"), Metric("manager_rating_hsr"));
    }

    [Fact]
    public void Manager_ratings_carry_a_halo()
    {
        // Independent uniform traits: with halo h and noise sd 0.35 the ratings of two KPIs correlate at
        // (2h − h²)/3 / (16·(h²/48 + (1−h)²/12 + 2h(1−h)/48) + 0.35²) = 0.455 for h = 0.6, and 0 for h = 0.
        var withHalo = RatingCorrelation(0.6);
        var without = RatingCorrelation(0);
        Assert.InRange(withHalo, 0.455 - 0.1, 0.455 + 0.1);
        Assert.True(Math.Abs(without) < 0.15, $"without halo independent traits stay uncorrelated: {without:0.00}");
    }

    [Fact]
    public void Coaching_moves_the_trait_by_the_learning_rate()
    {
        var s = Scenarios.DefaultPilot with
        {
            Interventions = new Interventions
            {
                CoachingNudge = new CoachingNudge { NudgesPerWeek = 5, LearningRate = 0.1, Decay = 0, Traits = ["empathy"] },
                RealtimeFeedback = new RealtimeFeedback { Enabled = false },
            },
            Text = new TextSpec { TraitDriftSd = 0 },
        };
        var roster = Roster.Of(s);
        var me = roster.Profile(s, roster.TeamStart[Array.IndexOf(roster.TeamNames, "support-north")] + 1);
        var state = EmployeeState.For(me);
        var before = state.Effective(Roster.Empathy);
        var pilotMonday = Enumerable.Range(s.Pilot.BaselineDays, 7).First(d => DayInfo.Of(s, d).Date.DayOfWeek == DayOfWeek.Monday);
        new EmployeeDay(s, roster, me, state, DayInfo.Of(s, pilotMonday)).Run([]);
        Assert.Equal(0.1 * (1 - before), state.CoachingGain[Roster.Empathy], 12);
        Assert.Equal(before + 0.1 * (1 - before), state.Effective(Roster.Empathy), 12);
        Assert.Equal(0, state.CoachingGain[Roster.HandoffDiligence]);
        // Control teams and the baseline are never nudged.
        var control = roster.Profile(s, roster.TeamStart[Array.IndexOf(roster.TeamNames, "support-south")]);
        var controlState = EmployeeState.For(control);
        new EmployeeDay(s, roster, control, controlState, DayInfo.Of(s, pilotMonday)).Run([]);
        Assert.Equal(0, controlState.NudgesReceived);
    }

    [Fact]
    public void Coaching_gains_decay_daily()
    {
        var s = Scenarios.DefaultPilot with
        {
            Interventions = new Interventions { CoachingNudge = new CoachingNudge { Decay = 0.1 }, RealtimeFeedback = new RealtimeFeedback { Enabled = false } },
        };
        var roster = Roster.Of(s);
        var me = roster.Profile(s, 0);
        var state = EmployeeState.For(me);
        state.CoachingGain[Roster.Collaboration] = 0.2;
        var saturday = Enumerable.Range(0, 7).First(d => DayInfo.Of(s, d).Date.DayOfWeek == DayOfWeek.Saturday);
        new EmployeeDay(s, roster, me, state, DayInfo.Of(s, saturday)).Run([]);
        Assert.Equal(0.18, state.CoachingGain[Roster.Collaboration], 12);
    }

    [Fact]
    public void Roster_follows_the_scenario()
    {
        var s = Scenarios.DefaultPilot;
        var roster = Roster.Of(s);
        var profiles = roster.Profiles(s).ToList();
        Assert.Equal(87, profiles.Count);
        Assert.Equal(s.Teams.Count, roster.TeamNames.Length);
        var north = profiles.Where(p => roster.TeamNames[p.Team] == "support-north").ToList();
        Assert.Equal(12, north.Count);
        Assert.Equal("lead", north[0].Role);
        Assert.Null(north[0].ManagerId);
        Assert.All(north.Skip(1), p => Assert.Equal(north[0].Id, p.ManagerId));
        var nonNative = profiles.Count(p => p.NonNative) / (double)profiles.Count;
        Assert.InRange(nonNative, 0.15, 0.45);
        Assert.All(profiles, p => Assert.All(p.Traits, t => Assert.InRange(t, 0.02, 0.98)));
    }

    [Fact]
    public void Rescaling_adds_teams_in_proportion()
    {
        var big = ScenarioRescale.Rescale(Scenarios.DefaultPilot, 1000, 20);
        Assert.Equal(1000, big.Employees);
        Assert.Equal(20, big.Days);
        Assert.Equal(8, big.Pilot.BaselineDays); // 60/150 of 20
        Assert.Contains("support-north-2", big.Teams.Select(t => t.Name));
        Assert.Contains("support-north-2", big.Pilot.TreatmentTeams);
        Assert.Contains(big.Workload.HandoffRoutes, r => r.From == "product-3" && r.To == "engineering-3");
        var small = ScenarioRescale.Rescale(Scenarios.DefaultPilot, 20, null);
        Assert.Equal(20, small.Employees);
        Assert.All(small.Teams, t => Assert.True(t.Size >= 1));
    }
}
