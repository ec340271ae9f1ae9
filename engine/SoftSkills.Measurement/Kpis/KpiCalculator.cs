using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// Computes the four KPIs of DESIGN §3 in one streaming pass over events, by group and period. Memory grows with
/// employees, groups, periods and requests awaiting a reply, not with the number of events: requests are retired once
/// their response deadline lies <see cref="KpiOptions.OrderSlack"/> behind the newest event.
/// </summary>
public sealed class KpiCalculator(Grouping grouping, ItemLevels levels, KpiOptions options)
{
    const int RetireEvery = 1 << 16;

    readonly Dictionary<int, PeriodAccumulator> _periods = [];
    readonly Dictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<EarlyReply>> _early = new(StringComparer.Ordinal);
    readonly DateTime? _from = options.From?.ToDateTime(TimeOnly.MinValue);
    readonly DateTime? _toExclusive = options.To?.AddDays(1).ToDateTime(TimeOnly.MinValue);
    DateTime _min = DateTime.MaxValue, _max = DateTime.MinValue, _retiredBefore = DateTime.MinValue;
    long _seen, _used;

    /// <summary>Computes the KPIs of an event stream.</summary>
    public static KpiReport Compute(IReadOnlyList<Employee> employees, IEnumerable<Event> events, ItemLevels levels, KpiOptions options) =>
        Compute(new Grouping(employees, options.GroupBy), events, levels, options);

    /// <summary>Computes the KPIs of an event stream under a given grouping.</summary>
    public static KpiReport Compute(Grouping grouping, IEnumerable<Event> events, ItemLevels levels, KpiOptions options)
    {
        var calculator = new KpiCalculator(grouping, levels, options);
        foreach (var e in events) calculator.Add(e);
        return calculator.Finish();
    }

    /// <summary>Several groupings and periods over one read of the events (the read is most of the cost).</summary>
    public static IReadOnlyList<KpiReport> ComputeMany(IEnumerable<Event> events, ItemLevels levels, IReadOnlyList<(Grouping Grouping, KpiOptions Options)> jobs)
    {
        var calculators = jobs.Select(j => new KpiCalculator(j.Grouping, levels, j.Options)).ToArray();
        foreach (var e in events)
            foreach (var c in calculators) c.Add(e);
        return calculators.Select(c => c.Finish()).ToList();
    }

    /// <summary>Adds one event.</summary>
    public void Add(Event e)
    {
        var ts = e.Timestamp;
        if (_from is { } f && ts < f || _toExclusive is { } t && ts >= t) return;
        if (ts < _retiredBefore)
            throw new InvalidDataException(
                $"event '{e.EventId}' at {ts:O} is more than {options.OrderSlack.TotalDays:0.#} days older than events before it: sort the event log by timestamp");
        if (ts < _min) _min = ts;
        if (ts > _max) _max = ts;
        _used++;
        if (++_seen % RetireEvery == 0) Retire(_max - options.OrderSlack);

        var actor = grouping.EmployeeIndex(e.ActorId);
        var counterpart = grouping.EmployeeIndex(e.CounterpartId);
        if (actor >= 0) Period(ts).Contribute(actor);
        switch (e.Kind)
        {
            case EventKind.Reply:
                if (actor >= 0 && !string.IsNullOrEmpty(e.Text)) AddReplyLevel(At(actor, ts), e.EventId, e.Channel);
                if (actor >= 0 && e.ResponseTo is { } requestId) AddReply(requestId, actor, ts);
                break;
            case EventKind.Request:
                if (counterpart >= 0) AddRequest(e.EventId, counterpart, ts);
                break;
            case EventKind.Message:
                AddContact(actor, counterpart, ts);
                break;
            case EventKind.Handoff:
                AddContact(actor, counterpart, ts);
                if (actor >= 0)
                {
                    var acc = At(actor, ts);
                    acc.Handoffs++;
                    if (e.HandoffAccepted == true && e.ContextComplete == true && e.Reworked != true) acc.HandoffsOk++;
                }
                break;
            case EventKind.Decision:
                if (actor >= 0 && e.Outcome is { } outcome) At(actor, ts).AddDecision(e.DecisionType ?? "(none)", outcome == DecisionOutcome.Good && e.Reversed != true);
                break;
        }
    }

    void AddReplyLevel(GroupAccumulator acc, string eventId, Channel channel)
    {
        if (!levels.TryGet(eventId, out var level)) { acc.ResUnrated++; return; }
        var good = level >= options.EmpathicLevel;
        acc.ResRated++;
        if (good) acc.ResGood++;
        acc.ResByChannel ??= new int[Enum.GetValues<Channel>().Length * 2];
        acc.ResByChannel[(int)channel * 2]++;
        if (good) acc.ResByChannel[(int)channel * 2 + 1]++;
    }

    void AddContact(int actor, int counterpart, DateTime ts)
    {
        if (actor < 0 || counterpart < 0 || actor == counterpart) return;
        var period = Period(ts);
        period.Pairs.Add(((long)actor << 32) | (uint)counterpart);
        period.For(grouping.GroupOf(actor)).HadContacts = true;
        period.For(grouping.GroupOf(counterpart)).HadContacts = true;
        period.Contribute(counterpart);
        if (grouping.TeamOf(actor) != grouping.TeamOf(counterpart))
        {
            period.Reach(actor);
            period.Reach(counterpart);
        }
    }

    void AddRequest(string requestId, int counterpart, DateTime ts)
    {
        var deadline = options.WorkingHours.Deadline(ts, options.ResponseLimit);
        var request = new PendingRequest(counterpart, ts, deadline);
        if (_early.Remove(requestId, out var replies) && replies.Any(r => request.IsAnsweredBy(r.Actor, r.At)))
        {
            Close(request, answered: true);
            return;
        }
        // A repeated request id keeps the first request; event ids are unique in validated data.
        _pending.TryAdd(requestId, request);
    }

    void AddReply(string requestId, int actor, DateTime ts)
    {
        if (_pending.TryGetValue(requestId, out var request))
        {
            if (!request.IsAnsweredBy(actor, ts)) return;
            _pending.Remove(requestId);
            Close(request, answered: true);
            return;
        }
        if (!_early.TryGetValue(requestId, out var list)) _early[requestId] = list = [];
        list.Add(new EarlyReply(actor, ts));
    }

    void Close(PendingRequest request, bool answered)
    {
        var period = Period(request.At);
        period.Contribute(request.Counterpart);
        var acc = period.For(grouping.GroupOf(request.Counterpart));
        acc.Requests++;
        if (answered) acc.Answered++;
    }

    /// <summary>Closes requests whose deadline passed long before the newest event, and forgets replies to unseen requests.</summary>
    void Retire(DateTime horizon)
    {
        var closed = false;
        foreach (var (id, request) in _pending)
        {
            if (request.Deadline >= horizon) continue;
            Close(request, answered: false);
            _pending.Remove(id);
            closed = true;
        }
        foreach (var (id, replies) in _early)
        {
            replies.RemoveAll(r => r.At < horizon);
            if (replies.Count == 0) { _early.Remove(id); closed = true; }
        }
        if (closed) _retiredBefore = horizon;
        // A period that ended a week before the horizon can get no more events or request outcomes: fold it up
        // and free its pair set and bitsets, so memory does not grow with the length of the log.
        foreach (var (key, period) in _periods)
            if (!period.Sealed && PeriodEnd(key) < horizon - TimeSpan.FromDays(7)) period.Seal(grouping);
    }

    DateTime PeriodEnd(int key) => options.Period switch
    {
        PeriodKind.Day => DateOnly.FromDayNumber(key).AddDays(1).ToDateTime(TimeOnly.MinValue),
        PeriodKind.Week => DateOnly.FromDayNumber(key).AddDays(7).ToDateTime(TimeOnly.MinValue),
        _ => DateTime.MaxValue,
    };

    /// <summary>Ends the pass and returns one row per group and period with data.</summary>
    public KpiReport Finish()
    {
        // Requests whose deadline lies beyond the data are censored: their answer may lie outside the window.
        var end = _toExclusive ?? _max;
        foreach (var request in _pending.Values)
            if (request.Deadline <= end) Close(request, answered: false);
        _pending.Clear();

        var rows = new List<KpiRow>();
        DateOnly? first = _used > 0 ? DateOnly.FromDateTime(_min) : null;
        DateOnly? last = _used > 0 ? DateOnly.FromDateTime(_max) : null;
        foreach (var (key, period) in _periods.OrderBy(p => p.Key))
        {
            if (!period.Sealed) period.Seal(grouping);
            var start = options.Period == PeriodKind.Window ? options.From ?? first!.Value : DateOnly.FromDayNumber(key);
            for (var g = 0; g < period.Groups.Length; g++)
                if (period.Groups[g] is { } acc) rows.Add(Row(g, start, acc));
        }
        return new KpiReport(rows, options.From ?? first, options.To ?? last, _used);
    }

    KpiRow Row(int g, DateOnly start, GroupAccumulator acc)
    {
        var (contributors, reachers) = (acc.Contributors, acc.Reachers);
        var reciprocity = new Share(acc.Reciprocated, acc.Pairs).Percent;
        var responsiveness = new Share(acc.Answered, acc.Requests).Percent;
        var reach = acc.HadContacts ? new Share(reachers, grouping.Members[g]).Percent : null;
        double?[] parts = [reciprocity, responsiveness, reach];
        var present = parts.Where(p => p.HasValue).Select(p => p!.Value).ToList();
        var row = new KpiRow
        {
            GroupBy = grouping.GroupBy,
            Group = grouping.Groups[g],
            Period = options.Period,
            PeriodStart = start,
            Employees = contributors,
            Suppressed = false,
            Res = new Share(acc.ResGood, acc.ResRated).Percent,
            ResN = acc.ResRated,
            ResUnrated = acc.ResUnrated,
            Ci = present.Count == 0 ? null : present.Average(),
            CiN = acc.Pairs + acc.Requests + (acc.HadContacts ? grouping.Members[g] : 0),
            CiReciprocity = reciprocity,
            CiResponsiveness = responsiveness,
            CiCrossTeamReach = reach,
            Dqr = new Share(acc.GoodDecisions, acc.Decisions).Percent,
            DqrN = acc.Decisions,
            DqrByType = acc.ByType?.ToDictionary(kv => kv.Key, kv => new Share(kv.Value.Good, kv.Value.N)),
            ResByChannel = acc.ResByChannel is { } c
                ? Enum.GetValues<Channel>().Where(ch => c[(int)ch * 2] > 0).ToDictionary(ch => EnumNames.Of(ch), ch => new Share(c[(int)ch * 2 + 1], c[(int)ch * 2]))
                : null,
            Hsr = new Share(acc.HandoffsOk, acc.Handoffs).Percent,
            HsrN = acc.Handoffs,
        };
        return contributors < options.MinGroupSize ? row.Suppress() : row;
    }

    int PeriodKey(DateTime ts)
    {
        var day = DateOnly.FromDateTime(ts).DayNumber;
        return options.Period switch
        {
            PeriodKind.Day => day,
            PeriodKind.Week => day - ((int)DateOnly.FromDayNumber(day).DayOfWeek + 6) % 7, // the Monday of the ISO week
            _ => 0,
        };
    }

    // Consecutive events mostly fall in the same period: remember the last one.
    PeriodAccumulator? _lastPeriod;
    DateTime _lastStart = DateTime.MaxValue, _lastEnd = DateTime.MinValue;

    PeriodAccumulator Period(DateTime ts)
    {
        if (ts >= _lastStart && ts < _lastEnd) return _lastPeriod!;
        var key = PeriodKey(ts);
        if (!_periods.TryGetValue(key, out var p)) _periods[key] = p = new PeriodAccumulator(grouping.Groups.Count, grouping.EmployeeCount);
        if (options.Period != PeriodKind.Window)
        {
            _lastPeriod = p;
            _lastStart = DateOnly.FromDayNumber(key).ToDateTime(TimeOnly.MinValue);
            _lastEnd = _lastStart.AddDays(options.Period == PeriodKind.Day ? 1 : 7);
        }
        return p;
    }

    GroupAccumulator At(int employee, DateTime ts) => Period(ts).For(grouping.GroupOf(employee));

    sealed record PendingRequest(int Counterpart, DateTime At, DateTime Deadline)
    {
        /// <summary>Answered by a reply from the person asked, after the request and by its deadline.</summary>
        public bool IsAnsweredBy(int actor, DateTime at) => actor == Counterpart && at >= At && at <= Deadline;
    }

    readonly record struct EarlyReply(int Actor, DateTime At);

    /// <summary>
    /// One period: counters per group, the directed contact pairs, and per employee a bit for "contributed" and one for
    /// "reached another team". Sealing turns pairs and bits into per-group counts and frees them.
    /// </summary>
    sealed class PeriodAccumulator(int groups, int employees)
    {
        public readonly GroupAccumulator?[] Groups = new GroupAccumulator?[groups];
        public HashSet<long> Pairs = new(PairComparer.Instance);
        ulong[] _contributors = new ulong[(employees + 63) / 64];
        ulong[] _reachers = new ulong[(employees + 63) / 64];
        public bool Sealed { get; private set; }

        public GroupAccumulator For(int g) => Groups[g] ??= new GroupAccumulator();
        public void Contribute(int employee) => _contributors[employee >> 6] |= 1UL << employee;
        public void Reach(int employee) => _reachers[employee >> 6] |= 1UL << employee;

        public void Seal(Grouping grouping)
        {
            foreach (var pair in Pairs)
            {
                var a = (int)(pair >> 32);
                var b = (int)(pair & 0xffffffff);
                var acc = For(grouping.GroupOf(a));
                acc.Pairs++;
                if (Pairs.Contains(((long)b << 32) | (uint)a)) acc.Reciprocated++;
            }
            Count(_contributors, grouping, (acc, n) => acc.Contributors = n);
            Count(_reachers, grouping, (acc, n) => acc.Reachers = n);
            Pairs = new(PairComparer.Instance);
            _contributors = _reachers = [];
            Sealed = true;
        }

        void Count(ulong[] bits, Grouping grouping, Action<GroupAccumulator, int> set)
        {
            var counts = new int[Groups.Length];
            for (var w = 0; w < bits.Length; w++)
                for (var word = bits[w]; word != 0; word &= word - 1)
                    counts[grouping.GroupOf((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word))]++;
            for (var g = 0; g < counts.Length; g++)
                if (counts[g] > 0) set(For(g), counts[g]);
        }
    }

    /// <summary>
    /// long.GetHashCode folds a pair (a, b) to a ^ b, so pairs of nearby employees collide massively: mix the bits instead
    /// (the finaliser of MurmurHash3, Appleby 2011).
    /// </summary>
    sealed class PairComparer : IEqualityComparer<long>
    {
        public static readonly PairComparer Instance = new();
        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long pair)
        {
            var h = (ulong)pair;
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdUL;
            h ^= h >> 33;
            h *= 0xc4ceb9fe1a85ec53UL;
            h ^= h >> 33;
            return (int)h;
        }
    }

    sealed class GroupAccumulator
    {
        public int Contributors, Reachers;
        public int ResRated, ResGood, ResUnrated, Requests, Answered, Decisions, GoodDecisions, Handoffs, HandoffsOk, Pairs, Reciprocated;
        public bool HadContacts;
        public Dictionary<string, (int N, int Good)>? ByType;
        /// <summary>Rated replies and empathic replies per channel, interleaved: [n(chat), good(chat), n(ticket), ...].</summary>
        public int[]? ResByChannel;

        public void AddDecision(string type, bool good)
        {
            Decisions++;
            if (good) GoodDecisions++;
            ByType ??= new(StringComparer.Ordinal);
            var (n, g) = ByType.GetValueOrDefault(type);
            ByType[type] = (n + 1, good ? g + 1 : g);
        }
    }
}
