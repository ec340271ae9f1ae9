using System.Collections.Concurrent;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// The days being run by engines that started their own silo, so share its process (a service of that silo only). Their
/// employee grains write each day straight into the engine's buffers instead of returning arrays of their own for the
/// engine to copy, and read their inboxes from the coordinator's mailroom instead of copies sent with each call
/// (docs/design.md §7). Keyed by run.
/// </summary>
sealed class LocalDays
{
    readonly ConcurrentDictionary<string, LocalDay> _open = new();

    public void Lend(string run, int day, DayBuffers buffers) => _open[run] = new LocalDay(day, buffers);

    public void Close(string run) => _open.TryRemove(run, out _);

    /// <summary>This run's <paramref name="day"/> when its engine lent buffers for it, or null.</summary>
    public LocalDay? For(string run, int day) => _open.TryGetValue(run, out var open) && open.Day == day ? open : null;
}

/// <summary>A day of a run whose engine shares the silo's process: the engine's buffers and the coordinator's inboxes.</summary>
sealed class LocalDay(int day, DayBuffers buffers)
{
    public int Day { get; } = day;
    public DayBuffers Buffers { get; } = buffers;

    /// <summary>Every employee's inbox for the day, by index; set by the coordinator before it calls the teams.</summary>
    public ArraySegment<Mail>[]? Inboxes { get; set; }
}
