using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Studies.Twin;

/// <summary>
/// A candidate twin's baseline, simulated in memory on the reference loop (no files): the same events and ratings the
/// simulator writes, sorted as it sorts them, reduced to <see cref="TwinSummaries"/>.
/// </summary>
public static class TwinSimulation
{
    public static double[] Summaries(Scenario scenario, int days, IReadOnlyList<string> teams)
    {
        var roster = Roster.Of(scenario);
        var employees = roster.Profiles(scenario).Select(roster.ToEmployee).ToList();
        var engine = new ReferenceEngine();
        engine.StartAsync(scenario, roster).GetAwaiter().GetResult();
        var events = new List<Event>();
        var ratings = new List<Rating>();
        for (var day = 0; day < days; day++)
        {
            var result = engine.RunDayAsync(day).GetAwaiter().GetResult();
            var today = result.Employees.SelectMany(r => r.Events).ToList();
            today.Sort((a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : string.CompareOrdinal(a.EventId, b.EventId));
            events.AddRange(today);
            ratings.AddRange(result.Employees.SelectMany(r => r.Ratings));
        }
        return TwinSummaries.Of(employees, events, ItemLevels.FromRatings(ratings), teams, days);
    }
}
