using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// A run's grains once the run is over (docs/design.md §7). Each team and employee grain is ended: a cluster's Redis then
/// keeps none of the run's state, and no silo keeps its activations until the collector finds them idle (15 minutes),
/// which a sweep or a twin fit, thousands of runs long, would otherwise pile up.
/// </summary>
public static class RunGrains
{
    public static Task EndAsync(IGrainFactory grains, string run, Roster roster) =>
        Task.WhenAll(Enumerable.Range(0, roster.TeamNames.Length).Select(t => grains.GetGrain<ITeamGrain>(t, run).End())
            .Concat(Enumerable.Range(0, roster.Employees).Select(e => grains.GetGrain<IEmployeeGrain>(e, run).End())));
}
