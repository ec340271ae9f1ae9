using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>Advances the simulation one day at a time: all teams run the day, then their mail is routed to the next day.</summary>
public sealed class SimulationGrain : Grain, ISimulationGrain
{
    SimulationSetup? _setup;
    ITeamGrain[] _teams = [];
    Mailroom _mail = new(0);
    int _nextDay;

    public async Task Initialize(SimulationSetup setup)
    {
        _setup = setup;
        var run = this.GetPrimaryKeyString();
        _teams = Enumerable.Range(0, setup.Roster.TeamNames.Length).Select(t => GrainFactory.GetGrain<ITeamGrain>(t, run)).ToArray();
        await Task.WhenAll(_teams.Select(t => t.Initialize(setup)));
        _mail = new Mailroom(setup.Roster.Employees);
        _nextDay = 0;
    }

    public async Task<DayResult> RunDay(int day)
    {
        if (_setup is null) throw new InvalidOperationException("simulation grain used before Initialize");
        if (day != _nextDay) throw new InvalidOperationException($"day {day} asked, day {_nextDay} is next");
        var roster = _setup.Roster;
        var local = ServiceProvider.GetService<LocalDays>()?.For(this.GetPrimaryKeyString(), day);
        if (local is not null) local.Inboxes = _mail.Inboxes; // the employees read them here: no copies sent
        var results = await Task.WhenAll(_teams.Select((t, i) =>
            t.RunDay(day, (local is not null ? [] : _mail.InboxArrays(roster.TeamStart[i], roster.TeamSize[i])).AsImmutable())));
        var employees = local?.Results ?? results.SelectMany(r => r.Members).ToArray();
        _mail.Deliver(employees);
        _nextDay++;
        return new DayResult(day, employees, results.SelectMany(r => r.Outcomes).ToArray());
    }

    public async Task End()
    {
        if (_setup is not null) await RunGrains.EndAsync(GrainFactory, this.GetPrimaryKeyString(), _setup.Roster);
        DeactivateOnIdle();
    }
}
