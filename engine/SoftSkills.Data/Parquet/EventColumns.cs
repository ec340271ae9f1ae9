using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Parquet;

/// <summary>
/// A chunk of events projected to what the KPIs read, one array per field: identifiers are indices (employees in the
/// order of the employees table, decision types in <see cref="EventColumnReader.DecisionTypes"/>), and strings are
/// built only where an identifier must be matched across events (a request's id, a reply's <c>response_to</c>).
/// Nullable flags are −1 (empty), 0 (false) or 1 (true).
/// </summary>
public sealed class EventColumns(int capacity)
{
    public int Count { get; set; }
    public readonly DateTime[] Timestamp = new DateTime[capacity];
    public readonly EventKind[] Kind = new EventKind[capacity];
    public readonly int[] Actor = new int[capacity];
    public readonly int[] Counterpart = new int[capacity];
    public readonly Channel[] Channel = new Channel[capacity];
    public readonly bool[] HasText = new bool[capacity];

    /// <summary>A reply's value in the reader's item map (its rubric level), or −1; −1 on other events.</summary>
    public readonly int[] ItemValue = new int[capacity];

    /// <summary>The event id of a request; null on other events.</summary>
    public readonly string?[] RequestId = new string?[capacity];

    /// <summary>The <c>response_to</c> of a reply; null on other events or when empty.</summary>
    public readonly string?[] ResponseTo = new string?[capacity];

    public readonly int[] DecisionType = new int[capacity];
    public readonly sbyte[] Outcome = new sbyte[capacity];
    public readonly sbyte[] Reversed = new sbyte[capacity];
    public readonly sbyte[] HandoffAccepted = new sbyte[capacity];
    public readonly sbyte[] ContextComplete = new sbyte[capacity];
    public readonly sbyte[] Reworked = new sbyte[capacity];

    /// <summary>Each event's id when the events were read row by row (for error messages); null after a column-wise read.</summary>
    public readonly string?[] EventId = new string?[capacity];

    public int Capacity => Timestamp.Length;

    /// <summary>A nullable flag as a bool?.</summary>
    public static bool? Flag(sbyte value) => value < 0 ? null : value == 1;
}
