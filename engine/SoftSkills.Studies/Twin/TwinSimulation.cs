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
    public static double[] Summaries(Scenario scenario, int days, IReadOnlyList<string> teams) =>
        SummariesAsync(scenario, days, teams, new ReferenceEngine()).AsTask().GetAwaiter().GetResult();

    /// <summary>The same on any engine (a cluster's, with <c>twin fit --cluster</c>): every engine gives the same days, so the same summaries.</summary>
    public static async ValueTask<double[]> SummariesAsync(Scenario scenario, int days, IReadOnlyList<string> teams, ISimulationEngine engine, CancellationToken cancel = default)
    {
        var roster = Roster.Of(scenario);
        var employees = roster.Profiles(scenario).Select(roster.ToEmployee).ToList();
        await using (engine)
        {
            await engine.StartAsync(scenario, roster);
            var events = new List<Event>();
            var ratings = new List<Rating>();
            for (var day = 0; day < days; day++)
            {
                cancel.ThrowIfCancellationRequested();
                var result = await engine.RunDayAsync(day);
                var today = result.Employees.SelectMany(r => r.Events).ToArray();
                Array.Sort(today, SimEvent.CompareWritten);
                events.AddRange(today.Select(e => e.ToEvent(roster)));
                ratings.AddRange(result.Employees.SelectMany(r => r.Ratings).Select(r => r.ToRating()));
                result.Release();
            }
            return TwinSummaries.Of(employees, events, ItemLevels.FromRatings(ratings), teams, days);
        }
    }
}
