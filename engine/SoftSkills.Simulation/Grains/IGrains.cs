using Orleans.Concurrency;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Grains;

/// <summary>What every grain of one simulation run knows: the scenario and the roster.</summary>
[GenerateSerializer, Immutable, Alias("softskills.setup")]
public sealed record SimulationSetup([property: Id(0)] Scenario Scenario, [property: Id(1)] Roster Roster);

/// <summary>An employee: traits, learning and coaching history; produces its whole day in one call. Key: (index, run).</summary>
[Alias("softskills.IEmployeeGrain")]
public interface IEmployeeGrain : IGrainWithIntegerCompoundKey
{
    [Alias("Initialize")] Task Initialize(SimulationSetup setup);
    [Alias("RunDay")] Task<EmployeeDayResult> RunDay(int day, Immutable<Mail[]> inbox);

    /// <summary>
    /// In the silo its engine started: runs the day its engine opened into the engine's buffers and reports to its team
    /// through <see cref="LocalDays"/>; a one-way call, so no answer message, and no arguments, which Orleans would box
    /// (docs/design.md §7).
    /// </summary>
    [OneWay, Alias("RunLocalDay")] Task RunLocalDay();

    /// <summary>Ends the grain's part in its run, once the run is over: clears its stored day (a cluster) and deactivates it (<see cref="RunGrains"/>).</summary>
    [Alias("End")] Task End();
}

/// <summary>A team: its members, and the team-level outcomes (surveys, manager ratings). Key: (team, run).</summary>
[Alias("softskills.ITeamGrain")]
public interface ITeamGrain : IGrainWithIntegerCompoundKey
{
    [Alias("Initialize")] Task Initialize(SimulationSetup setup);
    [Alias("RunDay")] Task<TeamDayResult> RunDay(int day, Immutable<Mail[][]> inboxes);

    /// <summary>Ends the grain's part in its run, once the run is over: clears its stored day (a cluster) and deactivates it (<see cref="RunGrains"/>).</summary>
    [Alias("End")] Task End();
}

/// <summary>The coordinator: advances days behind a barrier and routes mail to the next day. Key: the run.</summary>
[Alias("softskills.ISimulationGrain")]
public interface ISimulationGrain : IGrainWithStringKey
{
    [Alias("Initialize")] Task Initialize(SimulationSetup setup);
    [Alias("RunDay")] Task<DayResult> RunDay(int day);

    /// <summary>Ends the run once it is over: its teams and employees (<see cref="RunGrains"/>), then the coordinator itself.</summary>
    [Alias("End")] Task End();
}

/// <summary>A team's day: its members' results in member order and its outcomes.</summary>
[GenerateSerializer, Immutable, Alias("softskills.team-day")]
public sealed record TeamDayResult(
    [property: Id(0)] EmployeeDayResult[] Members,
    [property: Id(1)] SoftSkills.Data.Schema.Outcome[] Outcomes);
