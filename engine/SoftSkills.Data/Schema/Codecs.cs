namespace SoftSkills.Data.Schema;

/// <summary>The <c>employees</c> table; <c>attr_*</c> columns follow the fixed ones in the order given.</summary>
public sealed class EmployeeCodec(IReadOnlyList<string> attributeColumns) : TableCodec<Employee>
{
    static readonly ColumnDef[] Fixed =
    [
        new("employee_id", ColumnType.Text, true),
        new("team_id", ColumnType.Text, true),
        new("manager_id", ColumnType.Text),
        new("role", ColumnType.Text, true),
        new("tenure_months", ColumnType.Integer, true),
    ];

    readonly ColumnDef[] _columns = [.. Fixed, .. attributeColumns.Select(a => new ColumnDef(a, ColumnType.Text))];
    readonly IdRegistry _ids = new();

    public IReadOnlyList<string> AttributeColumns { get; } = attributeColumns;
    public override string Table => "employees";
    public override IReadOnlyList<ColumnDef> Columns => _columns;

    /// <summary>The <c>attr_*</c> columns among a file's header.</summary>
    public static IReadOnlyList<string> AttributesIn(IEnumerable<string> header) =>
        header.Where(h => h.StartsWith("attr_", StringComparison.Ordinal)).ToArray();

    public override Employee Read(ICellSource row)
    {
        var id = Required(row, 0, "employee_id");
        if (!_ids.Add(id)) throw row.Error(0, $"duplicate employee_id '{id}'");
        var tenure = row.Integer(4) ?? throw row.Error(4, "tenure_months is empty");
        if (tenure < 0) throw row.Error(4, $"tenure_months {tenure} is negative");
        var attrs = new Dictionary<string, string>(AttributeColumns.Count);
        for (var i = 0; i < AttributeColumns.Count; i++)
        {
            var v = row.Text(Fixed.Length + i);
            if (v is not null) attrs[AttributeColumns[i]] = v;
        }
        return new Employee(id, Required(row, 1, "team_id"), row.Text(2), Required(row, 3, "role"), tenure, attrs);
    }

    public override void Write(Employee e, ICellSink sink)
    {
        sink.Text(0, e.EmployeeId);
        sink.Text(1, e.TeamId);
        sink.Text(2, e.ManagerId);
        sink.Text(3, e.Role);
        sink.Integer(4, e.TenureMonths);
        for (var i = 0; i < AttributeColumns.Count; i++) sink.Text(Fixed.Length + i, e.Attribute(AttributeColumns[i]));
        sink.EndRow();
    }
}

/// <summary>The <c>events</c> table, checked for duplicate ids and identifiers that name no employee.</summary>
public sealed class EventCodec(EventChecks? checks = null) : TableCodec<Event>
{
    static readonly ColumnDef[] All =
    [
        new("event_id", ColumnType.Text, true),
        new("timestamp", ColumnType.Timestamp, true),
        new("kind", ColumnType.Text, true),
        new("actor_id", ColumnType.Text),
        new("counterpart_id", ColumnType.Text),
        new("team_id", ColumnType.Text, true),
        new("thread_id", ColumnType.Text),
        new("channel", ColumnType.Text, true),
        new("text", ColumnType.Text),
        new("response_to", ColumnType.Text),
        new("decision_type", ColumnType.Text),
        new("outcome", ColumnType.Text),
        new("reversed", ColumnType.Boolean),
        new("handoff_accepted", ColumnType.Boolean),
        new("context_complete", ColumnType.Boolean),
        new("reworked", ColumnType.Boolean),
        new("duration_minutes", ColumnType.Real),
    ];

    public override string Table => "events";
    public override IReadOnlyList<ColumnDef> Columns => All;

    public override Event Read(ICellSource row)
    {
        var id = Required(row, 0, "event_id");
        if (checks?.EventIds is { } ids && !ids.Add(id)) throw row.Error(0, $"duplicate event_id '{id}'");
        var kind = ParseEnum<EventKind>(row, 2);
        var actor = row.Text(3);
        if (actor is null && kind != EventKind.Request) throw row.Error(3, $"actor_id is empty on a {EnumNames.Of(kind)} (only a request from an outside party may have no actor)");
        var counterpart = row.Text(4);
        CheckEmployee(row, 3, actor);
        CheckEmployee(row, 4, counterpart);
        var duration = row.Real(16);
        if (duration is < 0) throw row.Error(16, $"duration_minutes {duration} is negative");
        return new Event
        {
            EventId = id,
            Timestamp = row.Timestamp(1) ?? throw row.Error(1, "timestamp is empty"),
            Kind = kind,
            ActorId = actor,
            CounterpartId = counterpart,
            TeamId = Team(row),
            ThreadId = row.Text(6),
            Channel = ParseEnum<Channel>(row, 7),
            Text = row.Text(8),
            ResponseTo = row.Text(9),
            DecisionType = row.Text(10),
            Outcome = ParseOptionalEnum<DecisionOutcome>(row, 11),
            Reversed = row.Boolean(12),
            HandoffAccepted = row.Boolean(13),
            ContextComplete = row.Boolean(14),
            Reworked = row.Boolean(15),
            DurationMinutes = duration,
        };
    }

    string Team(ICellSource row)
    {
        var team = Required(row, 5, "team_id");
        if (checks?.Teams is { } known && !known.Contains(team)) throw row.Error(5, $"team '{team}' is no employee's team in employees");
        return team;
    }

    void CheckEmployee(ICellSource row, int column, string? id)
    {
        if (id is not null && checks?.Employees is { } known && !known.Contains(id))
            throw row.Error(column, $"'{id}' names no employee in employees");
    }

    public override void Write(Event e, ICellSink sink)
    {
        sink.Text(0, e.EventId);
        sink.Timestamp(1, e.Timestamp);
        sink.Text(2, EnumNames.Of(e.Kind));
        sink.Text(3, e.ActorId);
        sink.Text(4, e.CounterpartId);
        sink.Text(5, e.TeamId);
        sink.Text(6, e.ThreadId);
        sink.Text(7, EnumNames.Of(e.Channel));
        sink.Text(8, e.Text);
        sink.Text(9, e.ResponseTo);
        sink.Text(10, e.DecisionType);
        sink.Text(11, e.Outcome is { } o ? EnumNames.Of(o) : null);
        sink.Boolean(12, e.Reversed);
        sink.Boolean(13, e.HandoffAccepted);
        sink.Boolean(14, e.ContextComplete);
        sink.Boolean(15, e.Reworked);
        sink.Real(16, e.DurationMinutes);
        sink.EndRow();
    }
}

/// <summary>
/// The <c>ratings</c> table; scores are whole rubric levels 0–3. Given the item ids known to name no event, a RES rating
/// of one of them is an error at its row (a RES rating's item_id is the reply's event_id).
/// </summary>
public sealed class RatingCodec(IReadOnlySet<string>? itemsWithoutEvent = null) : TableCodec<Rating>
{
    static readonly ColumnDef[] All =
    [
        new("item_id", ColumnType.Text, true),
        new("rater_id", ColumnType.Text, true),
        new("rater_kind", ColumnType.Text, true),
        new("kpi", ColumnType.Text, true),
        new("indicator", ColumnType.Text),
        new("score", ColumnType.Integer, true),
        new("rated_at", ColumnType.Timestamp, true),
    ];

    public override string Table => "ratings";
    public override IReadOnlyList<ColumnDef> Columns => All;

    public override Rating Read(ICellSource row)
    {
        var score = row.Integer(5) ?? throw row.Error(5, "score is empty");
        if (score is < 0 or > 3) throw row.Error(5, $"score {score} is outside 0–3");
        var rating = new Rating(
            Required(row, 0, "item_id"),
            Required(row, 1, "rater_id"),
            ParseEnum<RaterKind>(row, 2),
            ParseEnum<Kpi>(row, 3),
            row.Text(4),
            score,
            row.Timestamp(6) ?? throw row.Error(6, "rated_at is empty"));
        if (rating.Kpi == Kpi.Res && itemsWithoutEvent?.Contains(rating.ItemId) == true)
            throw row.Error(0, $"'{rating.ItemId}' names no event in events (a RES rating's item_id is the reply's event_id)");
        return rating;
    }

    public override void Write(Rating r, ICellSink sink)
    {
        sink.Text(0, r.ItemId);
        sink.Text(1, r.RaterId);
        sink.Text(2, EnumNames.Of(r.RaterKind));
        sink.Text(3, EnumNames.Of(r.Kpi));
        sink.Text(4, r.Indicator);
        sink.Integer(5, r.Score);
        sink.Timestamp(6, r.RatedAt);
        sink.EndRow();
    }
}

/// <summary>The <c>outcomes</c> table (nps, manager_rating, csat, productivity, ...).</summary>
public sealed class OutcomeCodec : TableCodec<Outcome>
{
    static readonly ColumnDef[] All =
    [
        new("subject_id", ColumnType.Text, true),
        new("subject_kind", ColumnType.Text, true),
        new("date", ColumnType.Date, true),
        new("metric", ColumnType.Text, true),
        new("value", ColumnType.Real, true),
    ];

    public override string Table => "outcomes";
    public override IReadOnlyList<ColumnDef> Columns => All;

    public override Outcome Read(ICellSource row) => new(
        Required(row, 0, "subject_id"),
        ParseEnum<SubjectKind>(row, 1),
        row.Date(2) ?? throw row.Error(2, "date is empty"),
        Required(row, 3, "metric"),
        row.Real(4) ?? throw row.Error(4, "value is empty"));

    public override void Write(Outcome o, ICellSink sink)
    {
        sink.Text(0, o.SubjectId);
        sink.Text(1, EnumNames.Of(o.SubjectKind));
        sink.Date(2, o.Date);
        sink.Text(3, o.Metric);
        sink.Real(4, o.Value);
        sink.EndRow();
    }
}

/// <summary>The <c>interventions</c> table.</summary>
public sealed class InterventionCodec : TableCodec<Intervention>
{
    static readonly ColumnDef[] All =
    [
        new("subject_id", ColumnType.Text, true),
        new("subject_kind", ColumnType.Text, true),
        new("kind", ColumnType.Text, true),
        new("arm", ColumnType.Text, true),
        new("start", ColumnType.Date, true),
        new("end", ColumnType.Date, true),
    ];

    public override string Table => "interventions";
    public override IReadOnlyList<ColumnDef> Columns => All;

    public override Intervention Read(ICellSource row)
    {
        var start = row.Date(4) ?? throw row.Error(4, "start is empty");
        var end = row.Date(5) ?? throw row.Error(5, "end is empty");
        if (end < start) throw row.Error(5, $"end {end:yyyy-MM-dd} is before start {start:yyyy-MM-dd}");
        return new Intervention(Required(row, 0, "subject_id"), ParseEnum<SubjectKind>(row, 1),
            ParseEnum<InterventionKind>(row, 2), ParseEnum<Arm>(row, 3), start, end);
    }

    public override void Write(Intervention i, ICellSink sink)
    {
        sink.Text(0, i.SubjectId);
        sink.Text(1, EnumNames.Of(i.SubjectKind));
        sink.Text(2, EnumNames.Of(i.Kind));
        sink.Text(3, EnumNames.Of(i.Arm));
        sink.Date(4, i.Start);
        sink.Date(5, i.End);
        sink.EndRow();
    }
}

/// <summary>The <c>truth</c> table written by the simulator.</summary>
public sealed class TruthCodec : TableCodec<TruthRow>
{
    static readonly ColumnDef[] All =
    [
        new("employee_id", ColumnType.Text, true),
        new("day", ColumnType.Integer, true),
        new("empathy", ColumnType.Real, true),
        new("collaboration", ColumnType.Real, true),
        new("decision_skill", ColumnType.Real, true),
        new("handoff_diligence", ColumnType.Real, true),
    ];

    public override string Table => "truth";
    public override IReadOnlyList<ColumnDef> Columns => All;

    public override TruthRow Read(ICellSource row)
    {
        var day = row.Integer(1) ?? throw row.Error(1, "day is empty");
        if (day < 0) throw row.Error(1, $"day {day} is negative");
        return new TruthRow(Required(row, 0, "employee_id"), day, Trait(row, 2), Trait(row, 3), Trait(row, 4), Trait(row, 5));
    }

    static double Trait(ICellSource row, int column)
    {
        var v = row.Real(column) ?? throw row.Error(column, "trait is empty");
        return v is >= 0 and <= 1 ? v : throw row.Error(column, $"trait {v} is outside [0,1]");
    }

    public override void Write(TruthRow t, ICellSink sink)
    {
        sink.Text(0, t.EmployeeId);
        sink.Integer(1, t.Day);
        sink.Real(2, t.Empathy);
        sink.Real(3, t.Collaboration);
        sink.Real(4, t.DecisionSkill);
        sink.Real(5, t.HandoffDiligence);
        sink.EndRow();
    }
}
