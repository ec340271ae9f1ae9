using System.Runtime.CompilerServices;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Empathy;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Model;

/// <summary>A customer's answer to a survey after a reply: NPS 0–10 and CSAT 1–5.</summary>
[GenerateSerializer, Immutable, Alias("softskills.survey")]
public readonly record struct SurveyResponse([property: Id(0)] int Nps, [property: Id(1)] double Csat);

/// <summary>
/// Everything one employee's day produced. Plain data: the grain and the reference runner return the same; the lists are
/// slices of the day's <see cref="DayBuffers"/> in the reference engine and whole arrays from a grain. It crosses silos
/// as <see cref="EmployeeDaySurrogate"/> (arrays).
/// </summary>
[Immutable]
public sealed class EmployeeDayResult(
    ArraySegment<SimEvent> events, ArraySegment<SimRating> ratings, ArraySegment<Mail> outbox, TruthRow truth, ArraySegment<SurveyResponse> surveys)
{
    public ArraySegment<SimEvent> Events { get; } = events;
    public ArraySegment<SimRating> Ratings { get; } = ratings;
    public ArraySegment<Mail> Outbox { get; private set; } = outbox;
    public TruthRow Truth { get; } = truth;
    public ArraySegment<SurveyResponse> Surveys { get; private set; } = surveys;

    /// <summary>The day buffers the slices are in, when they are (not serialised).</summary>
    internal DayBuffers? Owner { get; init; }

    /// <summary>Drops the mail and survey answers once the day has read them (they may live in buffers the next day reuses).</summary>
    internal void DropSameDay() => (Outbox, Surveys) = (ArraySegment<Mail>.Empty, ArraySegment<SurveyResponse>.Empty);
}

/// <summary>The facts of a simulated day shared by everyone.</summary>
public readonly record struct DayInfo(int Day, DateOnly Date, bool Workday, bool PilotActive)
{
    public static DayInfo Of(Scenario s, int day)
    {
        var date = s.StartDate.AddDays(day);
        return new DayInfo(day, date, date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday, day >= s.Pilot.BaselineDays);
    }
}

/// <summary>
/// An employee's day as plain code (docs/design.md §7): requests arrive and are answered, messages exchanged, handoffs passed,
/// decisions taken and meetings held, all driven by the latent traits. Three generators seeded by (seed, employee, day)
/// keep activity, ratings and trait changes on separate streams.
/// </summary>
public sealed class EmployeeDay(Scenario scenario, Roster roster, EmployeeProfile me, EmployeeState state, DayInfo day)
{
    const int WorkMinutes = 480;

    readonly Rng _act = new(scenario.Seed, 1000 + (ulong)me.Index * 3, (ulong)day.Day);
    readonly Rng _rate = new(scenario.Seed, 1001 + (ulong)me.Index * 3, (ulong)day.Day);
    readonly Rng _evolve = new(scenario.Seed, 1002 + (ulong)me.Index * 3, (ulong)day.Day);
    // Scratch lists reused by every day run on this thread (a day runs start to end on one thread); each result is an exact copy.
    [ThreadStatic] static Scratch? _scratch;
    List<SimEvent> _events = null!;
    List<SimRating> _ratings = null!;
    List<Mail> _outbox = null!;
    List<SurveyResponse> _surveys = null!;
    int _sequence;

    sealed class Scratch
    {
        public readonly List<SimEvent> Events = new(64);
        public readonly List<SimRating> Ratings = new(16);
        public readonly List<Mail> Outbox = new(16);
        public readonly List<SurveyResponse> Surveys = new(8);
    }

    int Arm => roster.Arm[me.Team];
    bool Treated => Arm == Roster.TreatmentArm && day.PilotActive;

    /// <summary>
    /// Runs the day on an inbox sorted by (sender, sequence) and returns what it produced: slices of <paramref name="into"/>,
    /// or new arrays without it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public EmployeeDayResult Run(ArraySegment<Mail> inbox, DayBuffers? into = null)
    {
        var scratch = _scratch ??= new();
        (_events, _ratings, _outbox, _surveys) = (scratch.Events, scratch.Ratings, scratch.Outbox, scratch.Surveys);
        _events.Clear();
        _ratings.Clear();
        _outbox.Clear();
        _surveys.Clear();
        if (day.Workday)
        {
            foreach (var carried in state.Carried) CustomerReply(carried.RequestId, carried.Channel, carried.Complaint, carried.RequestText, carried.MinuteNextDay);
            state.Carried.Clear();
            foreach (var mail in inbox.AsSpan()) Receive(mail); // a default segment is an empty inbox
            CustomerRequests();
            InternalRequests();
            Messages();
            Handoffs();
            Decisions();
            Routine();
            Coaching();
        }
        EndOfDay();
        var truth = new TruthRow(me.Id, day.Day, state.Effective(0), state.Effective(1), state.Effective(2), state.Effective(3));
        return into is not null
            ? into.Add(_events, _ratings, _outbox, truth, _surveys)
            : new EmployeeDayResult(_events.ToArray(), _ratings.ToArray(), _outbox.ToArray(), truth, _surveys.ToArray());
    }

    double Trait(int k) => state.Effective(k);

    EventRef NextId() => new(me.Index, day.Day, _sequence++);

    long At(int minute) =>
        day.Date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddMinutes(Math.Clamp(minute, 0, WorkMinutes - 1)).AddSeconds(_act.Next(60)).Ticks;

    SimEvent Add(SimEvent e)
    {
        _events.Add(e);
        return e;
    }

    /// <summary>A new event of this employee (id and time drawn in that order); <paramref name="counterpart"/> −1 for none.</summary>
    SimEvent NewEvent(EventKind kind, int minute, Channel channel, int counterpart = -1, string? text = null, EventRef? responseTo = null, bool fromCustomer = false) => new()
    {
        Id = NextId(), Ticks = At(minute), Kind = kind, FromCustomer = fromCustomer, Counterpart = counterpart,
        Channel = channel, Text = text, ResponseTo = responseTo ?? EventRef.None,
    };

    void Send(int to, MailKind kind, EventRef requestId, int minute) =>
        _outbox.Add(new Mail(me.Index, to, _outbox.Count, kind, requestId, minute));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Receive(Mail mail)
    {
        var c = Trait(Roster.Collaboration);
        var minute = _act.Next(WorkMinutes);
        var answers = _act.Chance(mail.Kind == MailKind.Request ? 0.55 + 0.45 * c : 0.25 + 0.65 * c);
        var delay = (int)_act.Exponential(30 + 200 * (1 - c));
        var from = mail.From;
        switch (mail.Kind)
        {
            case MailKind.Message when answers:
                Add(NewEvent(EventKind.Message, minute, Channel.Chat, from, "Thanks, noted."));
                Send(mail.From, MailKind.Message, EventRef.None, minute);
                break;
            case MailKind.Request when answers:
                Add(NewEvent(EventKind.Reply, delay, Channel.Chat, from, ReplyWriter.InternalReply(_act), mail.RequestId));
                break;
            case MailKind.Handoff:
                Add(NewEvent(EventKind.TaskUpdate, minute, Channel.TaskBoard, text: Roster.PickedUpFrom(mail.From)));
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void CustomerRequests()
    {
        if (!roster.CustomerFacing[me.Team]) return;
        foreach (var (channelName, rate) in WorkloadTables.CustomerChannels(scenario.Workload))
        {
            var channel = channelName switch { "email" => Channel.Email, "chat" => Channel.Chat, _ => Channel.Ticket };
            var n = _act.Poisson(rate);
            for (var i = 0; i < n; i++)
            {
                var minute = _act.Next(WorkMinutes);
                var complaint = _act.Chance(scenario.Workload.ComplaintShare);
                var text = ReplyWriter.CustomerRequest(_act, complaint);
                var request = Add(NewEvent(EventKind.Request, minute, channel, me.Index, text, fromCustomer: true));
                var answered = _act.Chance(0.97);
                var replyAt = minute + 1 + (int)_act.Exponential(20 + 150 * (1 - Trait(Roster.Collaboration)));
                if (!answered) continue;
                if (replyAt < WorkMinutes) CustomerReply(request.Id, channelName, complaint, text, replyAt);
                else state.Carried.Add(new CarriedReply(request.Id, channelName, complaint, replyAt - WorkMinutes, text));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void CustomerReply(EventRef requestId, string channelName, bool complaint, string requestText, int minute)
    {
        var channel = channelName switch { "email" => Channel.Email, "chat" => Channel.Chat, _ => Channel.Ticket };
        var empathy = Trait(Roster.Empathy);
        var phraseFactor = me.NonNative ? scenario.Text.NonNativePhraseFactor : 1.0;
        // The marker coder's level of the reply, from the writer's sentences (the same as MarkerCoder.Default.Score(text, requestText)).
        var (text, level) = ReplyWriter.CodedCustomerReply(_act, empathy, phraseFactor, state.MarkerHabit, complaint, requestText);
        var reply = Add(NewEvent(EventKind.Reply, minute, channel, text: text, responseTo: requestId));
        _ratings.Add(new SimRating(reply.Id, 0, level, reply.Ticks));
        RateByHumans(reply, empathy);
        if (Treated && scenario.Interventions.RealtimeFeedback is { Enabled: true } feedback && level < feedback.Threshold)
        {
            // The writer sees a low score at once: the stock-phrase habit grows fast, true empathy slowly.
            state.MarkerHabit += feedback.MarkerBoost * (1 - state.MarkerHabit);
            state.Traits[Roster.Empathy] += feedback.EmpathyGain * (1 - state.Traits[Roster.Empathy]);
            state.FeedbackNudges++;
        }
    }

    /// <summary>Human raters judge the reply's true quality (not its phrases), with their noise and leniency; customers answer surveys.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void RateByHumans(SimEvent reply, double empathy)
    {
        var r = scenario.Raters;
        var quality = Math.Clamp(empathy + 0.12 * _rate.Normal(), 0, 1);
        var sampled = _rate.Chance(r.HumanShare);
        var surveyed = _rate.Chance(r.NpsResponseRate);
        var nps = (int)Math.Clamp(Math.Round(2 + 9 * quality + 1.5 * _rate.Normal()), 0, 10);
        var csat = Math.Round(Math.Clamp(1 + 4 * quality + 0.5 * _rate.Normal(), 1, 5), 2);
        if (surveyed) _surveys.Add(new SurveyResponse(nps, csat));
        if (!sampled) return;
        var trueLevel = quality * 4 - 0.5;
        Span<int> pool = r.HumanRaterPool <= 256 ? stackalloc int[r.HumanRaterPool] : new int[r.HumanRaterPool];
        for (var i = 0; i < pool.Length; i++) pool[i] = i + 1;
        for (var k = 0; k < r.HumanRatersPerItem; k++)
        {
            var j = k + _rate.Next(pool.Length - k);
            (pool[k], pool[j]) = (pool[j], pool[k]);
            var score = (int)Math.Clamp(Math.Round(trueLevel + r.HumanLeniency + r.HumanNoiseSd * _rate.Normal()), 0, 3);
            _ratings.Add(new SimRating(reply.Id, pool[k], score, reply.Ticks + TimeSpan.TicksPerDay));
        }
    }

    /// <summary>A colleague: in the own team, or with the given probability in another team.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    int Colleague(double crossShare)
    {
        var cross = _act.Chance(crossShare) && roster.TeamNames.Length > 1;
        var pick = _act.NextDouble();
        var team = me.Team;
        if (cross)
        {
            team = (int)(pick * (roster.TeamNames.Length - 1));
            if (team >= me.Team) team++;
            pick = _act.NextDouble();
        }
        var size = roster.TeamSize[team];
        if (team == me.Team && size == 1) return -1;
        var k = (int)(pick * (team == me.Team ? size - 1 : size));
        var other = roster.TeamStart[team] + k;
        return team == me.Team && other >= me.Index ? other + 1 : other;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void InternalRequests()
    {
        var n = _act.Poisson(scenario.Workload.InternalRequestsPerDay);
        for (var i = 0; i < n; i++)
        {
            var to = Colleague(scenario.Workload.CrossTeamShare);
            var minute = _act.Next(WorkMinutes);
            var text = ReplyWriter.InternalRequest(_act);
            if (to < 0) continue;
            var request = Add(NewEvent(EventKind.Request, minute, Channel.Chat, to, text));
            Send(to, MailKind.Request, request.Id, minute);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Messages()
    {
        var c = Trait(Roster.Collaboration);
        var n = _act.Poisson(scenario.Workload.MessagesPerDay * (0.6 + 0.8 * c));
        for (var i = 0; i < n; i++)
        {
            var to = Colleague(scenario.Workload.CrossTeamShare * (0.5 + c));
            var minute = _act.Next(WorkMinutes);
            if (to < 0) continue;
            Add(NewEvent(EventKind.Message, minute, Channel.Chat, to, "Quick question about the current case."));
            Send(to, MailKind.Message, EventRef.None, minute);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Handoffs()
    {
        var h = Trait(Roster.HandoffDiligence);
        foreach (var (route, target, handingOver) in WorkloadTables.HandoffsFrom(scenario.Workload, roster, me.Team))
        {
            var n = _act.Poisson(route.PerDay);
            for (var i = 0; i < n; i++)
            {
                var to = roster.TeamStart[target] + _act.Next(roster.TeamSize[target]);
                var minute = _act.Next(WorkMinutes);
                var complete = _act.Chance(0.35 + 0.6 * h);
                var accepted = _act.Chance(complete ? 0.95 : 0.65);
                var reworked = _act.Chance(complete ? 0.04 + 0.12 * (1 - h) : 0.45);
                if (to == me.Index) continue;
                Add(NewEvent(EventKind.Handoff, minute, Channel.TaskBoard, to, handingOver) with
                {
                    HandoffAccepted = accepted, ContextComplete = complete, Reworked = reworked,
                });
                Send(to, MailKind.Handoff, EventRef.None, minute);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Decisions()
    {
        var d = Trait(Roster.DecisionSkill);
        foreach (var spec in scenario.Workload.Decisions)
        {
            var n = _act.Poisson(spec.PerDay);
            for (var i = 0; i < n; i++)
            {
                var minute = _act.Next(WorkMinutes);
                var resolved = _act.Chance(0.9);
                var good = _act.Chance(Math.Clamp(spec.BaseQuality + 0.6 * (d - 0.5), 0.02, 0.98));
                var reversed = _act.Chance(good ? 0.04 : 0.3);
                Add(NewEvent(EventKind.Decision, minute, Channel.Meeting) with
                {
                    DecisionType = spec.Type,
                    Outcome = resolved ? good ? DecisionOutcome.Good : DecisionOutcome.Poor : null,
                    Reversed = resolved ? reversed : null,
                });
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Routine()
    {
        var meeting = _act.Chance(scenario.Workload.MeetingsPerWeek / 5);
        var minute = _act.Next(WorkMinutes - 60);
        var length = _act.Chance(0.5) ? 30 : 60;
        if (meeting)
            Add(NewEvent(EventKind.Meeting, minute, Channel.Meeting) with { DurationMinutes = length });
        var updates = _act.Poisson(scenario.Workload.TaskUpdatesPerDay);
        for (var i = 0; i < updates; i++) Add(NewEvent(EventKind.TaskUpdate, _act.Next(WorkMinutes), Channel.TaskBoard, text: "Updated the card."));
    }

    /// <summary>A coaching nudge moves each coached trait a learning-rate share of the way to 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Coaching()
    {
        var c = scenario.Interventions.CoachingNudge;
        var nudged = _evolve.Chance(c.NudgesPerWeek / 5);
        if (!Treated || !c.Enabled || !nudged) return;
        foreach (var name in c.Traits)
        {
            var k = Array.IndexOf(ScenarioLoader.TraitNames, name);
            state.CoachingGain[k] += c.LearningRate * (1 - Trait(k));
        }
        state.NudgesReceived++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void EndOfDay()
    {
        var drift = scenario.Text.TraitDriftSd;
        for (var k = 0; k < 4; k++)
        {
            state.Traits[k] = Math.Clamp(state.Traits[k] + drift * _evolve.Normal(), 0.02, 0.98);
            state.CoachingGain[k] *= 1 - scenario.Interventions.CoachingNudge.Decay;
        }
        state.MarkerHabit *= 1 - scenario.Interventions.RealtimeFeedback.MarkerDecay;
    }
}
