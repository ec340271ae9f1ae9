using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Measurement.Tests;

/// <summary>Small hand-computed cases for each KPI and the edge cases of docs/design.md §3.</summary>
public class KpiCalculatorTests
{
    static readonly DateTime Monday = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    int _id;

    static List<Employee> Team(string team, int n, string prefix) =>
        Enumerable.Range(1, n).Select(i => new Employee($"{prefix}{i}", team, null, "agent", 12, new Dictionary<string, string>())).ToList();

    Event E(EventKind kind, string? actor, DateTime at, string? counterpart = null, string? text = null, string? responseTo = null,
        DecisionOutcome? outcome = null, bool? reversed = null, bool? accepted = null, bool? complete = null, bool? reworked = null,
        string? decisionType = null, string? id = null) => new()
    {
        EventId = id ?? $"x{++_id}", Timestamp = at, Kind = kind, ActorId = actor, CounterpartId = counterpart, TeamId = "t",
        Channel = Channel.Chat, Text = text, ResponseTo = responseTo, Outcome = outcome, Reversed = reversed,
        HandoffAccepted = accepted, ContextComplete = complete, Reworked = reworked, DecisionType = decisionType,
    };

    static KpiRow Only(IReadOnlyList<Employee> people, IEnumerable<Event> events, ItemLevels? levels = null, KpiOptions? options = null) =>
        KpiCalculator.Compute(people, events, levels ?? ItemLevels.Empty, options ?? new KpiOptions { MinGroupSize = 1 }).Rows.Single();

    [Fact]
    public void No_events_give_no_rows_and_missing_kinds_give_null_not_zero()
    {
        var people = Team("a", 5, "a");
        Assert.Empty(KpiCalculator.Compute(people, [], ItemLevels.Empty, new KpiOptions()).Rows);
        var row = Only(people, [E(EventKind.Meeting, "a1", Monday.AddHours(10))]);
        Assert.Null(row.Res);
        Assert.Null(row.Ci);
        Assert.Null(row.Dqr);
        Assert.Null(row.Hsr);
        Assert.Equal(0, row.DqrN);
    }

    [Fact]
    public void A_group_just_below_the_minimum_is_suppressed_and_one_at_it_is_shown()
    {
        var people = Team("a", 5, "a");
        var four = people.Take(4).Select(p => E(EventKind.Meeting, p.EmployeeId, Monday.AddHours(10))).ToList();
        var below = KpiCalculator.Compute(people, four, ItemLevels.Empty, new KpiOptions()).Rows.Single();
        Assert.True(below.Suppressed);
        Assert.Equal(4, below.Employees);
        var five = people.Select(p => E(EventKind.Handoff, p.EmployeeId, Monday.AddHours(10), accepted: true, complete: true, reworked: false));
        var at = KpiCalculator.Compute(people, five, ItemLevels.Empty, new KpiOptions()).Rows.Single();
        Assert.False(at.Suppressed);
        Assert.Equal(100.0, at.Hsr);
    }

    [Theory]
    // Friday 15:00 -> Monday 12:00 is 2 h + 3 h = 5 working hours: late.
    [InlineData(4, 15, 0, 7, 12, 0, false)]
    // Friday 16:00 -> Monday 11:00 is 1 h + 2 h = 3 working hours: in time.
    [InlineData(4, 16, 0, 7, 11, 0, true)]
    // Saturday 10:00 -> Monday 13:00: the clock starts Monday 09:00, so exactly 4 h: in time.
    [InlineData(5, 10, 0, 7, 13, 0, true)]
    // Monday 13:00 -> Monday 17:01 is 4 h (17:00-17:01 is after hours): in time.
    [InlineData(0, 13, 0, 0, 17, 1, true)]
    // Monday 10:00 -> Monday 14:01: 4 h 1 min, late.
    [InlineData(0, 10, 0, 0, 14, 1, false)]
    public void Responsiveness_counts_only_working_hours(int reqDay, int reqHour, int reqMin, int repDay, int repHour, int repMin, bool inTime)
    {
        var people = Team("a", 1, "a");
        var request = E(EventKind.Request, null, Monday.AddDays(reqDay).AddHours(reqHour).AddMinutes(reqMin), counterpart: "a1", id: "r1");
        var reply = E(EventKind.Reply, "a1", Monday.AddDays(repDay).AddHours(repHour).AddMinutes(repMin), text: "ok", responseTo: "r1");
        var late = E(EventKind.Meeting, "a1", Monday.AddDays(14));
        var row = Only(people, [request, reply, late]);
        Assert.Equal(inTime ? 100.0 : 0.0, row.CiResponsiveness);
    }

    [Fact]
    public void A_reply_from_someone_else_or_before_the_request_does_not_answer_it()
    {
        var people = Team("a", 2, "a");
        var t = Monday.AddHours(10);
        var row = Only(people,
        [
            E(EventKind.Reply, "a1", t.AddMinutes(-5), text: "early", responseTo: "r1"),
            E(EventKind.Request, null, t, counterpart: "a1", id: "r1"),
            E(EventKind.Reply, "a2", t.AddMinutes(5), text: "not asked", responseTo: "r1"),
            E(EventKind.Meeting, "a1", t.AddDays(3)),
        ]);
        Assert.Equal(0.0, row.CiResponsiveness);
    }

    [Fact]
    public void A_reply_seen_before_its_request_in_an_unsorted_log_still_counts()
    {
        var people = Team("a", 1, "a");
        var t = Monday.AddHours(10);
        var row = Only(people,
        [
            E(EventKind.Reply, "a1", t.AddHours(1), text: "ok", responseTo: "r1"),
            E(EventKind.Request, null, t, counterpart: "a1", id: "r1"),
        ]);
        Assert.Equal(100.0, row.CiResponsiveness);
    }

    [Fact]
    public void A_request_whose_deadline_lies_beyond_the_data_is_censored()
    {
        var people = Team("a", 1, "a");
        // Monday 16:00 plus 4 working hours is Tuesday 12:00, after the last event: the answer may lie outside the data.
        var row = Only(people, [E(EventKind.Request, null, Monday.AddHours(16), counterpart: "a1"), E(EventKind.Meeting, "a1", Monday.AddHours(17))]);
        Assert.Null(row.CiResponsiveness);
    }

    [Fact]
    public void Reciprocity_counts_distinct_pairs_and_the_partner_may_be_outside_the_group()
    {
        var people = Team("a", 2, "a").Concat(Team("b", 1, "b")).ToList();
        var t = Monday.AddHours(10);
        var rows = KpiCalculator.Compute(people,
        [
            E(EventKind.Message, "a1", t, "a2"), E(EventKind.Message, "a1", t, "a2"), // a1->a2 twice: one pair
            E(EventKind.Message, "a2", t, "a1"),
            E(EventKind.Message, "a1", t, "b1"), E(EventKind.Handoff, "b1", t, "a1", accepted: true, complete: true),
            E(EventKind.Message, "a2", t, "b1"),                                       // not returned
        ], ItemLevels.Empty, new KpiOptions { MinGroupSize = 1 }).Rows.ToDictionary(r => r.Group);
        // a's pairs: a1->a2, a2->a1, a1->b1, a2->b1; reciprocated: the first three.
        Assert.Equal(75.0, rows["a"].CiReciprocity);
        // b's pair b1->a1 is returned by a1->b1.
        Assert.Equal(100.0, rows["b"].CiReciprocity);
        // Reach: a1 and a2 both talk to team b; b1 talks to a.
        Assert.Equal(100.0, rows["a"].CiCrossTeamReach);
        Assert.Equal(100.0, rows["b"].CiCrossTeamReach);
        Assert.Equal((75.0 + 100.0) / 2, rows["a"].Ci); // responsiveness has no data and is left out of the mean
    }

    [Fact]
    public void Res_uses_the_lower_median_of_human_ratings_and_never_guesses_unrated_replies()
    {
        var people = Team("a", 1, "a");
        var t = Monday.AddHours(10);
        var ratings = new List<Rating>
        {
            new("r1", "h1", RaterKind.Human, Kpi.Res, null, 1, t), new("r1", "h2", RaterKind.Human, Kpi.Res, null, 2, t), // tie: lower median 1
            new("r2", "h1", RaterKind.Human, Kpi.Res, null, 2, t), new("r2", "h2", RaterKind.Human, Kpi.Res, null, 3, t), // lower median 2
            new("r3", "coder", RaterKind.Auto, Kpi.Res, null, 3, t),
            new("r3", "h1", RaterKind.Human, Kpi.Res, null, 0, t),                                                          // human overrides auto
            new("r4", "coder", RaterKind.Auto, Kpi.Res, null, 2, t),
            new("r5", "h1", RaterKind.Human, Kpi.Res, "res.2.names_feeling", 3, t),                                        // indicator only
            new("r6", "m1", RaterKind.Manager, Kpi.Res, null, 3, t),                                                        // manager: not an item level
        };
        var replies = Enumerable.Range(1, 6).Select(i => E(EventKind.Reply, "a1", t, text: "hello", id: $"r{i}"))
            .Append(E(EventKind.Reply, "a1", t, text: null, id: "r7")); // no text: not a RES item
        var row = Only(people, replies, ItemLevels.FromRatings(ratings));
        Assert.Equal(4, row.ResN);
        Assert.Equal(2, row.ResUnrated);
        Assert.Equal(50.0, row.Res); // r2 and r4 of r1..r4
    }

    [Fact]
    public void Dqr_and_hsr_follow_their_definitions()
    {
        var people = Team("a", 1, "a");
        var t = Monday.AddHours(10);
        var row = Only(people,
        [
            E(EventKind.Decision, "a1", t, outcome: DecisionOutcome.Good, decisionType: "x"),
            E(EventKind.Decision, "a1", t, outcome: DecisionOutcome.Good, reversed: true, decisionType: "x"),
            E(EventKind.Decision, "a1", t, outcome: DecisionOutcome.Poor, decisionType: "y"),
            E(EventKind.Decision, "a1", t, decisionType: "y"), // unresolved
            E(EventKind.Handoff, "a1", t, accepted: true, complete: true, reworked: false),
            E(EventKind.Handoff, "a1", t, accepted: true, complete: true, reworked: true),
            E(EventKind.Handoff, "a1", t, accepted: true, complete: false),
            E(EventKind.Handoff, "a1", t, accepted: null, complete: true),
        ]);
        Assert.Equal(100.0 / 3, row.Dqr!.Value, 12);
        Assert.Equal(50.0, row.DqrByType!["x"].Percent);
        Assert.Equal(0.0, row.DqrByType["y"].Percent);
        Assert.Equal(1, row.DqrByType["y"].Denominator);
        Assert.Equal(25.0, row.Hsr);
    }

    [Fact]
    public void Daily_periods_split_at_midnight_utc()
    {
        var people = Team("a", 1, "a");
        var report = KpiCalculator.Compute(people,
        [
            E(EventKind.Handoff, "a1", Monday.AddHours(23).AddMinutes(59), accepted: true, complete: true),
            E(EventKind.Handoff, "a1", Monday.AddDays(1), accepted: false),
        ], ItemLevels.Empty, new KpiOptions { MinGroupSize = 1, Period = PeriodKind.Day });
        Assert.Equal([100.0, 0.0], report.Rows.Select(r => r.Hsr!.Value));
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3)], report.Rows.Select(r => r.PeriodStart));
    }

    [Fact]
    public void An_event_far_out_of_time_order_after_requests_were_retired_is_an_error()
    {
        var people = Team("a", 1, "a");
        IEnumerable<Event> Log()
        {
            for (var i = 0; i < 70_000; i++) yield return E(EventKind.Request, null, Monday.AddMinutes(i), counterpart: "a1");
            yield return E(EventKind.Meeting, "a1", Monday);
        }
        var ex = Assert.Throws<InvalidDataException>(() => KpiCalculator.Compute(people, Log(), ItemLevels.Empty, new KpiOptions()));
        Assert.Contains("sort the event log", ex.Message);
    }

    [Fact]
    public void Baseline_covers_the_first_days_and_target_adds_the_uplift()
    {
        var people = Team("a", 1, "a");
        var events = new[]
        {
            E(EventKind.Handoff, "a1", Monday.AddHours(10), accepted: true, complete: true),
            E(EventKind.Handoff, "a1", Monday.AddDays(1).AddHours(10), accepted: false),
            E(EventKind.Handoff, "a1", Monday.AddDays(2).AddHours(10), accepted: false), // after a 2-day baseline
        };
        var b = Baselines.Compute(people, events, ItemLevels.Empty, new KpiOptions { MinGroupSize = 1, BaselineDays = 2, TargetUplift = 10 },
            new DateOnly(2026, 3, 2)).Single();
        Assert.Equal(50.0, b.Hsr);
        Assert.Equal(60.0, b.HsrTarget);
        Assert.Null(b.ResTarget);
    }

    [Theory]
    [InlineData("2026-03-02T10:00:00", 4, "2026-03-02T14:00:00")]
    [InlineData("2026-03-06T16:00:00", 4, "2026-03-09T12:00:00")]
    [InlineData("2026-03-07T12:00:00", 1, "2026-03-09T10:00:00")]
    [InlineData("2026-03-02T18:00:00", 8, "2026-03-03T17:00:00")]
    [InlineData("2026-03-02T08:00:00", 9, "2026-03-03T10:00:00")]
    public void Working_time_skips_nights_and_weekends(string start, int hours, string expected)
    {
        var s = DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            WorkingHours.Default.AddWorkingTime(s, TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void Folding_up_old_periods_while_streaming_gives_the_same_rows_as_keeping_everything()
    {
        var people = Team("a", 6, "a").Concat(Team("b", 6, "b")).ToList();
        var random = new Random(7);
        var events = new List<Event>();
        for (var i = 0; i < 150_000; i++)
        {
            var at = Monday.AddMinutes(i * 2);
            var x = people[random.Next(people.Count)].EmployeeId;
            var y = people[random.Next(people.Count)].EmployeeId;
            events.Add((i % 4) switch
            {
                0 => E(EventKind.Message, x, at, y),
                1 => E(EventKind.Request, null, at, counterpart: x, id: $"q{i}"),
                2 => E(EventKind.Reply, x, at, text: "ok", responseTo: $"q{i - 1 - 4 * random.Next(3)}"),
                _ => E(EventKind.Handoff, x, at, y, accepted: random.Next(2) == 0, complete: true),
            });
        }
        var streaming = new KpiOptions { MinGroupSize = 1, Period = PeriodKind.Week };
        var keepAll = streaming with { OrderSlack = TimeSpan.FromDays(100_000) };
        var a = KpiCalculator.Compute(people, events, ItemLevels.Empty, streaming).Rows;
        var b = KpiCalculator.Compute(people, events, ItemLevels.Empty, keepAll).Rows;
        Assert.True(a.Count > 20);
        Assert.Equal(b.Select(r => (r.Group, r.PeriodStart, r.Employees, r.Ci, r.CiReciprocity, r.CiResponsiveness, r.CiCrossTeamReach, r.Hsr)),
                     a.Select(r => (r.Group, r.PeriodStart, r.Employees, r.Ci, r.CiReciprocity, r.CiResponsiveness, r.CiCrossTeamReach, r.Hsr)));
    }
}
