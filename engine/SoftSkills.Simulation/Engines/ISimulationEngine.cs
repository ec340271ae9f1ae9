using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Engines;

/// <summary>Runs a scenario day by day. Every engine gives the same results for the same scenario and seed.</summary>
public interface ISimulationEngine : IAsyncDisposable
{
    /// <summary>The engine's name for the manifest (<c>reference</c>, <c>orleans</c>).</summary>
    string Name { get; }

    Task StartAsync(Scenario scenario, Roster roster);

    /// <summary>Runs day <paramref name="day"/>; days must be run in order from 0.</summary>
    Task<DayResult> RunDayAsync(int day);
}

/// <summary>
/// The routing of mail between days, shared by every engine: sent on day d, delivered on day d+1, each inbox sorted by
/// (sender, sequence). Inboxes are slices of one array, refilled when a day is delivered (a day's inboxes are read only
/// during that day), so delivering allocates nothing once the array is large enough.
/// </summary>
public sealed class Mailroom(int employees)
{
    Mail[] _mail = [];
    readonly ArraySegment<Mail>[] _inboxes = Enumerable.Repeat(ArraySegment<Mail>.Empty, employees).ToArray();
    readonly int[] _next = new int[employees + 1];

    /// <summary>Today's inbox of each employee, by index; valid until the next <see cref="Deliver"/>.</summary>
    public ArraySegment<Mail>[] Inboxes => _inboxes;

    /// <summary>The inboxes of employees <paramref name="first"/>… as arrays of their own, to send to a team grain.</summary>
    public Mail[][] InboxArrays(int first, int count)
    {
        var boxes = new Mail[count][];
        for (var i = 0; i < count; i++) boxes[i] = _inboxes[first + i].AsSpan().ToArray();
        return boxes;
    }

    /// <summary>Delivers the outboxes of a day (every employee's result, in any order) as the next day's inboxes.</summary>
    public void Deliver(EmployeeDayResult[] results)
    {
        Array.Clear(_next);
        foreach (var r in results)
            foreach (var mail in r.Outbox.AsSpan()) _next[mail.To + 1]++;
        for (var i = 1; i <= employees; i++) _next[i] += _next[i - 1];
        if (_mail.Length < _next[employees]) _mail = new Mail[_next[employees] + _next[employees] / 4];
        for (var i = 0; i < employees; i++) _inboxes[i] = new ArraySegment<Mail>(_mail, _next[i], _next[i + 1] - _next[i]);
        foreach (var r in results)
            foreach (var mail in r.Outbox.AsSpan()) _mail[_next[mail.To]++] = mail;
        foreach (var box in _inboxes)
            if (box.Count > 1) Array.Sort(_mail, box.Offset, box.Count);
    }
}
