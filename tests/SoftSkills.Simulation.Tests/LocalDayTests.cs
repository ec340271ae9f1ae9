using Orleans.Concurrency;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Grains;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Tests;

/// <summary>
/// A day on the silo its engine started (docs/design.md §7): the members report to their team instead of answering its
/// one-way calls, so an error must still reach the engine.
/// </summary>
public class LocalDayTests
{
    [Fact]
    public async Task An_employee_failing_in_its_one_way_call_fails_the_day_instead_of_leaving_it_waiting()
    {
        var scenario = Scenarios.Small();
        await using var engine = await OrleansEngine.StartInProcessAsync("failing-run");
        await engine.StartAsync(scenario, Roster.Of(scenario));
        // Employee 3 runs day 0 on its own, outside the engine's day, so the engine's day 0 finds it a day ahead.
        await engine.Grains.GetGrain<IEmployeeGrain>(3, "failing-run").RunDay(0, Array.Empty<Mail>().AsImmutable());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunDayAsync(0).WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal("day 0 asked, day 1 is next", error.Message);
    }
}
