using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Engines;

/// <summary>The model in a plain single-threaded loop, without Orleans: the oracle in tests and the baseline in benchmarks.</summary>
public sealed class ReferenceEngine : ISimulationEngine
{
    Scenario _scenario = new();
    Roster _roster = null!;
    EmployeeProfile[] _profiles = [];
    EmployeeState[] _states = [];
    TeamState[] _teams = [];
    Mail[][] _inboxes = [];

    public string Name => "reference";

    public Task StartAsync(Scenario scenario, Roster roster)
    {
        _scenario = scenario;
        _roster = roster;
        _profiles = [.. roster.Profiles(scenario)];
        _states = _profiles.Select(EmployeeState.For).ToArray();
        _teams = roster.TeamNames.Select(_ => new TeamState()).ToArray();
        _inboxes = _profiles.Select(_ => Array.Empty<Mail>()).ToArray();
        return Task.CompletedTask;
    }

    public Task<DayResult> RunDayAsync(int day)
    {
        var info = DayInfo.Of(_scenario, day);
        var results = new EmployeeDayResult[_profiles.Length];
        for (var i = 0; i < _profiles.Length; i++)
            results[i] = new EmployeeDay(_scenario, _roster, _profiles[i], _states[i], info).Run(_inboxes[i]);
        var outcomes = new List<SoftSkills.Data.Schema.Outcome>();
        for (var t = 0; t < _teams.Length; t++)
        {
            var members = new ArraySegment<EmployeeDayResult>(results, _roster.TeamStart[t], _roster.TeamSize[t]);
            outcomes.AddRange(TeamDay.Run(_scenario, _roster, t, _teams[t], info, members));
        }
        _inboxes = Mailroom.Deliver(results, _profiles.Length);
        return Task.FromResult(new DayResult(day, results, [.. outcomes]));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
