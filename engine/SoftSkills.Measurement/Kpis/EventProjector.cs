using System.Runtime.ExceptionServices;
using SoftSkills.Data.Parquet;
using SoftSkills.Data.Schema;

namespace SoftSkills.Measurement.Kpis;

/// <summary>
/// Projects event records into <see cref="EventColumns"/> chunks, the form <see cref="KpiCalculator"/> accumulates, with
/// the same values a column-wise read gives: employees as their index in <paramref name="people"/> (−1 for none or an
/// outside party), a reply's rubric level from <paramref name="levels"/>, decision types by index.
/// </summary>
sealed class EventProjector(Grouping people, ItemLevels levels)
{
    const int ChunkRows = 4096;
    readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    readonly List<string> _typeNames = [];

    public IReadOnlyList<string> DecisionTypes => _typeNames;

    /// <summary>
    /// The events in chunks. When reading the next event fails (a bad row, a rated item with no event), the events before
    /// it are handed over first and the error is raised after them, so the calculators meet problems in file order, as
    /// when they took one event at a time.
    /// </summary>
    public IEnumerable<EventColumns> Chunks(IEnumerable<Event> events)
    {
        var chunk = new EventColumns(ChunkRows);
        using var e = events.GetEnumerator();
        while (true)
        {
            ExceptionDispatchInfo? failure = null;
            var n = 0;
            while (n < ChunkRows)
            {
                bool more;
                try { more = e.MoveNext(); }
                catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); break; }
                if (!more) break;
                Project(e.Current, chunk, n++);
            }
            chunk.Count = n;
            if (n > 0) yield return chunk;
            failure?.Throw();
            if (n < ChunkRows) yield break;
        }
    }

    void Project(Event e, EventColumns c, int i)
    {
        c.EventId[i] = e.EventId;
        c.Timestamp[i] = e.Timestamp;
        c.Kind[i] = e.Kind;
        c.Actor[i] = people.EmployeeIndex(e.ActorId);
        c.Counterpart[i] = people.EmployeeIndex(e.CounterpartId);
        c.Channel[i] = e.Channel;
        c.HasText[i] = !string.IsNullOrEmpty(e.Text);
        c.ItemValue[i] = e.Kind == EventKind.Reply && c.HasText[i] && levels.TryGet(e.EventId, out var level) ? level : -1;
        c.RequestId[i] = e.Kind == EventKind.Request ? e.EventId : null;
        c.ResponseTo[i] = e.Kind == EventKind.Reply ? e.ResponseTo : null;
        c.DecisionType[i] = e.DecisionType is { } type ? TypeIndex(type) : -1;
        c.Outcome[i] = e.Outcome is { } o ? (sbyte)o : (sbyte)-1;
        c.Reversed[i] = Flag(e.Reversed);
        c.HandoffAccepted[i] = Flag(e.HandoffAccepted);
        c.ContextComplete[i] = Flag(e.ContextComplete);
        c.Reworked[i] = Flag(e.Reworked);
    }

    static sbyte Flag(bool? value) => value switch { null => -1, true => 1, false => 0 };

    int TypeIndex(string type)
    {
        if (_types.TryGetValue(type, out var t)) return t;
        _types[type] = t = _typeNames.Count;
        _typeNames.Add(type);
        return t;
    }
}
