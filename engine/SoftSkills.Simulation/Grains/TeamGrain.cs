using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>Runs its members' days in parallel (one call each), then the team's own day on their results.</summary>
public sealed class TeamGrain : Grain, ITeamGrain
{
    SimulationSetup? _setup;
    IEmployeeGrain[] _members = [];
    readonly TeamState _state = new();
    int _team;

    public async Task Initialize(SimulationSetup setup)
    {
        _setup = setup;
        _team = (int)this.GetPrimaryKeyLong(out var run);
        var start = setup.Roster.TeamStart[_team];
        _members = Enumerable.Range(start, setup.Roster.TeamSize[_team])
            .Select(i => GrainFactory.GetGrain<IEmployeeGrain>(i, run!)).ToArray();
        await Task.WhenAll(_members.Select(m => m.Initialize(setup)));
    }

    public async Task<TeamDayResult> RunDay(int day, Mail[][] inboxes)
    {
        if (_setup is null) throw new InvalidOperationException("team grain used before Initialize");
        var results = await Task.WhenAll(_members.Select((m, i) => m.RunDay(day, inboxes[i])));
        var outcomes = TeamDay.Run(_setup.Scenario, _setup.Roster, _team, _state, DayInfo.Of(_setup.Scenario, day), results);
        return new TeamDayResult(results, outcomes);
    }
}
