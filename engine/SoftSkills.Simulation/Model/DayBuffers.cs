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
    readonly ChunkedBuffer<SimEvent> _events = new();
    readonly ChunkedBuffer<SimRating> _ratings = new();
    EmployeeDayResult[] _results = [];

    internal DayBuffers(DayBufferPool pool) => _pool = pool;

    internal void Lend()
    {
        _events.Reset();
        _ratings.Reset();
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

    /// <summary>An employee's day as slices of the buffers (copies of the lists, which the caller reuses).</summary>
    public EmployeeDayResult Add(List<SimEvent> events, List<SimRating> ratings, List<Mail> outbox, TruthRow truth, List<SurveyResponse> surveys) =>
        new(_events.Append(events), _ratings.Append(ratings), _pool.Outbox.Append(outbox), truth, _pool.Surveys.Append(surveys));

    internal EmployeeDayResult Copy(EmployeeDayResult r) =>
        new(_events.Append(r.Events.AsSpan()), _ratings.Append(r.Ratings.AsSpan()), ArraySegment<Mail>.Empty, r.Truth, ArraySegment<SurveyResponse>.Empty);

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
    readonly ConcurrentQueue<DayBuffers> _free = new();
    internal readonly ChunkedBuffer<Mail> Outbox = new();
    internal readonly ChunkedBuffer<SurveyResponse> Surveys = new();

    /// <summary>A free set, or a new one, emptied; the day's mail and survey buffers are emptied too (one day runs at a time).</summary>
    public DayBuffers Lend()
    {
        var buffers = _free.TryDequeue(out var free) ? free : new DayBuffers(this);
        buffers.Lend();
        Outbox.Reset();
        Surveys.Reset();
        return buffers;
    }

    internal void Return(DayBuffers buffers) => _free.Enqueue(buffers);

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
/// Slices handed out from chunks: a chunk is filled in order, the next one taken when a list does not fit, and all of
/// them reused from the first when the set is lent again. Chunks double from small to a cap, so a 40-person run stays
/// small and a 100,000-person day is a list of equal chunks instead of one array grown by copying.
/// </summary>
sealed class ChunkedBuffer<T>
{
    const int FirstChunk = 1024, LargestChunk = 1 << 16;
    readonly List<T[]> _chunks = [];
    int _current = -1, _used;

    public void Reset() => (_current, _used) = (-1, 0);

    public ArraySegment<T> Append(List<T> items) => Append(CollectionsMarshal.AsSpan(items));

    public ArraySegment<T> Append(ReadOnlySpan<T> items)
    {
        var n = items.Length;
        if (n == 0) return ArraySegment<T>.Empty;
        if (_current < 0 || _used + n > _chunks[_current].Length)
        {
            _current++;
            _used = 0;
            var size = Math.Max(n, _current == 0 ? FirstChunk : Math.Min(LargestChunk, 2 * _chunks[_current - 1].Length));
            if (_current == _chunks.Count) _chunks.Add(new T[size]);
            else if (_chunks[_current].Length < n) _chunks[_current] = new T[size];
        }
        var chunk = _chunks[_current];
        items.CopyTo(chunk.AsSpan(_used));
        var slice = new ArraySegment<T>(chunk, _used, n);
        _used += n;
        return slice;
    }
}
