using System.Text.Unicode;
using SoftSkills.Data.Schema;

namespace SoftSkills.Simulation.Model;

/// <summary>
/// A simulated event's identity: (employee index, day, sequence within the employee's day). It stays three integers
/// until written, as <c>EMPLOYEE-DDD-SSS</c> (docs/design.md §7).
/// </summary>
[GenerateSerializer, Immutable, Alias("softskills.event-ref")]
public readonly record struct EventRef([property: Id(0)] int Employee, [property: Id(1)] int Day, [property: Id(2)] int Sequence)
{
    /// <summary>No event (a mail that answers nothing).</summary>
    public static readonly EventRef None = new(-1, 0, 0);

    public bool IsNone => Employee < 0;

    public override string ToString() => $"{Roster.EmployeeId(Employee)}-{Day:D3}-{Sequence:D3}";

    /// <summary>The written id as UTF-8 (at most 40 bytes).</summary>
    public int WriteUtf8(Span<byte> destination) =>
        Utf8.TryWrite(destination, $"E{Employee + 1:D6}-{Day:D3}-{Sequence:D3}", out var written) ? written : throw new ArgumentException("buffer too small", nameof(destination));

    /// <summary>
    /// The ordinal order of the written ids: numeric while every part has its fixed width (employee numbers below a
    /// million, days and sequences below 1,000), else by the written text.
    /// </summary>
    public static int CompareWritten(EventRef a, EventRef b)
    {
        if (a.Employee < 999_999 && b.Employee < 999_999 && a.Day < 1000 && b.Day < 1000 && a.Sequence < 1000 && b.Sequence < 1000)
            return a.Employee != b.Employee ? a.Employee.CompareTo(b.Employee) : a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Sequence.CompareTo(b.Sequence);
        Span<byte> x = stackalloc byte[40], y = stackalloc byte[40];
        return x[..a.WriteUtf8(x)].SequenceCompareTo(y[..b.WriteUtf8(y)]);
    }
}

/// <summary>
/// An event as the model produces it: the row of <c>events</c> with employees as indices and ids as <see cref="EventRef"/>,
/// so a simulated day makes no strings but its texts. The actor is the id's employee (none for a customer's request, whose
/// counterpart is the employee), and the team is the actor's.
/// </summary>
[GenerateSerializer, Immutable, Alias("softskills.sim-event")]
public readonly record struct SimEvent
{
    // Small fields are packed (64 bytes an event): a day of 100,000 employees holds about a million of them.
    [Id(2)] readonly byte _kind;
    [Id(5)] readonly byte _channel;
    [Id(9)] readonly byte _outcome;  // 0: none, 1 + DecisionOutcome
    [Id(10)] readonly byte _flags;   // two bits for each of reversed, handoff accepted, context complete, reworked: 0 none, 1 false, 2 true
    [Id(14)] readonly float _duration = float.NaN; // NaN: none

    public SimEvent() { }

    [Id(0)] public EventRef Id { get; init; }
    [Id(1)] public long Ticks { get; init; }
    public EventKind Kind { get => (EventKind)_kind; init => _kind = (byte)value; }
    /// <summary>A request from a customer: no actor.</summary>
    [Id(3)] public bool FromCustomer { get; init; }
    /// <summary>The counterpart's employee index, or −1.</summary>
    [Id(4)] public int Counterpart { get; init; }
    public Channel Channel { get => (Channel)_channel; init => _channel = (byte)value; }
    [Id(6)] public string? Text { get; init; }
    [Id(7)] public EventRef ResponseTo { get; init; }
    [Id(8)] public string? DecisionType { get; init; }
    public DecisionOutcome? Outcome { get => _outcome == 0 ? null : (DecisionOutcome)(_outcome - 1); init => _outcome = value is { } o ? (byte)(1 + (int)o) : (byte)0; }
    public bool? Reversed { get => Flag(0); init => _flags = WithFlag(0, value); }
    public bool? HandoffAccepted { get => Flag(1); init => _flags = WithFlag(1, value); }
    public bool? ContextComplete { get => Flag(2); init => _flags = WithFlag(2, value); }
    public bool? Reworked { get => Flag(3); init => _flags = WithFlag(3, value); }
    /// <summary>Minutes (the model's meetings last whole minutes, which a float holds exactly).</summary>
    public double? DurationMinutes { get => float.IsNaN(_duration) ? null : _duration; init => _duration = value is { } d ? (float)d : float.NaN; }

    bool? Flag(int k) => ((_flags >> (2 * k)) & 3) switch { 0 => null, 1 => false, _ => true };

    byte WithFlag(int k, bool? value) => (byte)((_flags & ~(3 << (2 * k))) | ((value is null ? 0 : value.Value ? 2 : 1) << (2 * k)));

    public DateTime Timestamp => new(Ticks, DateTimeKind.Utc);

    /// <summary>The row of <c>events</c> (docs/design.md §2).</summary>
    public Event ToEvent(Roster roster) => new()
    {
        EventId = Id.ToString(), Timestamp = Timestamp, Kind = Kind,
        ActorId = FromCustomer ? null : Roster.EmployeeId(Id.Employee),
        CounterpartId = Counterpart < 0 ? null : Roster.EmployeeId(Counterpart),
        TeamId = roster.TeamNames[roster.TeamOf(Id.Employee)], Channel = Channel, Text = Text,
        ResponseTo = ResponseTo.IsNone ? null : ResponseTo.ToString(), DecisionType = DecisionType, Outcome = Outcome,
        Reversed = Reversed, HandoffAccepted = HandoffAccepted, ContextComplete = ContextComplete, Reworked = Reworked,
        DurationMinutes = DurationMinutes,
    };

    /// <summary>The order of <c>events</c>: by timestamp, then by written id.</summary>
    public static int CompareWritten(SimEvent a, SimEvent b) =>
        a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : EventRef.CompareWritten(a.Id, b.Id);
}

/// <summary>A simulated rating of a reply: rater 0 is the marker coder (auto), rater k ≥ 1 the human rater <c>Hkk</c>.</summary>
[GenerateSerializer, Immutable, Alias("softskills.sim-rating")]
public readonly record struct SimRating([property: Id(0)] EventRef Item, [property: Id(1)] int Rater, [property: Id(2)] int Score, [property: Id(3)] long Ticks)
{
    public const string AutoRater = "marker-coder";
    static readonly string[] HumanIds = [.. Enumerable.Range(0, 100).Select(i => $"H{i:D2}")];

    public RaterKind RaterKind => Rater == 0 ? RaterKind.Auto : RaterKind.Human;

    public string RaterId => Rater == 0 ? AutoRater : Rater < HumanIds.Length ? HumanIds[Rater] : $"H{Rater:D2}";

    /// <summary>The row of <c>ratings</c> (docs/design.md §2): the empathy score of the reply.</summary>
    public Rating ToRating() => new(Item.ToString(), RaterId, RaterKind, Kpi.Res, null, Score, new DateTime(Ticks, DateTimeKind.Utc));

    /// <summary>The order of <c>ratings</c>: by item (written id), rater kind, rater id.</summary>
    public static int CompareWritten(SimRating a, SimRating b)
    {
        var c = EventRef.CompareWritten(a.Item, b.Item);
        if (c != 0) return c;
        c = a.RaterKind.CompareTo(b.RaterKind);
        if (c != 0) return c;
        return a.Rater < 100 && b.Rater < 100 ? a.Rater.CompareTo(b.Rater) : string.CompareOrdinal(a.RaterId, b.RaterId);
    }
}
