using SoftSkills.Data.Schema;

namespace SoftSkills.Simulation.Model;

// SoftSkills.Data knows nothing of Orleans: its records cross silos through these surrogates.

[GenerateSerializer, Alias("softskills.event")]
public struct EventSurrogate
{
    [Id(0)] public string EventId;
    [Id(1)] public DateTime Timestamp;
    [Id(2)] public EventKind Kind;
    [Id(3)] public string? ActorId;
    [Id(4)] public string? CounterpartId;
    [Id(5)] public string TeamId;
    [Id(6)] public string? ThreadId;
    [Id(7)] public Channel Channel;
    [Id(8)] public string? Text;
    [Id(9)] public string? ResponseTo;
    [Id(10)] public string? DecisionType;
    [Id(11)] public DecisionOutcome? Outcome;
    [Id(12)] public bool? Reversed;
    [Id(13)] public bool? HandoffAccepted;
    [Id(14)] public bool? ContextComplete;
    [Id(15)] public bool? Reworked;
    [Id(16)] public double? DurationMinutes;
}

[RegisterConverter]
public sealed class EventSurrogateConverter : IConverter<Event, EventSurrogate>
{
    public Event ConvertFromSurrogate(in EventSurrogate s) => new()
    {
        EventId = s.EventId, Timestamp = s.Timestamp, Kind = s.Kind, ActorId = s.ActorId, CounterpartId = s.CounterpartId,
        TeamId = s.TeamId, ThreadId = s.ThreadId, Channel = s.Channel, Text = s.Text, ResponseTo = s.ResponseTo,
        DecisionType = s.DecisionType, Outcome = s.Outcome, Reversed = s.Reversed, HandoffAccepted = s.HandoffAccepted,
        ContextComplete = s.ContextComplete, Reworked = s.Reworked, DurationMinutes = s.DurationMinutes,
    };

    public EventSurrogate ConvertToSurrogate(in Event e) => new()
    {
        EventId = e.EventId, Timestamp = e.Timestamp, Kind = e.Kind, ActorId = e.ActorId, CounterpartId = e.CounterpartId,
        TeamId = e.TeamId, ThreadId = e.ThreadId, Channel = e.Channel, Text = e.Text, ResponseTo = e.ResponseTo,
        DecisionType = e.DecisionType, Outcome = e.Outcome, Reversed = e.Reversed, HandoffAccepted = e.HandoffAccepted,
        ContextComplete = e.ContextComplete, Reworked = e.Reworked, DurationMinutes = e.DurationMinutes,
    };
}

[GenerateSerializer, Alias("softskills.rating")]
public struct RatingSurrogate
{
    [Id(0)] public string ItemId;
    [Id(1)] public string RaterId;
    [Id(2)] public RaterKind RaterKind;
    [Id(3)] public Kpi Kpi;
    [Id(4)] public string? Indicator;
    [Id(5)] public int Score;
    [Id(6)] public DateTime RatedAt;
}

[RegisterConverter]
public sealed class RatingSurrogateConverter : IConverter<Rating, RatingSurrogate>
{
    public Rating ConvertFromSurrogate(in RatingSurrogate s) => new(s.ItemId, s.RaterId, s.RaterKind, s.Kpi, s.Indicator, s.Score, s.RatedAt);

    public RatingSurrogate ConvertToSurrogate(in Rating r) => new()
    {
        ItemId = r.ItemId, RaterId = r.RaterId, RaterKind = r.RaterKind, Kpi = r.Kpi, Indicator = r.Indicator, Score = r.Score, RatedAt = r.RatedAt,
    };
}

[GenerateSerializer, Alias("softskills.outcome")]
public struct OutcomeSurrogate
{
    [Id(0)] public string SubjectId;
    [Id(1)] public SubjectKind SubjectKind;
    [Id(2)] public DateOnly Date;
    [Id(3)] public string Metric;
    [Id(4)] public double Value;
}

[RegisterConverter]
public sealed class OutcomeSurrogateConverter : IConverter<Outcome, OutcomeSurrogate>
{
    public Outcome ConvertFromSurrogate(in OutcomeSurrogate s) => new(s.SubjectId, s.SubjectKind, s.Date, s.Metric, s.Value);

    public OutcomeSurrogate ConvertToSurrogate(in Outcome o) => new()
    {
        SubjectId = o.SubjectId, SubjectKind = o.SubjectKind, Date = o.Date, Metric = o.Metric, Value = o.Value,
    };
}

[GenerateSerializer, Alias("softskills.truth")]
public struct TruthSurrogate
{
    [Id(0)] public string EmployeeId;
    [Id(1)] public int Day;
    [Id(2)] public double Empathy;
    [Id(3)] public double Collaboration;
    [Id(4)] public double DecisionSkill;
    [Id(5)] public double HandoffDiligence;
}

[RegisterConverter]
public sealed class TruthSurrogateConverter : IConverter<TruthRow, TruthSurrogate>
{
    public TruthRow ConvertFromSurrogate(in TruthSurrogate s) => new(s.EmployeeId, s.Day, s.Empathy, s.Collaboration, s.DecisionSkill, s.HandoffDiligence);

    public TruthSurrogate ConvertToSurrogate(in TruthRow t) => new()
    {
        EmployeeId = t.EmployeeId, Day = t.Day, Empathy = t.Empathy, Collaboration = t.Collaboration,
        DecisionSkill = t.DecisionSkill, HandoffDiligence = t.HandoffDiligence,
    };
}

// Orleans' codec for ArraySegment<T> loses track of an array written twice (an empty one, shared), so a day crosses as arrays.

[GenerateSerializer, Alias("softskills.employee-day")]
public struct EmployeeDaySurrogate
{
    [Id(0)] public SimEvent[] Events;
    [Id(1)] public SimRating[] Ratings;
    [Id(2)] public Mail[] Outbox;
    [Id(3)] public TruthRow Truth;
    [Id(4)] public SurveyResponse[] Surveys;
}

[RegisterConverter]
public sealed class EmployeeDaySurrogateConverter : IConverter<EmployeeDayResult, EmployeeDaySurrogate>
{
    public EmployeeDayResult ConvertFromSurrogate(in EmployeeDaySurrogate s) => new(s.Events, s.Ratings, s.Outbox, s.Truth, s.Surveys);

    public EmployeeDaySurrogate ConvertToSurrogate(in EmployeeDayResult r) => new()
    {
        Events = Whole(r.Events), Ratings = Whole(r.Ratings), Outbox = Whole(r.Outbox), Truth = r.Truth, Surveys = Whole(r.Surveys),
    };

    static T[] Whole<T>(ArraySegment<T> slice) =>
        slice.Array is { } array && slice.Offset == 0 && slice.Count == array.Length ? array : slice.AsSpan().ToArray();
}
