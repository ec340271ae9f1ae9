using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Engines;

/// <summary>
/// The model in a plain single-threaded loop, without Orleans: the oracle in tests and the baseline in benchmarks. A day's
/// results are slices of buffers lent for the day; <see cref="DayResult.Release"/> gives them back for a later day.
/// </summary>
public sealed class ReferenceEngine : ISimulationEngine
{
    Scenario _scenario = new();
    Roster _roster = null!;
    EmployeeProfile[] _profiles = [];
    EmployeeState[] _states = [];
    TeamState[] _teams = [];
    Mailroom _mail = new(0);
    readonly DayBufferPool _buffers = new();

    public string Name => "reference";

    public Task StartAsync(Scenario scenario, Roster roster)
    {
        _scenario = scenario;
        _roster = roster;
        _profiles = [.. roster.Profiles(scenario)];
        _states = _profiles.Select(EmployeeState.For).ToArray();
        _teams = roster.TeamNames.Select(_ => new TeamState()).ToArray();
        _mail = new Mailroom(_profiles.Length);
        return Task.CompletedTask;
    }

    public Task<DayResult> RunDayAsync(int day)
    {
        var info = DayInfo.Of(_scenario, day);
        var buffers = _buffers.Lend();
        var results = buffers.Results(_profiles.Length);
        var inboxes = _mail.Inboxes;
        for (var i = 0; i < _profiles.Length; i++)
            results[i] = new EmployeeDay(_scenario, _roster, _profiles[i], _states[i], info).Run(inboxes[i], buffers);
        var outcomes = new List<SoftSkills.Data.Schema.Outcome>();
        for (var t = 0; t < _teams.Length; t++)
        {
            var members = new ArraySegment<EmployeeDayResult>(results, _roster.TeamStart[t], _roster.TeamSize[t]);
            outcomes.AddRange(TeamDay.Run(_scenario, _roster, t, _teams[t], info, members));
        }
        _mail.Deliver(results);
        buffers.EndOfDay();
        return Task.FromResult(new DayResult(day, results, [.. outcomes]) { Buffers = buffers });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
