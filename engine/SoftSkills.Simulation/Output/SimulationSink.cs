using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Channel = System.Threading.Channels.Channel;
using SoftSkills.Data.Files;
using SoftSkills.Data.Parquet;
using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Output;

/// <summary>
/// Streams a simulation's tables to Parquet (docs/design.md §2) day by day through atomic outputs. Each day's rows are put in
/// a fixed order (events by time and id, ratings by item and rater), so files are identical whichever engine ran the day.
/// Days are written on a background task while the next day is simulated; at most one day waits in between, so
/// memory stays bounded by three days of events (the one written, the one waiting, the one simulated).
/// </summary>
public sealed class SimulationSink : IDisposable
{
    readonly AtomicOutputs _outputs;
    readonly string _folder;
    readonly Dictionary<string, (FileStream Stream, Func<long> Rows, Action Complete, IDisposable Writer)> _files = [];
    readonly ParquetTableWriter<SimEvent> _eventWriter;
    readonly ParquetTableWriter<SimRating> _ratingWriter;
    readonly ParquetTableWriter<TruthRow> _truth;
    readonly ParquetTableWriter<Outcome> _outcomes;
    readonly Channel<DayResult> _days = Channel.CreateBounded<DayResult>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
    Task? _writer;

    public SimulationSink(AtomicOutputs outputs, string folder, Roster roster)
    {
        _outputs = outputs;
        _folder = folder;
        // Event ids are unique by construction (employee, day, sequence): the manifest records it with the file's SHA-256.
        _eventWriter = Open("events", new SimEventCodec(roster));
        _ratingWriter = Open("ratings", new SimRatingCodec());
        _truth = Open("truth", new TruthCodec());
        _outcomes = Open("outcomes", new OutcomeCodec());
    }

    ParquetTableWriter<T> Open<T>(string table, TableCodec<T> codec, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var stream = _outputs.Create(Path.Combine(_folder, table + ".parquet"));
        var writer = new ParquetTableWriter<T>(stream, codec, metadata);
        _files[table + ".parquet"] = (stream, () => writer.Rows, writer.Complete, writer);
        return writer;
    }

    /// <summary>Writes a whole small table at once (employees, interventions).</summary>
    public void WriteTable<T>(string table, TableCodec<T> codec, IEnumerable<T> rows)
    {
        var writer = Open(table, codec);
        writer.AddRange(rows);
    }

    /// <summary>Queues one simulated day for writing; waits while a day is already queued.</summary>
    public ValueTask AddAsync(DayResult day)
    {
        _writer ??= Task.Run(WriteDaysAsync);
        return _days.Writer.WriteAsync(day);
    }

    async Task WriteDaysAsync()
    {
        await foreach (var day in _days.Reader.ReadAllAsync()) Write(day);
    }

    // The day's order, reused from day to day: events stay in their employees' arrays and are sorted by reference
    // (employee, position), 16 bytes an event instead of a copy of each.
    long[] _eventKeys = [];
    long[] _eventRefs = [];
    SimRating[] _ratings = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Write(DayResult day)
    {
        var employees = day.Employees;
        var n = 0;
        foreach (var e in employees) n += e.Events.Length;
        Grow(ref _eventKeys, n);
        Grow(ref _eventRefs, n);
        n = 0;
        for (var i = 0; i < employees.Length; i++)
        {
            var events = employees[i].Events;
            for (var j = 0; j < events.Length; j++) { _eventKeys[n] = events[j].Ticks; _eventRefs[n++] = (long)i << 32 | (uint)j; }
        }
        // By timestamp, then event id: a sort on the ticks, then each run of equal timestamps by id.
        Array.Sort(_eventKeys, _eventRefs, 0, n);
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && _eventKeys[end] == _eventKeys[start]) end++;
            if (end - start > 1)
                _eventRefs.AsSpan(start, end - start).Sort((a, b) => SimEvent.CompareWritten(Event(employees, a), Event(employees, b)));
            start = end;
        }
        for (var k = 0; k < n; k++) _eventWriter.Add(Event(employees, _eventRefs[k]));

        var m = 0;
        foreach (var e in day.Employees) m += e.Ratings.Length;
        Grow(ref _ratings, m);
        m = 0;
        foreach (var e in day.Employees)
            foreach (var r in e.Ratings) _ratings[m++] = r;
        _ratings.AsSpan(0, m).Sort(SimRating.CompareWritten);
        _ratingWriter.AddRange(_ratings.AsSpan(0, m));
        _truth.AddRange(day.Employees.Select(e => e.Truth));
        _outcomes.AddRange(day.Outcomes);
    }

    static ref readonly SimEvent Event(EmployeeDayResult[] employees, long reference) => ref employees[(int)(reference >> 32)].Events[(int)reference];

    static void Grow<TItem>(ref TItem[] array, int n)
    {
        if (array.Length < n) array = new TItem[Math.Max(n, 2 * array.Length)];
    }

    /// <summary>Writes the queued days, finishes every file and returns name → (rows, SHA-256) for the manifest; the caller commits the outputs.</summary>
    public async Task<SortedDictionary<string, ManifestFile>> CompleteAsync()
    {
        _days.Writer.TryComplete();
        if (_writer is not null) await _writer;
        var result = new SortedDictionary<string, ManifestFile>(StringComparer.Ordinal);
        foreach (var (name, file) in _files)
        {
            file.Complete();
            file.Stream.Flush();
            file.Stream.Position = 0;
            result[name] = new ManifestFile(file.Rows(), Convert.ToHexStringLower(SHA256.HashData(file.Stream)));
        }
        return result;
    }

    public void Dispose()
    {
        // A failed or cancelled run: stop the writer, then close the files (their temporary names are deleted by the outputs).
        _days.Writer.TryComplete();
        try { _writer?.GetAwaiter().GetResult(); } catch (Exception) { /* the run already failed with its own error */ }
        foreach (var file in _files.Values)
        {
            file.Writer.Dispose(); // a completed writer does nothing; an abandoned one lets go of its file before the stream closes
            file.Stream.Dispose();
        }
    }
}
