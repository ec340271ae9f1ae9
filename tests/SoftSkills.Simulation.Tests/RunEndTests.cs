using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Tests;

/// <summary>
/// A run on a silo that lives on (a sweep's, a pilot's counterfactual) ends its grains when its engine is disposed
/// (docs/design.md §7), instead of leaving them to the collector's 15 minutes.
/// </summary>
public class RunEndTests
{
    [Fact]
    public async Task A_finished_run_on_a_shared_silo_leaves_no_activations()
    {
        var scenario = Scenarios.Small();
        var roster = Roster.Of(scenario);
        await using var silo = await OrleansEngine.StartInProcessAsync();
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        async Task<int> SimulationActivations() => (await management.GetSimpleGrainStatistics())
            .Where(g => g.GrainType.Contains("SoftSkills.Simulation.Grains", StringComparison.Ordinal)).Sum(g => g.ActivationCount);

        await using (var run = silo.NewRun())
        {
            await run.StartAsync(scenario, roster);
            for (var day = 0; day < 3; day++) (await run.RunDayAsync(day)).Release();
            Assert.Equal(1 + roster.TeamNames.Length + roster.Employees, await SimulationActivations());
        }

        var left = await SimulationActivations();
        for (var wait = 0; left > 0 && wait < 100; wait++)
        {
            await Task.Delay(100); // deactivation on idle completes after the calls that asked for it
            left = await SimulationActivations();
        }
        Assert.Equal(0, left);
    }
}
