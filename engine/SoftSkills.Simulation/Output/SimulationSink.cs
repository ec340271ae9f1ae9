using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using SoftSkills.Data.Files;
using SoftSkills.Data.Parquet;
using SoftSkills.Data.Schema;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Output;

/// <summary>
/// Streams a simulation's tables to Parquet (docs/design.md §2) day by day through atomic outputs. Each day's rows are put in
/// a fixed order (events by time and id, ratings by item and rater), so files are identical whichever engine ran the day.
/// Each day is written on the sink's own thread while the next day is simulated, and the next day waits for it, so
/// memory holds two days of results (the one written, the one simulated); a written day's buffers go back to its engine.
/// One thread does all the encoding because the native encoder's allocations then stay in one malloc arena: written
/// from whichever pool thread was free, a 100,000-employee run grew by a few hundred megabytes of arenas.
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
    readonly SemaphoreSlim _dayGiven = new(0, 1), _dayWritten = new(1, 1);
    Thread? _thread;
    DayResult? _day;
    Exception? _error;
    bool _finished;

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

    /// <summary>Writes a whole small table at once (employees, interventions) and finishes it, so it keeps no buffers.</summary>
    public void WriteTable<T>(string table, TableCodec<T> codec, IEnumerable<T> rows)
    {
        var writer = Open(table, codec);
        writer.AddRange(rows);
        writer.Complete();
    }

    /// <summary>Hands one simulated day to the writing thread once the day before it is written (whose error surfaces here).</summary>
    public async ValueTask AddAsync(DayResult day)
    {
        await _dayWritten.WaitAsync();
        if (_error is { } error)
        {
            _dayWritten.Release();
            ExceptionDispatchInfo.Throw(error);
        }
        _day = day;
        _thread ??= StartThread();
        _dayGiven.Release();
    }

    Thread StartThread()
    {
        var thread = new Thread(WriteDays) { IsBackground = true, Name = "simulation writer" };
        thread.Start();
        return thread;
    }

    void WriteDays()
    {
        while (true)
        {
            _dayGiven.Wait();
            if (_finished) return;
            try { Write(_day!); }
            catch (Exception ex) { _error = ex; }
            finally
            {
                _day = null;
                _dayWritten.Release();
            }
        }
    }

    /// <summary>Waits for the day being written and stops the thread; the error that stopped the writing, if any.</summary>
    Exception? StopWriting()
    {
        _dayWritten.Wait();
        _finished = true;
        if (_thread is not null)
        {
            _dayGiven.Release();
            _thread.Join();
        }
        return _error;
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
        foreach (var e in employees) n += e.Events.Count;
        Grow(ref _eventKeys, n);
        Grow(ref _eventRefs, n);
        n = 0;
        for (var i = 0; i < employees.Length; i++)
        {
            var events = employees[i].Events;
            for (var j = 0; j < events.Count; j++) { _eventKeys[n] = events[j].Ticks; _eventRefs[n++] = (long)i << 32 | (uint)j; }
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
        foreach (var e in day.Employees) m += e.Ratings.Count;
        Grow(ref _ratings, m);
        m = 0;
        foreach (var e in day.Employees)
            foreach (var r in e.Ratings.AsSpan()) _ratings[m++] = r;
        _ratings.AsSpan(0, m).Sort(SimRating.CompareWritten);
        _ratingWriter.AddRange(_ratings.AsSpan(0, m));
        _truth.AddRange(day.Employees.Select(e => e.Truth));
        _outcomes.AddRange(day.Outcomes);
        day.Release();
    }

    static ref readonly SimEvent Event(EmployeeDayResult[] employees, long reference)
    {
        var events = employees[(int)(reference >> 32)].Events;
        return ref events.Array![events.Offset + (int)reference];
    }

    static void Grow<TItem>(ref TItem[] array, int n)
    {
        if (array.Length < n) array = new TItem[n + n / 8];
    }

    /// <summary>Writes the queued days, finishes every file and returns name → (rows, SHA-256) for the manifest; the caller commits the outputs.</summary>
    public async Task<SortedDictionary<string, ManifestFile>> CompleteAsync()
    {
        if (await Task.Run(StopWriting) is { } error) ExceptionDispatchInfo.Throw(error);
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
        if (!_finished) StopWriting(); // a write error here: the run already failed with its own error
        foreach (var file in _files.Values)
        {
            file.Writer.Dispose(); // a completed writer does nothing; an abandoned one lets go of its file before the stream closes
            file.Stream.Dispose();
        }
    }
}
