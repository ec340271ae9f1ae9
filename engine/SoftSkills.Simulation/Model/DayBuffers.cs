using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SoftSkills.Data.Schema;

namespace SoftSkills.Simulation.Model;

/// <summary>
/// One day's results for the whole organisation in a few large arrays: each employee's events and ratings are slices of
/// them. The reference engine lends a set per day from its <see cref="DayBufferPool"/> and the writer gives it back once
/// the day is written, so at 100,000 employees a day's million events are not a million-element garbage heap that
/// outlives the collections of its day (docs/design.md §7).
/// </summary>
public sealed class DayBuffers
{
    readonly DayBufferPool _pool;
    int _lent;
    readonly ChunkSource<SimEvent> _events = new();
    readonly ChunkSource<SimRating> _ratings = new();
    readonly Lane[] _lanes;
    EmployeeDayResult[] _results = [];

    /// <summary>
    /// A share of the buffers with a lock of its own. Grains of one day add their results from several threads at once;
    /// each thread uses the lane of its id, so two threads rarely wait for each other.
    /// </summary>
    sealed class Lane(DayBuffers set)
    {
        public readonly Lock Gate = new();
        public readonly ChunkCursor<SimEvent> Events = new(set._events);
        public readonly ChunkCursor<SimRating> Ratings = new(set._ratings);
    }

    internal DayBuffers(DayBufferPool pool)
    {
        _pool = pool;
        _lanes = new Lane[DayBufferPool.Lanes];
        for (var i = 0; i < _lanes.Length; i++) _lanes[i] = new Lane(this);
    }

    internal void Lend()
    {
        _events.Reset();
        _ratings.Reset();
        foreach (var lane in _lanes)
        {
            lane.Events.Reset();
            lane.Ratings.Reset();
        }
        Array.Clear(_results); // the results of the day last written, which no one reads any more
        _lent = 1;
    }

    /// <summary>Gives the set back to its pool; only the first call counts.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _lent, 0) == 1) _pool.Return(this);
    }

    /// <summary>The array of the day's employee results (the same array each time it is lent).</summary>
    public EmployeeDayResult[] Results(int employees)
    {
        if (_results.Length != employees) _results = new EmployeeDayResult[employees];
        return _results;
    }

    /// <summary>
    /// An employee's day as slices of the buffers (copies of the lists, which the caller reuses); safe to call from several
    /// threads (one day runs at a time, so the pool's mail and survey lanes are this day's too).
    /// </summary>
    public EmployeeDayResult Add(List<SimEvent> events, List<SimRating> ratings, List<Mail> outbox, TruthRow truth, List<SurveyResponse> surveys)
    {
        var i = DayBufferPool.LaneOfThread();
        var lane = _lanes[i];
        lock (lane.Gate)
            return new(lane.Events.Append(events), lane.Ratings.Append(ratings), _pool.Outbox[i].Append(outbox), truth, _pool.Surveys[i].Append(surveys)) { Owner = this };
    }

    internal EmployeeDayResult Copy(EmployeeDayResult r)
    {
        var lane = _lanes[DayBufferPool.LaneOfThread()];
        lock (lane.Gate)
            return new(lane.Events.Append(r.Events.AsSpan()), lane.Ratings.Append(r.Ratings.AsSpan()), ArraySegment<Mail>.Empty, r.Truth, ArraySegment<SurveyResponse>.Empty) { Owner = this };
    }

    /// <summary>
    /// Once the day's mail is delivered and its surveys counted, drops them from the results: they live in buffers the
    /// next day reuses, and nothing after the day reads them (the writer writes neither).
    /// </summary>
    public void EndOfDay()
    {
        foreach (var r in _results) r.DropSameDay();
    }
}

/// <summary>
/// The day buffers of one engine: sets lent for a day and given back once written, and the mail and survey buffers
/// that only the day itself reads (one of them, reused every day).
/// </summary>
public sealed class DayBufferPool
{
    /// <summary>How many lanes each set of buffers has: twice the cores, so busy threads seldom share one.</summary>
    internal static readonly int Lanes = 2 * Environment.ProcessorCount;

    internal static int LaneOfThread() => Environment.CurrentManagedThreadId % Lanes;

    readonly ConcurrentQueue<DayBuffers> _free = new();
    readonly ChunkSource<Mail> _outbox = new();
    readonly ChunkSource<SurveyResponse> _surveys = new();
    internal readonly ChunkCursor<Mail>[] Outbox;
    internal readonly ChunkCursor<SurveyResponse>[] Surveys;

    public DayBufferPool()
    {
        Outbox = [.. Enumerable.Range(0, Lanes).Select(_ => new ChunkCursor<Mail>(_outbox))];
        Surveys = [.. Enumerable.Range(0, Lanes).Select(_ => new ChunkCursor<SurveyResponse>(_surveys))];
    }

    /// <summary>A free set, or a new one, emptied; the day's mail and survey buffers are emptied too (one day runs at a time).</summary>
    public DayBuffers Lend()
    {
        var buffers = _free.TryDequeue(out var free) ? free : new DayBuffers(this);
        buffers.Lend();
        _outbox.Reset();
        _surveys.Reset();
        foreach (var lane in Outbox) lane.Reset();
        foreach (var lane in Surveys) lane.Reset();
        return buffers;
    }

    internal void Return(DayBuffers buffers) => _free.Enqueue(buffers);

    /// <summary>
    /// A day whose grains wrote into <paramref name="buffers"/> (lent before the day, the silo in this process): results
    /// made elsewhere are copied in, and the day's mail and survey answers, already read, dropped.
    /// </summary>
    public DayResult Adopt(DayResult day, DayBuffers buffers)
    {
        var results = buffers.Results(day.Employees.Length);
        for (var i = 0; i < results.Length; i++)
            results[i] = day.Employees[i] is var r && r.Owner == buffers ? r : buffers.Copy(r);
        buffers.EndOfDay();
        return day with { Employees = results, Buffers = buffers };
    }

    /// <summary>
    /// The day with its events and ratings copied into a lent set (mail and surveys, already read, left out), so the
    /// arrays the grains returned die young instead of waiting for the writer (the Orleans engines).
    /// </summary>
    public DayResult Keep(DayResult day)
    {
        var buffers = Lend();
        var results = buffers.Results(day.Employees.Length);
        for (var i = 0; i < results.Length; i++) results[i] = buffers.Copy(day.Employees[i]);
        return day with { Employees = results, Buffers = buffers };
    }
}

/// <summary>
/// The chunks of one buffer, taken in order by its lanes (<see cref="ChunkCursor{T}"/>) and all reused from the first when
/// the set is lent again. Chunks double from small to a cap, so a 40-person run stays small and a 100,000-person day is
/// a list of equal chunks instead of one array grown by copying; lanes share them, so the buffer holds about one day
/// whichever threads wrote it.
/// </summary>
sealed class ChunkSource<T>
{
    const int FirstChunk = 1024, LargestChunk = 1 << 16;
    readonly List<T[]> _chunks = [];
    readonly Lock _gate = new();
    int _taken;

    public void Reset() => _taken = 0;

    /// <summary>The next chunk, holding at least <paramref name="length"/> items.</summary>
    public T[] Take(int length)
    {
        lock (_gate)
        {
            var size = Math.Max(length, Math.Min(LargestChunk, FirstChunk << Math.Min(_taken, 6)));
            if (_taken == _chunks.Count) _chunks.Add(new T[size]);
            else if (_chunks[_taken].Length < length) _chunks[_taken] = new T[size];
            return _chunks[_taken++];
        }
    }
}

/// <summary>A lane's place in a <see cref="ChunkSource{T}"/>: slices handed out in order from its current chunk.</summary>
sealed class ChunkCursor<T>(ChunkSource<T> source)
{
    T[] _chunk = [];
    int _used;

    public void Reset() => (_chunk, _used) = ([], 0);

    public ArraySegment<T> Append(List<T> items) => Append(CollectionsMarshal.AsSpan(items));

    public ArraySegment<T> Append(ReadOnlySpan<T> items)
    {
        var n = items.Length;
        if (n == 0) return ArraySegment<T>.Empty;
        if (_used + n > _chunk.Length) (_chunk, _used) = (source.Take(n), 0);
        items.CopyTo(_chunk.AsSpan(_used));
        var slice = new ArraySegment<T>(_chunk, _used, n);
        _used += n;
        return slice;
    }
}
