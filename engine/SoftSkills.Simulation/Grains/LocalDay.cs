using System.Collections.Concurrent;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// The day of a run whose engine shares this process with its silo: the engine's buffers, which its employee grains write
/// their day straight into instead of returning arrays of their own for the engine to copy, and the coordinator's
/// inboxes, which they read instead of copies sent with each call (docs/design.md §7). Keyed by run.
/// </summary>
sealed class LocalDay(int day, DayBuffers buffers)
{
    static readonly ConcurrentDictionary<string, LocalDay> Open = new();

    public int Day { get; } = day;
    public DayBuffers Buffers { get; } = buffers;

    /// <summary>Every employee's inbox for the day, by index; set by the coordinator before it calls the teams.</summary>
    public ArraySegment<Mail>[]? Inboxes { get; set; }

    public static void Lend(string run, int day, DayBuffers buffers) => Open[run] = new LocalDay(day, buffers);

    public static void Close(string run) => Open.TryRemove(run, out _);

    /// <summary>This run's <paramref name="day"/> when its engine is in this process, or null.</summary>
    public static LocalDay? For(string run, int day) => Open.TryGetValue(run, out var open) && open.Day == day ? open : null;
}
