using System.Runtime.CompilerServices;
using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Tests;

/// <summary>How a simulated day is held in memory (docs/design.md §7, "Memory of a day"): pooled buffers, packed ids, one mail array.</summary>
public class DayMemoryTests
{
    [Fact]
    public async Task Released_day_buffers_are_reused_and_give_the_days_of_kept_ones()
    {
        // 400 employees: a day's events span several chunks, so reuse is tested across chunk boundaries.
        var scenario = ScenarioRescale.Rescale(Scenarios.DefaultPilot, 400, 12);
        var roster = Roster.Of(scenario);
        var released = new ReferenceEngine();
        var kept = new ReferenceEngine();
        await released.StartAsync(scenario, roster);
        await kept.StartAsync(scenario, roster);
        var keptDays = new List<DayResult>();
        DayBuffers? previous = null;
        for (var day = 0; day < scenario.Days; day++)
        {
            var a = await released.RunDayAsync(day);
            var rowsA = Rows(a, roster);
            if (previous is not null) Assert.Same(previous, a.Buffers); // the set released yesterday is lent again
            previous = a.Buffers;
            a.Release();
            a.Release(); // once is enough; a second call does nothing
            var b = await kept.RunDayAsync(day);
            keptDays.Add(b);
            Assert.Equal(rowsA, Rows(b, roster));
            Assert.All(b.Employees, e => Assert.Equal(0, e.Outbox.Count)); // mail is dropped once delivered
        }
        Assert.Equal(scenario.Days, keptDays.Select(d => d.Buffers).Distinct().Count()); // kept days are never reused
        Assert.True(keptDays.Sum(d => d.Employees.Sum(e => e.Events.Count)) > 20_000);
        // Kept days still read as they were written, after every later day ran.
        Assert.Equal(Rows(keptDays[0], roster), Rows(await FirstDay(scenario, roster), roster));
    }

    [Fact]
    public void Results_added_from_many_threads_at_once_each_hold_their_own_days()
    {
        // Grains in one process add their days concurrently (docs/design.md §7): every slice must hold exactly its own.
        var buffers = new DayBufferPool().Lend();
        const int employees = 100_000;
        var days = Enumerable.Range(0, employees).Select(i =>
        {
            var n = i % 7;
            return (Events: Enumerable.Range(0, n).Select(k => new SimEvent { Id = new EventRef(i, 1, k), Ticks = i }).ToList(),
                Ratings: Enumerable.Range(0, n % 3).Select(k => new SimRating(new EventRef(i, 1, k), i, k, 0)).ToList(),
                Mail: Enumerable.Range(0, n % 4).Select(k => new Mail(i, (i + 1) % employees, k, MailKind.Message, EventRef.None, 0)).ToList(),
                Surveys: Enumerable.Range(0, n % 2).Select(_ => new SurveyResponse(i % 11, 3)).ToList());
        }).ToArray();
        var results = new EmployeeDayResult[employees];
        const int threads = 4;
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait(); // all at once, interleaved, so they contend for the buffers
            for (var i = t; i < employees; i += threads)
                results[i] = buffers.Add(days[i].Events, days[i].Ratings, days[i].Mail, new TruthRow("E", 1, 0, 0, 0, 0), days[i].Surveys);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        for (var i = 0; i < employees; i++)
        {
            var r = results[i];
            var n = i % 7;
            Assert.Equal(Enumerable.Range(0, n).Select(k => new EventRef(i, 1, k)), r.Events.Select(e => e.Id));
            Assert.All(r.Events, e => Assert.Equal(i, e.Ticks));
            Assert.Equal(Enumerable.Range(0, n % 3), r.Ratings.Select(x => x.Score));
            Assert.All(r.Ratings, x => Assert.Equal(i, x.Rater));
            Assert.Equal(Enumerable.Range(0, n % 4), r.Outbox.Select(m => m.Sequence));
            Assert.All(r.Outbox, m => Assert.Equal(i, m.From));
            Assert.All(r.Surveys, s => Assert.Equal(i % 11, s.Nps));
            Assert.Equal(n % 2, r.Surveys.Count);
        }
    }

    static async Task<DayResult> FirstDay(Scenario scenario, Roster roster)
    {
        var engine = new ReferenceEngine();
        await engine.StartAsync(scenario, roster);
        return await engine.RunDayAsync(0);
    }

    static List<string> Rows(DayResult day, Roster roster) =>
        [.. day.Employees.SelectMany(e => e.Events).Select(e => e.ToEvent(roster).ToString()),
         .. day.Employees.SelectMany(e => e.Ratings).Select(r => r.ToRating().ToString())];

    [Fact]
    public void An_event_ref_packs_employee_and_day_and_writes_the_same_id()
    {
        var id = new EventRef(999_999, 3_659, 70_000);
        Assert.Equal((999_999, 3_659, 70_000), (id.Employee, id.Day, id.Sequence));
        Assert.Equal("E1000000-3659-70000", id.ToString());
        Assert.Equal("E000001-000-007", new EventRef(0, 0, 7).ToString());
        Assert.True(EventRef.None.IsNone);
        Assert.Equal(-1, EventRef.None.Employee);
        Assert.False(new EventRef(0, 0, 0).IsNone);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventRef(1_048_575, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventRef(-1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventRef(0, 4_096, 0));
        Assert.Equal(8, Unsafe.SizeOf<EventRef>());
    }

    [Fact]
    public void An_event_holds_a_text_or_a_decision_type_in_one_field()
    {
        var decision = new SimEvent { Kind = EventKind.Decision, Text = null } with { DecisionType = "pricing" };
        Assert.Equal(("pricing", (string?)null), (decision.DecisionType, decision.Text));
        Assert.Null((decision with { DecisionType = null }).DecisionType);
        var message = new SimEvent { Kind = EventKind.Message, Text = "Noted." };
        Assert.Equal(("Noted.", (string?)null), (message.Text, message.DecisionType));
        Assert.Throws<InvalidOperationException>(() => message with { DecisionType = "pricing" });
        Assert.Throws<InvalidOperationException>(() => decision with { Text = "Noted." });
    }

    [Fact]
    public void An_event_packs_its_small_fields_into_40_bytes_and_refuses_what_does_not_fit()
    {
        Assert.Equal(40, Unsafe.SizeOf<SimEvent>());
        var plain = new SimEvent { Kind = EventKind.Message };
        Assert.Equal((-1, (double?)null, false, (DecisionOutcome?)null), (plain.Counterpart, plain.DurationMinutes, plain.FromCustomer, plain.Outcome));
        var e = new SimEvent
        {
            Kind = EventKind.Decision, Channel = Channel.Email, Counterpart = 1_048_574, DurationMinutes = 4_094, FromCustomer = true,
            Outcome = DecisionOutcome.Poor, Reworked = false, DecisionType = "pricing",
        };
        Assert.Equal((EventKind.Decision, Channel.Email, 1_048_574, (double?)4_094, true, (DecisionOutcome?)DecisionOutcome.Poor, (bool?)false, "pricing"),
            (e.Kind, e.Channel, e.Counterpart, e.DurationMinutes, e.FromCustomer, e.Outcome, e.Reworked, e.DecisionType));
        var changed = e with { Counterpart = 0, DurationMinutes = 0, FromCustomer = false, Outcome = DecisionOutcome.Good };
        Assert.Equal((0, (double?)0, false, (DecisionOutcome?)DecisionOutcome.Good, "pricing"),
            (changed.Counterpart, changed.DurationMinutes, changed.FromCustomer, changed.Outcome, changed.DecisionType));
        Assert.Equal(((double?)null, (DecisionOutcome?)null, 0), ((changed with { DurationMinutes = null }).DurationMinutes, (changed with { Outcome = null }).Outcome,
            (changed with { DurationMinutes = null }).Counterpart));
        Assert.Throws<ArgumentOutOfRangeException>(() => plain with { Counterpart = 1_048_575 });
        Assert.Throws<ArgumentOutOfRangeException>(() => plain with { Counterpart = -2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => plain with { DurationMinutes = 4_095 });
        Assert.Throws<ArgumentOutOfRangeException>(() => plain with { DurationMinutes = 30.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => plain with { DurationMinutes = double.NaN });
    }

    [Fact]
    public void The_mailroom_sorts_each_inbox_by_sender_and_sequence_whatever_the_order_of_results()
    {
        static EmployeeDayResult Sent(params Mail[] mail) =>
            new(ArraySegment<SimEvent>.Empty, ArraySegment<SimRating>.Empty, mail, new TruthRow("E", 0, 0, 0, 0, 0), ArraySegment<SurveyResponse>.Empty);
        var mailroom = new Mailroom(3);
        Mail M(int from, int to, int sequence) => new(from, to, sequence, MailKind.Message, EventRef.None, 0);
        mailroom.Deliver([Sent(M(2, 0, 0), M(2, 0, 1)), Sent(M(1, 0, 1), M(1, 2, 0), M(1, 0, 0)), Sent()]);
        Assert.Equal([(1, 0), (1, 1), (2, 0), (2, 1)], mailroom.Inboxes[0].Select(m => (m.From, m.Sequence)));
        Assert.Equal(0, mailroom.Inboxes[1].Count);
        Assert.Equal([(1, 0)], mailroom.Inboxes[2].Select(m => (m.From, m.Sequence)));
        mailroom.Deliver([Sent(), Sent(M(1, 1, 0)), Sent()]); // the next day refills the same array
        Assert.Equal(0, mailroom.Inboxes[0].Count);
        Assert.Equal([(1, 0)], mailroom.Inboxes[1].Select(m => (m.From, m.Sequence)));
    }
}
