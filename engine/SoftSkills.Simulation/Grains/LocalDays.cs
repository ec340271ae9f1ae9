using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// The days being run by engines that started their own silo, so share its process (a service of that silo only). Their
/// employee grains write each day straight into the engine's buffers instead of returning arrays of their own for the
/// engine to copy, read their inboxes from the coordinator's mailroom instead of copies sent with each call, and report
/// to their team here instead of answering its call (docs/design.md §7). Keyed by run.
/// </summary>
sealed class LocalDays
{
    readonly ConcurrentDictionary<string, LocalDay> _open = new();

    public void Lend(string run, int day, DayBuffers buffers, Roster roster) => _open[run] = new LocalDay(day, buffers, roster);

    public void Close(string run) => _open.TryRemove(run, out _);

    /// <summary>This run's <paramref name="day"/> when its engine lent buffers for it, or null.</summary>
    public LocalDay? For(string run, int day) => _open.TryGetValue(run, out var open) && open.Day == day ? open : null;

    /// <summary>This run's open day, or null.</summary>
    public LocalDay? Open(string run) => _open.GetValueOrDefault(run);
}

/// <summary>
/// A day of a run whose engine shares the silo's process: the engine's buffers, the day's results by employee index,
/// the coordinator's inboxes, and each team's count of members still running.
/// </summary>
sealed class LocalDay(int day, DayBuffers buffers, Roster roster)
{
    readonly TeamCountdown?[] _teams = new TeamCountdown?[roster.TeamNames.Length];

    public int Day { get; } = day;
    public DayBuffers Buffers { get; } = buffers;

    /// <summary>Every employee's result for the day, by index, filled in as they report.</summary>
    public EmployeeDayResult[] Results { get; } = buffers.Results(roster.Employees);

    /// <summary>Every employee's inbox for the day, by index; set by the coordinator before it calls the teams.</summary>
    public ArraySegment<Mail>[]? Inboxes { get; set; }

    /// <summary>Called by a team before it starts its members: completes once all have reported, or fails with the first failure.</summary>
    public Task Members(int team, int members)
    {
        var countdown = new TeamCountdown(members);
        _teams[team] = countdown;
        return countdown.Done;
    }

    public void Report(int team, int employee, EmployeeDayResult result)
    {
        Results[employee] = result;
        _teams[team]!.Signal();
    }

    public void Fail(int team, Exception error)
    {
        if (_teams[team] is { } countdown) countdown.Fail(error);
        else ExceptionDispatchInfo.Throw(error); // the team has not started the day: nobody waits for this employee
    }

    sealed class TeamCountdown
    {
        int _pending;
        readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TeamCountdown(int members)
        {
            _pending = members;
            if (members == 0) _done.SetResult();
        }

        public Task Done => _done.Task;

        public void Signal()
        {
            if (Interlocked.Decrement(ref _pending) == 0) _done.TrySetResult();
        }

        public void Fail(Exception error) => _done.TrySetException(error);
    }
}
