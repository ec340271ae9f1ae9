using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>Wraps <see cref="EmployeeDay"/>: receives a day's inbox, runs the plain model, returns what it produced.</summary>
public sealed class EmployeeGrain : Grain, IEmployeeGrain
{
    SimulationSetup? _setup;
    EmployeeProfile? _profile;
    EmployeeState? _state;

    public Task Initialize(SimulationSetup setup)
    {
        _setup = setup;
        var index = (int)this.GetPrimaryKeyLong(out _);
        _profile = setup.Roster.Profile(setup.Scenario, index);
        _state = EmployeeState.For(_profile);
        return Task.CompletedTask;
    }

    public Task<EmployeeDayResult> RunDay(int day, Mail[] inbox)
    {
        if (_setup is null || _profile is null || _state is null) throw new InvalidOperationException("employee grain used before Initialize");
        var info = DayInfo.Of(_setup.Scenario, day);
        return Task.FromResult(new EmployeeDay(_setup.Scenario, _setup.Roster, _profile, _state, info).Run(inbox));
    }
}
