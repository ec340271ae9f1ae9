namespace SoftSkills.Data.Schema;

/// <summary>A row of <c>employees</c>; <see cref="Attributes"/> holds the <c>attr_*</c> columns by full column name.</summary>
public sealed record Employee(
    string EmployeeId,
    string TeamId,
    string? ManagerId,
    string Role,
    int TenureMonths,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The value of an <c>attr_*</c> column, or null.</summary>
    public string? Attribute(string column) => Attributes.TryGetValue(column, out var v) ? v : null;
}

/// <summary>A row of <c>events</c>; kind-specific fields are null where they do not apply.</summary>
public sealed record Event
{
    public required string EventId { get; init; }
    public required DateTime Timestamp { get; init; }
    public required EventKind Kind { get; init; }
    public string? ActorId { get; init; }
    public string? CounterpartId { get; init; }
    public required string TeamId { get; init; }
    public string? ThreadId { get; init; }
    public required Channel Channel { get; init; }
    public string? Text { get; init; }
    public string? ResponseTo { get; init; }
    public string? DecisionType { get; init; }
    public DecisionOutcome? Outcome { get; init; }
    public bool? Reversed { get; init; }
    public bool? HandoffAccepted { get; init; }
    public bool? ContextComplete { get; init; }
    public bool? Reworked { get; init; }
    public double? DurationMinutes { get; init; }
}

/// <summary>A row of <c>ratings</c>: one rater's 0–3 score of one item on one KPI (and optionally one rubric indicator).</summary>
public sealed record Rating(
    string ItemId,
    string RaterId,
    RaterKind RaterKind,
    Kpi Kpi,
    string? Indicator,
    int Score,
    DateTime RatedAt);

/// <summary>A row of <c>outcomes</c>: a metric of an employee or team on a date.</summary>
public sealed record Outcome(string SubjectId, SubjectKind SubjectKind, DateOnly Date, string Metric, double Value);

/// <summary>A row of <c>interventions</c>.</summary>
public sealed record Intervention(
    string SubjectId,
    SubjectKind SubjectKind,
    InterventionKind Kind,
    Arm Arm,
    DateOnly Start,
    DateOnly End);

/// <summary>A row of <c>truth</c> (simulation only): an employee's latent traits on a day, each in [0,1].</summary>
public sealed record TruthRow(
    string EmployeeId,
    int Day,
    double Empathy,
    double Collaboration,
    double DecisionSkill,
    double HandoffDiligence);
