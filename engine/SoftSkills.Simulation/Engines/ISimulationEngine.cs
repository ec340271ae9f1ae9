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

/// <summary>The routing of mail between days, shared by every engine: sent on day d, delivered on day d+1, sorted by (sender, sequence).</summary>
public static class Mailroom
{
    public static Mail[][] Deliver(IEnumerable<EmployeeDayResult> results, int employees)
    {
        var boxes = new List<Mail>?[employees];
        foreach (var r in results)
            foreach (var mail in r.Outbox)
                (boxes[mail.To] ??= []).Add(mail);
        var inboxes = new Mail[employees][];
        for (var i = 0; i < employees; i++)
        {
            if (boxes[i] is { } box) { box.Sort(); inboxes[i] = [.. box]; }
            else inboxes[i] = [];
        }
        return inboxes;
    }
}
