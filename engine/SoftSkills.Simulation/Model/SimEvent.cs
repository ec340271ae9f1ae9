using System.Text.Unicode;
using SoftSkills.Data.Schema;

namespace SoftSkills.Simulation.Model;

/// <summary>
/// A simulated event's identity: (employee index, day, sequence within the employee's day). It stays integers until
/// written, as <c>EMPLOYEE-DDD-SSS</c> (docs/design.md §7); employee and day share 32 bits (20 and 12: the size limits
/// are a million employees and 3,660 days), so an identity takes 8 bytes.
/// </summary>
[GenerateSerializer, Immutable, Alias("softskills.event-ref")]
public readonly struct EventRef : IEquatable<EventRef>
{
    const int DayBits = 12;
    const uint NoEvent = uint.MaxValue;
    [Id(0)] readonly uint _employeeAndDay;
    [Id(1)] readonly int _sequence;

    public EventRef(int employee, int day, int sequence)
    {
        if ((uint)employee >= (1u << (32 - DayBits)) - 1) throw new ArgumentOutOfRangeException(nameof(employee), employee, "an employee index is below 1,048,575");
        if ((uint)day >= 1u << DayBits) throw new ArgumentOutOfRangeException(nameof(day), day, "a day is below 4,096");
        _employeeAndDay = (uint)employee << DayBits | (uint)day;
        _sequence = sequence;
    }

    EventRef(uint employeeAndDay) => _employeeAndDay = employeeAndDay;

    /// <summary>No event (a mail that answers nothing).</summary>
    public static readonly EventRef None = new(NoEvent);

    public bool IsNone => _employeeAndDay == NoEvent;

    /// <summary>The employee's index; −1 for <see cref="None"/>.</summary>
    public int Employee => IsNone ? -1 : (int)(_employeeAndDay >> DayBits);

    public int Day => IsNone ? 0 : (int)(_employeeAndDay & ((1u << DayBits) - 1));

    public int Sequence => _sequence;

    public bool Equals(EventRef other) => _employeeAndDay == other._employeeAndDay && _sequence == other._sequence;
    public override bool Equals(object? obj) => obj is EventRef other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(_employeeAndDay, _sequence);
    public static bool operator ==(EventRef a, EventRef b) => a.Equals(b);
    public static bool operator !=(EventRef a, EventRef b) => !a.Equals(b);

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
    // Small fields are packed (40 bytes an event): a busy day of 100,000 employees holds about 1.6 million of them.
    [Id(2)] readonly byte _kind;
    [Id(5)] readonly byte _channel;
    [Id(11)] readonly byte _bits;    // bits 0–1: outcome (0 none, 1 + DecisionOutcome); bit 2: from a customer; bit 3: the text field holds a decision type
    [Id(10)] readonly byte _flags;   // two bits for each of reversed, handoff accepted, context complete, reworked: 0 none, 1 false, 2 true
    [Id(12)] readonly uint _counterpartAndMinutes; // bits 0–19: counterpart + 1 (0 none); bits 20–31: whole minutes of duration + 1 (0 none)
    // An event has a text or a decision type, never both: they share a field.
    [Id(6)] readonly string? _textOrDecisionType;

    const int CounterpartBits = 20;
    const uint CounterpartMask = (1u << CounterpartBits) - 1;
    const int FromCustomerBit = 4, DecisionTypeBit = 8;

    bool IsDecisionType => (_bits & DecisionTypeBit) != 0;

    [Id(0)] public EventRef Id { get; init; }
    [Id(1)] public long Ticks { get; init; }
    public EventKind Kind { get => (EventKind)_kind; init => _kind = (byte)value; }
    /// <summary>A request from a customer: no actor.</summary>
    public bool FromCustomer { get => (_bits & FromCustomerBit) != 0; init => _bits = (byte)(value ? _bits | FromCustomerBit : _bits & ~FromCustomerBit); }
    /// <summary>The counterpart's employee index (below 1,048,575, as in <see cref="EventRef"/>), or −1.</summary>
    public int Counterpart
    {
        get => (int)(_counterpartAndMinutes & CounterpartMask) - 1;
        init
        {
            if (value < -1 || value >= (int)CounterpartMask) throw new ArgumentOutOfRangeException(nameof(value), value, "a counterpart is −1 or an employee index below 1,048,575");
            _counterpartAndMinutes = (_counterpartAndMinutes & ~CounterpartMask) | (uint)(value + 1);
        }
    }
    public Channel Channel { get => (Channel)_channel; init => _channel = (byte)value; }
    public string? Text
    {
        get => IsDecisionType ? null : _textOrDecisionType;
        init
        {
            if (IsDecisionType && value is not null) throw new InvalidOperationException("an event has a text or a decision type, not both");
            if (!IsDecisionType) _textOrDecisionType = value;
        }
    }
    [Id(7)] public EventRef ResponseTo { get; init; }
    public string? DecisionType
    {
        get => IsDecisionType ? _textOrDecisionType : null;
        init
        {
            if (value is null) { if (IsDecisionType) (_textOrDecisionType, _bits) = (null, (byte)(_bits & ~DecisionTypeBit)); return; }
            if (!IsDecisionType && _textOrDecisionType is not null) throw new InvalidOperationException("an event has a text or a decision type, not both");
            (_textOrDecisionType, _bits) = (value, (byte)(_bits | DecisionTypeBit));
        }
    }
    public DecisionOutcome? Outcome { get => (_bits & 3) == 0 ? null : (DecisionOutcome)((_bits & 3) - 1); init => _bits = (byte)((_bits & ~3) | (value is { } o ? 1 + (int)o : 0)); }
    public bool? Reversed { get => Flag(0); init => _flags = WithFlag(0, value); }
    public bool? HandoffAccepted { get => Flag(1); init => _flags = WithFlag(1, value); }
    public bool? ContextComplete { get => Flag(2); init => _flags = WithFlag(2, value); }
    public bool? Reworked { get => Flag(3); init => _flags = WithFlag(3, value); }
    /// <summary>Whole minutes from 0 to 4,094 (the model's meetings last 30 or 60).</summary>
    public double? DurationMinutes
    {
        get => _counterpartAndMinutes >> CounterpartBits is var m and not 0 ? m - 1 : null;
        init
        {
            if (value is { } d && !(d >= 0 && d <= 4094 && d == Math.Floor(d)))
                throw new ArgumentOutOfRangeException(nameof(value), d, "a simulated duration is whole minutes from 0 to 4,094");
            _counterpartAndMinutes = (_counterpartAndMinutes & CounterpartMask) | (value is { } v ? (uint)v + 1 : 0) << CounterpartBits;
        }
    }

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
        c = ((int)a.RaterKind).CompareTo((int)b.RaterKind);
        if (c != 0) return c;
        return a.Rater < 100 && b.Rater < 100 ? a.Rater.CompareTo(b.Rater) : string.CompareOrdinal(a.RaterId, b.RaterId);
    }
}
