using Encoding = System.Text.Encoding;
using ParquetSharp;
using SoftSkills.Data.Schema;

namespace SoftSkills.Data.Parquet;

/// <summary>
/// Reads an events Parquet file column by column (ParquetSharp, the Arrow C++ decoder) into <see cref="EventColumns"/>:
/// only the columns the KPIs need plus those the row checks need, identifiers looked up from their UTF-8 bytes, no
/// per-row strings but request and response ids. It accepts a file only when the row-by-row read
/// (<see cref="EventCodec"/>) would accept every row with the same values; on anything else (a bad value, an unexpected
/// column type, a rated item with no event) it throws <see cref="ColumnarReadRefused"/>, and the caller reads the rows one
/// by one, which names the problem. Memory is bounded by one chunk of rows.
/// </summary>
public sealed class EventColumnReader
{
    /// <summary>Rows decoded at once.</summary>
    public const int ChunkRows = 65_536;

    static readonly byte[][] KindNames = Enum.GetValues<EventKind>().Select(k => Encoding.UTF8.GetBytes(EnumNames.Of(k))).ToArray();
    static readonly byte[][] ChannelNames = Enum.GetValues<Channel>().Select(c => Encoding.UTF8.GetBytes(EnumNames.Of(c))).ToArray();
    static readonly byte[][] OutcomeNames = Enum.GetValues<DecisionOutcome>().Select(o => Encoding.UTF8.GetBytes(EnumNames.Of(o))).ToArray();
    static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    static readonly long FirstMicros = (new DateTime(1900, 1, 1).Ticks - EpochTicks) / 10;
    static readonly long EndMicros = (new DateTime(3000, 1, 1).Ticks - EpochTicks) / 10;

    readonly string _path;
    readonly Utf8Index _employees, _teams, _decisionTypes = new();
    readonly Utf8Index? _items, _mustSee;
    readonly List<string> _typeNames = [];

    /// <param name="path">The events file.</param>
    /// <param name="employeeIds">The employees in table order: an actor or counterpart is read as its position here.</param>
    /// <param name="teamIds">The teams an event may name.</param>
    /// <param name="itemValues">Values looked up by a reply's event id (rubric levels), or null.</param>
    /// <param name="mustSee">Ids that must each name an event (rated replies), or null.</param>
    public EventColumnReader(string path, IReadOnlyList<string> employeeIds, IEnumerable<string> teamIds,
        IReadOnlyDictionary<string, int>? itemValues = null, IEnumerable<string>? mustSee = null)
    {
        _path = path;
        _employees = new Utf8Index(employeeIds.Select((id, i) => new KeyValuePair<string, int>(id, i)));
        if (_employees.Count != employeeIds.Count) throw new ArgumentException("employee ids must be distinct", nameof(employeeIds));
        _teams = new Utf8Index(teamIds.Select(t => new KeyValuePair<string, int>(t, 0)));
        _items = itemValues is { Count: > 0 } ? new Utf8Index(itemValues) : null;
        _mustSee = mustSee is null ? null : new Utf8Index(mustSee.Select(id => new KeyValuePair<string, int>(id, 0)));
        if (_mustSee is { Count: 0 }) _mustSee = null;
    }

    /// <summary>Decision types by index, in order of first appearance.</summary>
    public IReadOnlyList<string> DecisionTypes => _typeNames;

    /// <summary>Rows read so far.</summary>
    public long Rows { get; private set; }

    /// <summary>
    /// The events in file order, one chunk at a time; the same <see cref="EventColumns"/> object is refilled, so a chunk
    /// must be used before the next is asked for.
    /// </summary>
    public IEnumerable<EventColumns> Chunks()
    {
        using var file = new ParquetFileReader(_path);
        var schema = file.FileMetaData.Schema;
        // The row-by-row read refuses a schema in which two leaves share a name (nested ones included): so does this one.
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < schema.NumColumns; c++)
            if (!columns.TryAdd(schema.Column(c).Name, c)) throw Refuse($"two columns are named {schema.Column(c).Name}");
        var at = new int[Needed.Length];
        for (var i = 0; i < Needed.Length; i++)
        {
            if (!columns.TryGetValue(Needed[i].Name, out at[i])) throw Refuse($"no column {Needed[i].Name}");
            var d = schema.Column(at[i]);
            if (d.Path.ToDotString() != d.Name || d.MaxRepetitionLevel != 0 || d.MaxDefinitionLevel > 1) throw Refuse($"{d.Name} is nested");
            var ok = Needed[i].Type switch
            {
                ColumnType.Text => d.PhysicalType == PhysicalType.ByteArray && d.LogicalType is StringLogicalType,
                ColumnType.Timestamp => d.PhysicalType == PhysicalType.Int64 && d.LogicalType is TimestampLogicalType { TimeUnit: TimeUnit.Micros },
                ColumnType.Boolean => d.PhysicalType == PhysicalType.Boolean,
                ColumnType.Real => d.PhysicalType == PhysicalType.Double,
                _ => false,
            };
            if (!ok) throw Refuse($"{d.Name} has type {d.PhysicalType}/{d.LogicalType}");
        }
        var chunk = new EventColumns(ChunkRows);
        var buffers = new Buffers();
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var rows = group.MetaData.NumRows;
            if (rows is < 0 or > SizeLimits.RowsPerRowGroup) throw Refuse($"row group {g} claims {rows} rows");
            // A column holding more or fewer values than the group has rows is damaged: the row-by-row read says so.
            foreach (var c in at)
                if (group.MetaData.GetColumnChunkMetaData(c).NumValues != rows) throw Refuse($"a column of row group {g} does not hold {rows} values");
            var readers = new ColumnReader[Needed.Length - 1]; // every column but thread_id
            try
            {
                for (var i = 0; i < readers.Length; i++) readers[i] = group.Column(at[i]);
                for (long done = 0; done < rows; done += chunk.Count)
                {
                    Fill(chunk, readers, buffers, (int)Math.Min(ChunkRows, rows - done));
                    Rows += chunk.Count;
                    yield return chunk;
                }
            }
            finally
            {
                foreach (var r in readers) r?.Dispose();
            }
        }
        if (_mustSee is not null && _mustSee.CountOf(0) > 0) throw Refuse("a rated item names no event");
    }

    // The columns checked, in the order they are filled: kind and text first, since the event id's use depends on them.
    // thread_id comes last: its type is checked (the row-by-row read needs it as text) but its values are never read.
    static readonly (string Name, ColumnType Type)[] Needed =
    [
        ("kind", ColumnType.Text), ("text", ColumnType.Text), ("event_id", ColumnType.Text), ("timestamp", ColumnType.Timestamp),
        ("actor_id", ColumnType.Text), ("counterpart_id", ColumnType.Text), ("team_id", ColumnType.Text), ("channel", ColumnType.Text),
        ("response_to", ColumnType.Text), ("decision_type", ColumnType.Text), ("outcome", ColumnType.Text),
        ("reversed", ColumnType.Boolean), ("handoff_accepted", ColumnType.Boolean), ("context_complete", ColumnType.Boolean),
        ("reworked", ColumnType.Boolean), ("duration_minutes", ColumnType.Real), ("thread_id", ColumnType.Text),
    ];

    sealed class Buffers
    {
        public readonly short[] Defs = new short[ChunkRows];
        public readonly ByteArray[] Bytes = new ByteArray[ChunkRows];
        public readonly ByteArray[] Spread = new ByteArray[ChunkRows];

        /// <summary>The latest text batch, one value per row: <see cref="Bytes"/> when it had no nulls, else <see cref="Spread"/>.</summary>
        public ByteArray[] Cells = [];
        public readonly long[] Longs = new long[ChunkRows];
        public readonly bool[] Bools = new bool[ChunkRows];
        public readonly double[] Doubles = new double[ChunkRows];

        /// <summary>The bytes of row i of the latest text batch.</summary>
        public unsafe ReadOnlySpan<byte> Value(int i) => new((void*)Cells[i].Pointer, Cells[i].Length);
    }

    // Each column is read in batches (a batch ends at a page boundary at the latest) and a batch's values are used before
    // the next is read: a value's bytes may live in the page that the next batch releases.
    void Fill(EventColumns c, ColumnReader[] readers, Buffers b, int n)
    {
        c.Count = n;
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[0], b, n - row);
            for (var i = 0; i < got; i++) c.Kind[row + i] = (EventKind)Name(b.Value(i), KindNames, "kind", required: true);
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[1], b, n - row);
            for (var i = 0; i < got; i++) c.HasText[row + i] = b.Cells[i].Length > 0;
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[2], b, n - row);
            for (var i = 0; i < got; i++)
            {
                var r = row + i;
                var v = b.Value(i);
                if (v.Length == 0) throw Refuse("event_id is empty");
                var kind = c.Kind[r];
                c.RequestId[r] = kind == EventKind.Request ? Encoding.UTF8.GetString(v) : null;
                c.ItemValue[r] = kind == EventKind.Reply && c.HasText[r] && _items is not null ? _items.Get(v) : -1;
                if (_mustSee is not null && _mustSee.Get(v) == 0) _mustSee.Set(v, 1);
            }
        }
        Timestamps(readers[3], b, n, c.Timestamp);
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[4], b, n - row);
            for (var i = 0; i < got; i++)
            {
                var actor = c.Actor[row + i] = Employee(b.Value(i));
                if (actor < 0 && c.Kind[row + i] != EventKind.Request) throw Refuse("actor_id is empty");
            }
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[5], b, n - row);
            for (var i = 0; i < got; i++) c.Counterpart[row + i] = Employee(b.Value(i));
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[6], b, n - row);
            for (var i = 0; i < got; i++)
                if (b.Cells[i].Length == 0 || _teams.Get(b.Value(i)) < 0) throw Refuse("team_id is empty or unknown");
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[7], b, n - row);
            for (var i = 0; i < got; i++) c.Channel[row + i] = (Channel)Name(b.Value(i), ChannelNames, "channel", required: true);
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[8], b, n - row);
            for (var i = 0; i < got; i++)
                c.ResponseTo[row + i] = c.Kind[row + i] == EventKind.Reply && b.Cells[i].Length > 0 ? Encoding.UTF8.GetString(b.Value(i)) : null;
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[9], b, n - row);
            for (var i = 0; i < got; i++) c.DecisionType[row + i] = b.Cells[i].Length == 0 ? -1 : DecisionType(b.Value(i));
        }
        for (int row = 0, got; row < n; row += got)
        {
            got = NextText(readers[10], b, n - row);
            for (var i = 0; i < got; i++) c.Outcome[row + i] = (sbyte)Name(b.Value(i), OutcomeNames, "outcome", required: false);
        }
        Flags(readers[11], b, n, c.Reversed);
        Flags(readers[12], b, n, c.HandoffAccepted);
        Flags(readers[13], b, n, c.ContextComplete);
        Flags(readers[14], b, n, c.Reworked);
        Durations(readers[15], b, n);
    }

    int Employee(ReadOnlySpan<byte> id)
    {
        if (id.Length == 0) return -1;
        var e = _employees.Get(id);
        return e >= 0 ? e : throw Refuse("an id names no employee");
    }

    int DecisionType(ReadOnlySpan<byte> name)
    {
        var t = _decisionTypes.Get(name);
        if (t >= 0) return t;
        _decisionTypes.Set(name, t = _typeNames.Count);
        _typeNames.Add(Encoding.UTF8.GetString(name));
        return t;
    }

    static int Name(ReadOnlySpan<byte> value, byte[][] names, string column, bool required)
    {
        if (value.Length == 0) return required ? throw Refuse($"{column} is empty") : -1;
        for (var i = 0; i < names.Length; i++) if (value.SequenceEqual(names[i])) return i;
        throw Refuse($"{column} has an unknown value");
    }

    /// <summary>
    /// Reads the next batch of at most <paramref name="want"/> values of a text column as <see cref="Buffers.Cells"/>,
    /// one per row (empty when null); returns the rows read.
    /// </summary>
    static int NextText(ColumnReader reader, Buffers b, int want)
    {
        var r = (ColumnReader<ByteArray>)reader;
        var defined = reader.ColumnDescriptor.MaxDefinitionLevel;
        var levels = (int)r.ReadBatch(want, b.Defs, null, b.Bytes, out var values);
        if (levels == 0) throw Refuse("a column ends early");
        if (values == levels) { b.Cells = b.Bytes; return levels; } // no nulls: values are rows
        b.Cells = b.Spread;
        var v = 0;
        for (var i = 0; i < levels; i++) b.Cells[i] = defined == 0 || b.Defs[i] == defined ? b.Bytes[v++] : default;
        if (v != values) throw Refuse("definition levels and values disagree");
        return levels;
    }

    static void Timestamps(ColumnReader reader, Buffers b, int n, DateTime[] into)
    {
        var r = (ColumnReader<long>)reader;
        var defined = reader.ColumnDescriptor.MaxDefinitionLevel;
        for (var row = 0; row < n;)
        {
            var levels = (int)r.ReadBatch(n - row, b.Defs, null, b.Longs, out var values);
            if (levels == 0 || values != levels) throw Refuse("timestamp is empty");
            for (var i = 0; i < levels; i++, row++)
            {
                if (defined != 0 && b.Defs[i] != defined) throw Refuse("timestamp is empty");
                var micros = b.Longs[i];
                if (micros < FirstMicros || micros >= EndMicros) throw Refuse("timestamp outside 1900–2999");
                into[row] = new DateTime(EpochTicks + micros * 10, DateTimeKind.Utc);
            }
        }
    }

    static void Flags(ColumnReader reader, Buffers b, int n, sbyte[] into)
    {
        var r = (ColumnReader<bool>)reader;
        var defined = reader.ColumnDescriptor.MaxDefinitionLevel;
        for (var row = 0; row < n;)
        {
            var levels = (int)r.ReadBatch(n - row, b.Defs, null, b.Bools, out var values);
            if (levels == 0) throw Refuse("a column ends early");
            var v = 0;
            for (var i = 0; i < levels; i++, row++)
                into[row] = defined == 0 || b.Defs[i] == defined ? (sbyte)(b.Bools[v++] ? 1 : 0) : (sbyte)-1;
            if (v != values) throw Refuse("definition levels and values disagree");
        }
    }

    static void Durations(ColumnReader reader, Buffers b, int n)
    {
        var r = (ColumnReader<double>)reader;
        for (var row = 0; row < n;)
        {
            var levels = (int)r.ReadBatch(n - row, b.Defs, null, b.Doubles, out var values);
            if (levels == 0) throw Refuse("a column ends early");
            for (var i = 0; i < values; i++)
                if (b.Doubles[i] < 0 || !SizeLimits.IsMeasurement(b.Doubles[i])) throw Refuse("duration_minutes is out of range");
            row += levels;
        }
    }

    static ColumnarReadRefused Refuse(string why) => new(why);
}

/// <summary>The column-wise read cannot vouch for a file: read it row by row, which names the problem.</summary>
public sealed class ColumnarReadRefused(string reason) : Exception(reason);
