using SoftSkills.Data.Calendar;
using SoftSkills.Data.Files;
using SoftSkills.Data.Parquet;
using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// Computes the four KPIs (docs/design.md, "KPIs") in one streaming pass over events, by period and by any number of
/// groupings of the same employees. Counts are accumulated per employee and period, so every grouping is a sum over its
/// members taken when a period is sealed: adding a grouping costs no work per event. Memory grows with employees, open
/// periods and requests awaiting a reply, not with the number of events: requests are retired once their response
/// deadline lies <see cref="KpiOptions.OrderSlack"/> behind the newest event, and periods a week behind that are sealed.
/// </summary>
public sealed class KpiCalculator
{
    const int RetireEvery = 1 << 16;

    readonly IReadOnlyList<Grouping> _groupings;
    readonly Grouping _people;
    readonly ItemLevels _levels;
    readonly KpiOptions _options;
    readonly Dictionary<int, PeriodState> _periods = [];
    readonly List<KpiRow>[] _rows;
    readonly Dictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<EarlyReply>> _early = new(StringComparer.Ordinal);
    readonly Dictionary<string, int> _decisionTypes = new(StringComparer.Ordinal);
    readonly List<string> _typeNames = [];
    readonly DateTime? _from, _toExclusive;
    DateTime _min = DateTime.MaxValue, _max = DateTime.MinValue, _retiredBefore = DateTime.MinValue;
    long _seen, _used;

    KpiCalculator(IReadOnlyList<Grouping> groupings, ItemLevels levels, KpiOptions options)
    {
        if (groupings.Count == 0) throw new ArgumentException("at least one grouping is needed");
        if (groupings.Any(g => g.EmployeeCount != groupings[0].EmployeeCount))
            throw new ArgumentException("the groupings of one calculator must group the same employees");
        _groupings = groupings;
        _people = groupings[0];
        _levels = levels;
        _options = options;
        _rows = groupings.Select(_ => new List<KpiRow>()).ToArray();
        _from = options.From?.ToDateTime(TimeOnly.MinValue);
        _toExclusive = options.To?.AddDays(1).ToDateTime(TimeOnly.MinValue);
    }

    /// <summary>Computes the KPIs of an event stream.</summary>
    public static KpiReport Compute(IReadOnlyList<Employee> employees, IEnumerable<Event> events, ItemLevels levels, KpiOptions options) =>
        Compute(new Grouping(employees, options.GroupBy), events, levels, options);

    /// <summary>Computes the KPIs of an event stream under a given grouping.</summary>
    public static KpiReport Compute(Grouping grouping, IEnumerable<Event> events, ItemLevels levels, KpiOptions options) =>
        ComputeMany(events, levels, [(grouping, options)])[0];

    /// <summary>
    /// Several groupings and periods over one read of the events. Jobs that differ only in their grouping share one
    /// accumulation; each distinct period and window has its own, and all are fed the same projection of each event.
    /// </summary>
    public static IReadOnlyList<KpiReport> ComputeMany(IEnumerable<Event> events, ItemLevels levels, IReadOnlyList<(Grouping Grouping, KpiOptions Options)> jobs)
    {
        var (shared, calculators) = Calculators(levels, jobs);
        var projector = new EventProjector(calculators[0]._people, levels);
        foreach (var chunk in projector.Chunks(events)) Feed(calculators, chunk, projector.DecisionTypes);
        return Finish(jobs, shared, calculators);
    }

    /// <summary>
    /// <see cref="ComputeMany(IEnumerable{Event}, ItemLevels, IReadOnlyList{ValueTuple{Grouping, KpiOptions}})"/> over a data
    /// folder's events: read column-wise when the folder allows it and every grouping numbers the folder's employees in
    /// table order, else (or when the column-wise read refuses the file) row by row. Both reads give the same reports.
    /// </summary>
    public static IReadOnlyList<KpiReport> ComputeMany(DataFolder folder, ItemLevels levels, IReadOnlyList<(Grouping Grouping, KpiOptions Options)> jobs)
    {
        var ids = folder.Employees().Select(e => e.EmployeeId).ToList();
        if (jobs.All(j => j.Grouping.NumbersInOrder(ids)) && folder.ColumnarEvents(levels.AsDictionary()) is { } reader)
        {
            try
            {
                var (shared, calculators) = Calculators(levels, jobs);
                foreach (var chunk in reader.Chunks()) Feed(calculators, chunk, reader.DecisionTypes);
                folder.CompleteColumnarRead(reader);
                return Finish(jobs, shared, calculators);
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                // A value the column-wise read cannot vouch for, or events out of order: the row-by-row read below
                // raises the located error (or, lenient, skips the row) exactly as it would have without this attempt.
            }
        }
        return ComputeMany(folder.Events(), levels, jobs);
    }

    static (List<IGrouping<KpiOptions, ((Grouping Grouping, KpiOptions Options) j, int i)>>, KpiCalculator[]) Calculators(
        ItemLevels levels, IReadOnlyList<(Grouping Grouping, KpiOptions Options)> jobs)
    {
        if (jobs.Count == 0) throw new ArgumentException("at least one job is needed");
        var people = jobs[0].Grouping;
        if (jobs.Any(j => !ReferenceEquals(j.Grouping, people) && !j.Grouping.SameEmployees(people)))
            throw new ArgumentException("the groupings of one computation must number the same employees alike");
        var shared = jobs.Select((j, i) => (j, i)).GroupBy(x => x.j.Options with { GroupBy = "" }).ToList();
        return (shared, shared.Select(g => new KpiCalculator(g.Select(x => x.j.Grouping).ToList(), levels, g.Key)).ToArray());
    }

    static void Feed(KpiCalculator[] calculators, EventColumns chunk, IReadOnlyList<string> typeNames)
    {
        for (var i = 0; i < chunk.Count; i++)
            foreach (var c in calculators) c.Add(chunk, i, typeNames);
    }

    static IReadOnlyList<KpiReport> Finish(IReadOnlyList<(Grouping, KpiOptions)> jobs,
        List<IGrouping<KpiOptions, ((Grouping Grouping, KpiOptions Options) j, int i)>> shared, KpiCalculator[] calculators)
    {
        var reports = new KpiReport[jobs.Count];
        for (var c = 0; c < calculators.Length; c++)
        {
            var finished = calculators[c].Finish();
            var members = shared[c].ToList();
            for (var k = 0; k < members.Count; k++) reports[members[k].i] = finished[k];
        }
        return reports;
    }

    /// <summary>Adds event <paramref name="i"/> of a chunk.</summary>
    void Add(EventColumns e, int i, IReadOnlyList<string> typeNames)
    {
        var ts = e.Timestamp[i];
        if (_from is { } f && ts < f || _toExclusive is { } t && ts >= t) return;
        if (ts < _retiredBefore)
            throw new InvalidDataException(
                $"event '{e.EventId[i]}' at {ts:O} is more than {_options.OrderSlack.TotalDays:0.#} days older than events before it: sort the event log by timestamp");
        if (ts < _min) _min = ts;
        if (ts > _max) _max = ts;
        _used++;
        if (++_seen % RetireEvery == 0) Retire(_max - _options.OrderSlack);

        var actor = e.Actor[i];
        var counterpart = e.Counterpart[i];
        var kind = e.Kind[i];
        var period = actor >= 0 || kind is EventKind.Request or EventKind.Message or EventKind.Handoff ? Period(ts) : null;
        if (actor >= 0) period!.Set(PeriodState.Contributor, actor);
        switch (kind)
        {
            case EventKind.Reply:
                if (actor >= 0 && e.HasText[i]) AddReplyLevel(period!, actor, e.ItemValue[i], e.Channel[i]);
                if (actor >= 0 && e.ResponseTo[i] is { } requestId) AddReply(requestId, actor, ts);
                break;
            case EventKind.Request:
                if (counterpart >= 0) AddRequest(e.RequestId[i]!, counterpart, ts);
                break;
            case EventKind.Message:
                AddContact(period!, actor, counterpart);
                break;
            case EventKind.Handoff:
                AddContact(period!, actor, counterpart);
                if (actor >= 0)
                {
                    period!.Handoffs[actor]++;
                    if (e.HandoffAccepted[i] == 1 && e.ContextComplete[i] == 1 && e.Reworked[i] != 1) period.HandoffsOk[actor]++;
                    period.Set(PeriodState.Hsr, actor);
                }
                break;
            case EventKind.Decision:
                if (actor >= 0 && e.Outcome[i] >= 0)
                    period!.AddDecision(actor, TypeIndex(e.DecisionType[i] < 0 ? "(none)" : typeNames[e.DecisionType[i]]),
                        (DecisionOutcome)e.Outcome[i] == DecisionOutcome.Good && e.Reversed[i] != 1);
                break;
        }
    }

    int TypeIndex(string type)
    {
        if (_decisionTypes.TryGetValue(type, out var i)) return i;
        _decisionTypes[type] = i = _typeNames.Count;
        _typeNames.Add(type);
        return i;
    }

    /// <summary>A reply's rubric level (−1 when unrated) counts towards RES.</summary>
    void AddReplyLevel(PeriodState period, int actor, int level, Channel channel)
    {
        if (level < 0) { period.ResUnrated[actor]++; return; }
        period.AddRating(actor, (int)channel, level >= _options.EmpathicLevel);
    }

    void AddContact(PeriodState period, int actor, int counterpart)
    {
        if (actor < 0 || counterpart < 0 || actor == counterpart) return;
        period.Pairs.Add(((long)actor << 32) | (uint)counterpart);
        period.Set(PeriodState.Contact, actor);
        period.Set(PeriodState.Contact, counterpart);
        period.Set(PeriodState.Contributor, counterpart);
        period.Set(PeriodState.Ci, actor);
        period.Set(PeriodState.Ci, counterpart);
        if (_people.TeamOf(actor) != _people.TeamOf(counterpart))
        {
            period.Set(PeriodState.Reacher, actor);
            period.Set(PeriodState.Reacher, counterpart);
        }
    }

    void AddRequest(string requestId, int counterpart, DateTime ts)
    {
        var deadline = _options.WorkingHours.Deadline(ts, _options.ResponseLimit);
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
        var who = request.Counterpart;
        period.Set(PeriodState.Contributor, who);
        period.Set(PeriodState.Ci, who);
        period.Requests[who]++;
        if (answered) period.Answered[who]++;
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
        // A period that ended a week before the horizon can get no more events or request outcomes: fold it up into
        // rows and free its per-employee counts, so memory does not grow with the length of the log.
        foreach (var (key, period) in _periods)
            if (PeriodEnd(key) < horizon - TimeSpan.FromDays(7)) Seal(key, period);
    }

    DateTime PeriodEnd(int key) => _options.Period switch
    {
        PeriodKind.Day => DateOnly.FromDayNumber(key).AddDays(1).ToDateTime(TimeOnly.MinValue),
        PeriodKind.Week => DateOnly.FromDayNumber(key).AddDays(7).ToDateTime(TimeOnly.MinValue),
        _ => DateTime.MaxValue,
    };

    /// <summary>Ends the pass and returns, per grouping, one row per group and period with data.</summary>
    IReadOnlyList<KpiReport> Finish()
    {
        // Requests whose deadline lies beyond the data are censored: their answer may lie outside the window.
        var end = _toExclusive ?? _max;
        foreach (var request in _pending.Values)
            if (request.Deadline <= end) Close(request, answered: false);
        _pending.Clear();
        foreach (var (key, period) in _periods.ToList()) Seal(key, period);

        DateOnly? first = _used > 0 ? DateOnly.FromDateTime(_min) : null;
        DateOnly? last = _used > 0 ? DateOnly.FromDateTime(_max) : null;
        return _groupings.Select((grouping, i) => new KpiReport(
            _rows[i].OrderBy(r => r.PeriodStart).ThenBy(r => grouping.GroupIndexOf(r.Group)).ToList(),
            _options.From ?? first, _options.To ?? last, _used)
        {
            Grouping = grouping, MinGroupSize = _options.MinGroupSize,
        }).ToList();
    }

    void Seal(int key, PeriodState period)
    {
        _periods.Remove(key);
        if (_lastPeriod == period) { _lastPeriod = null; _lastStart = DateTime.MaxValue; _lastEnd = DateTime.MinValue; }
        DateOnly? first = _used > 0 ? DateOnly.FromDateTime(_min) : null;
        var start = _options.Period == PeriodKind.Window ? _options.From ?? first!.Value : DateOnly.FromDayNumber(key);
        period.CountPairs();
        for (var i = 0; i < _groupings.Count; i++) _rows[i].AddRange(Rows(_groupings[i], period, start));
    }

    /// <summary>One row per group with a contributor in the period: the sums of its members' counts.</summary>
    IEnumerable<KpiRow> Rows(Grouping grouping, PeriodState period, DateOnly start)
    {
        var minimum = _options.MinGroupSize;
        var groups = new GroupCounts?[grouping.Groups.Count];
        GroupCounts G(int g) => groups[g] ??= new GroupCounts();
        for (var e = 0; e < grouping.EmployeeCount; e++)
        {
            if (!period.Touched(e)) continue;
            var c = G(grouping.GroupOf(e));
            c.ResRated += period.ResRated[e]; c.ResGood += period.ResGood[e]; c.ResUnrated += period.ResUnrated[e];
            c.Requests += period.Requests[e]; c.Answered += period.Answered[e];
            c.Decisions += period.Decisions[e]; c.GoodDecisions += period.GoodDecisions[e];
            c.Handoffs += period.Handoffs[e]; c.HandoffsOk += period.HandoffsOk[e];
            c.Pairs += period.PairsOwned[e]; c.Reciprocated += period.PairsReciprocated[e];
        }
        if (period.ChannelRated is { } rated)
            for (var i = 0; i < rated.Length; i++)
                if (rated[i] > 0)
                {
                    var c = G(grouping.GroupOf(i / PeriodState.Channels));
                    var channel = i % PeriodState.Channels;
                    (c.ChannelRated ??= new int[PeriodState.Channels])[channel] += rated[i];
                    (c.ChannelGood ??= new int[PeriodState.Channels])[channel] += period.ChannelGood![i];
                }
        foreach (var ((employee, type), (n, good)) in period.TypeCounts)
        {
            var c = G(grouping.GroupOf(employee));
            c.ByType ??= [];
            var (sn, sg) = c.ByType.GetValueOrDefault(type);
            c.ByType[type] = (sn + n, sg + good);
        }
        var people = new Dictionary<string, (int[] Counts, Dictionary<int, int[]>? Small)>(StringComparer.Ordinal);
        foreach (var (name, bits) in period.Sets()) people[name] = Count(bits, grouping, minimum);

        for (var g = 0; g < groups.Length; g++)
        {
            if (people[PeriodState.SetName(PeriodState.Contributor)].Counts[g] == 0) continue;
            yield return Row(grouping, g, start, G(g), people, minimum);
        }
    }

    KpiRow Row(Grouping grouping, int g, DateOnly start, GroupCounts acc, Dictionary<string, (int[] Counts, Dictionary<int, int[]>? Small)> people, int minimum)
    {
        CellCounts Cell(string set, int n) =>
            people.TryGetValue(set, out var p) ? new CellCounts(n, p.Counts[g], p.Small is not null && p.Small.TryGetValue(g, out var s) ? s : null) : new CellCounts(n, 0, null);
        int People(string set) => people.TryGetValue(set, out var p) ? p.Counts[g] : 0;

        var hadContacts = People(PeriodState.SetName(PeriodState.Contact)) > 0;
        var reciprocity = new Share(acc.Reciprocated, acc.Pairs).Percent;
        var responsiveness = new Share(acc.Answered, acc.Requests).Percent;
        var reach = hadContacts ? new Share(People(PeriodState.SetName(PeriodState.Reacher)), grouping.Members[g]).Percent : null;
        double?[] parts = [reciprocity, responsiveness, reach];
        var present = parts.Where(p => p.HasValue).Select(p => p!.Value).ToList();
        var ciN = acc.Pairs + acc.Requests + (hadContacts ? grouping.Members[g] : 0);
        var cells = new Dictionary<string, CellCounts>(StringComparer.Ordinal)
        {
            ["res"] = Cell("res", acc.ResRated),
            ["ci"] = Cell("ci", ciN),
            ["dqr"] = Cell("dqr", acc.Decisions),
            ["hsr"] = Cell("hsr", acc.Handoffs),
        };
        Dictionary<string, Share>? byType = null;
        if (acc.ByType is { } types)
        {
            byType = new(StringComparer.Ordinal);
            foreach (var (type, (n, good)) in types.OrderBy(t => _typeNames[t.Key], StringComparer.Ordinal))
            {
                var key = CellKey.Of(Kpi.Dqr, _typeNames[type]);
                cells[key] = Cell(key, n);
                byType[_typeNames[type]] = new Share(good, n, People(key));
            }
        }
        Dictionary<string, Share>? byChannel = null;
        if (acc.ChannelRated is { } rated)
        {
            byChannel = new(StringComparer.Ordinal);
            foreach (var channel in Enum.GetValues<Channel>())
            {
                var n = rated[(int)channel];
                if (n == 0) continue;
                var key = CellKey.Of(Kpi.Res, EnumNames.Of(channel));
                cells[key] = Cell(key, n);
                byChannel[EnumNames.Of(channel)] = new Share(acc.ChannelGood![(int)channel], n, People(key));
            }
        }
        var contributors = People(PeriodState.SetName(PeriodState.Contributor));
        var row = new KpiRow
        {
            GroupBy = grouping.GroupBy,
            Group = grouping.Groups[g],
            Period = _options.Period,
            PeriodStart = start,
            Employees = contributors,
            Suppressed = false,
            Res = new Share(acc.ResGood, acc.ResRated).Percent,
            ResN = acc.ResRated,
            ResPeople = cells["res"].People,
            ResUnrated = acc.ResUnrated,
            Ci = present.Count == 0 ? null : present.Average(),
            CiN = ciN,
            CiPeople = cells["ci"].People,
            CiReciprocity = reciprocity,
            CiResponsiveness = responsiveness,
            CiCrossTeamReach = reach,
            Dqr = new Share(acc.GoodDecisions, acc.Decisions).Percent,
            DqrN = acc.Decisions,
            DqrPeople = cells["dqr"].People,
            DqrByType = byType,
            ResByChannel = byChannel,
            Hsr = new Share(acc.HandoffsOk, acc.Handoffs).Percent,
            HsrN = acc.Handoffs,
            HsrPeople = cells["hsr"].People,
            Cells = cells,
        };
        return contributors < minimum ? row.Suppress() : Disclosure.WithholdSmall(row, minimum);
    }

    /// <summary>Set bits per group; for groups with fewer than <paramref name="minimum"/>, also who they are.</summary>
    static (int[] Counts, Dictionary<int, int[]>? Small) Count(ulong[] bits, Grouping grouping, int minimum)
    {
        var counts = new int[grouping.Groups.Count];
        for (var w = 0; w < bits.Length; w++)
            for (var word = bits[w]; word != 0; word &= word - 1)
                counts[grouping.GroupOf((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word))]++;
        if (minimum <= 1 || !counts.Any(c => c > 0 && c < minimum)) return (counts, null);
        var small = new Dictionary<int, List<int>>();
        for (var w = 0; w < bits.Length; w++)
            for (var word = bits[w]; word != 0; word &= word - 1)
            {
                var e = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                var g = grouping.GroupOf(e);
                if (counts[g] < minimum) (small.TryGetValue(g, out var l) ? l : small[g] = []).Add(e);
            }
        return (counts, small.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    int PeriodKey(DateTime ts)
    {
        var day = DateOnly.FromDateTime(ts).DayNumber;
        return _options.Period switch
        {
            PeriodKind.Day => day,
            PeriodKind.Week => IsoWeek.Monday(DateOnly.FromDayNumber(day)).DayNumber,
            _ => 0,
        };
    }

    // Consecutive events mostly fall in the same period: remember the last one.
    PeriodState? _lastPeriod;
    DateTime _lastStart = DateTime.MaxValue, _lastEnd = DateTime.MinValue;

    PeriodState Period(DateTime ts)
    {
        if (ts >= _lastStart && ts < _lastEnd) return _lastPeriod!;
        var key = PeriodKey(ts);
        if (!_periods.TryGetValue(key, out var p)) _periods[key] = p = new PeriodState(_people.EmployeeCount) { TypeKey = t => CellKey.Of(Kpi.Dqr, _typeNames[t]) };
        if (_options.Period != PeriodKind.Window)
        {
            _lastPeriod = p;
            _lastStart = DateOnly.FromDayNumber(key).ToDateTime(TimeOnly.MinValue);
            _lastEnd = _lastStart.AddDays(_options.Period == PeriodKind.Day ? 1 : 7);
        }
        return p;
    }

    readonly record struct PendingRequest(int Counterpart, DateTime At, DateTime Deadline)
    {
        /// <summary>Answered by a reply from the person asked, after the request and by its deadline.</summary>
        public bool IsAnsweredBy(int actor, DateTime at) => actor == Counterpart && at >= At && at <= Deadline;
    }

    readonly record struct EarlyReply(int Actor, DateTime At);

    /// <summary>A group's sums of its members' counts in one period.</summary>
    sealed class GroupCounts
    {
        public int ResRated, ResGood, ResUnrated, Requests, Answered, Decisions, GoodDecisions, Handoffs, HandoffsOk, Pairs, Reciprocated;
        public Dictionary<int, (int N, int Good)>? ByType;
        public int[]? ChannelRated, ChannelGood;
    }

    /// <summary>
    /// One period's counts per employee, the directed contact pairs, and per employee a bit for each way of taking part:
    /// contributed at all, had a contact, reached another team, and acted in a way each KPI (and each decision type and
    /// channel) counts. The bits give the distinct people behind every value.
    /// </summary>
    sealed class PeriodState(int employees)
    {
        public const int Contributor = 0, Contact = 1, Reacher = 2, Res = 3, Ci = 4, Dqr = 5, Hsr = 6;
        public static readonly int Channels = Enum.GetValues<Channel>().Length;
        static readonly string[] Names = ["any", "contact", "reach", "res", "ci", "dqr", "hsr"];
        static readonly string[] ChannelKeys = Enum.GetValues<Channel>().Select(c => CellKey.Of(Kpi.Res, EnumNames.Of(c))).ToArray();

        public static string SetName(int set) => Names[set];

        readonly int _words = (employees + 63) / 64;
        readonly ulong[][] _sets = Enumerable.Range(0, 7).Select(_ => new ulong[(employees + 63) / 64]).ToArray();
        readonly Dictionary<int, ulong[]> _typeSets = [];
        ulong[]?[]? _channelSets;

        public readonly int[] ResRated = new int[employees], ResGood = new int[employees], ResUnrated = new int[employees];
        public readonly int[] Requests = new int[employees], Answered = new int[employees];
        public readonly int[] Decisions = new int[employees], GoodDecisions = new int[employees];
        public readonly int[] Handoffs = new int[employees], HandoffsOk = new int[employees];
        public int[] PairsOwned = [], PairsReciprocated = [];
        public int[]? ChannelRated, ChannelGood;
        public readonly Dictionary<(int Employee, int Type), (int N, int Good)> TypeCounts = [];
        public readonly PairSet Pairs = new();

        public void Set(int set, int employee) => _sets[set][employee >> 6] |= 1UL << employee;

        /// <summary>True when the employee took part in the period in any way (every count of an untouched employee is 0).</summary>
        public bool Touched(int e) => (_sets[Contributor][e >> 6] & (1UL << e)) != 0;

        public void AddDecision(int employee, int type, bool good)
        {
            Decisions[employee]++;
            if (good) GoodDecisions[employee]++;
            ref var counts = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(TypeCounts, (employee, type), out _);
            counts = (counts.N + 1, good ? counts.Good + 1 : counts.Good);
            Set(Dqr, employee);
            if (!_typeSets.TryGetValue(type, out var bits)) _typeSets[type] = bits = new ulong[_words];
            bits[employee >> 6] |= 1UL << employee;
        }

        public void AddRating(int employee, int channel, bool good)
        {
            ResRated[employee]++;
            if (good) ResGood[employee]++;
            ChannelRated ??= new int[ResRated.Length * Channels];
            ChannelGood ??= new int[ResRated.Length * Channels];
            ChannelRated[employee * Channels + channel]++;
            if (good) ChannelGood[employee * Channels + channel]++;
            Set(Res, employee);
            _channelSets ??= new ulong[Channels][];
            (_channelSets[channel] ??= new ulong[_words])[employee >> 6] |= 1UL << employee;
        }

        /// <summary>Each employee's directed pairs, and how many of them the partner returned.</summary>
        public void CountPairs()
        {
            PairsOwned = new int[ResRated.Length];
            PairsReciprocated = new int[ResRated.Length];
            foreach (var pair in Pairs.Items())
            {
                var a = (int)(pair >> 32);
                var b = (int)(pair & 0xffffffff);
                PairsOwned[a]++;
                if (Pairs.Contains(((long)b << 32) | (uint)a)) PairsReciprocated[a]++;
            }
        }

        /// <summary>Every people set by name: the seven above, <c>dqr/TYPE</c> by decision type index, <c>res/CHANNEL</c>.</summary>
        public IEnumerable<(string Name, ulong[] Bits)> Sets()
        {
            for (var s = 0; s < _sets.Length; s++) yield return (Names[s], _sets[s]);
            foreach (var (type, bits) in _typeSets) yield return (TypeKey(type), bits);
            if (_channelSets is not null)
                for (var c = 0; c < _channelSets.Length; c++)
                    if (_channelSets[c] is { } bits) yield return (ChannelKeys[c], bits);
        }

        /// <summary>Set by the calculator so type sets can be named.</summary>
        public Func<int, string> TypeKey { get; set; } = t => t.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
