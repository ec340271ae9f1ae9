using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// Runs its members' days in parallel (one call each; one-way on the silo its engine started), then the team's own day
/// on their results; on a cluster it writes its state for the day and a day asked again is run again from the state
/// before it, like <see cref="EmployeeGrain"/>.
/// </summary>
public sealed class TeamGrain(
    [PersistentState("team", SimulationStorage.Name)] IPersistentState<DayRecord<TeamState>> record, IServiceProvider services) : Grain, ITeamGrain
{
    readonly bool _keep = SimulationStorage.Keeps(services);
    readonly LocalDays? _localDays = services.GetService<LocalDays>(); // only a silo started by its engine has them
    SimulationSetup? _setup;
    IEmployeeGrain[] _members = [];
    int _team;
    string _run = "";

    public async Task Initialize(SimulationSetup setup)
    {
        _setup = setup;
        _team = (int)this.GetPrimaryKeyLong(out var run);
        _run = run!;
        var start = setup.Roster.TeamStart[_team];
        _members = Enumerable.Range(start, setup.Roster.TeamSize[_team])
            .Select(i => GrainFactory.GetGrain<IEmployeeGrain>(i, run!)).ToArray();
        record.State.After ??= new TeamState();
        await Task.WhenAll(_members.Select(m => m.Initialize(setup)));
    }

    public async Task<TeamDayResult> RunDay(int day, Immutable<Mail[][]> inboxes)
    {
        if (_setup is null) throw new InvalidOperationException("team grain used before Initialize");
        var r = record.State;
        var start = day == r.Day && r.Before is { } before ? before : day == r.Day + 1 ? r.After! : throw new InvalidOperationException($"day {day} asked, day {r.Day + 1} is next");
        var local = _localDays?.For(_run, day);
        EmployeeDayResult[] answered = []; // a local day's results are in the day already, not in the answer
        IReadOnlyList<EmployeeDayResult> results = local is null
            ? answered = await Task.WhenAll(_members.Select((m, i) => m.RunDay(day, inboxes.Value[i].AsImmutable())))
            : await RunLocally(local);
        var state = _keep ? start.Clone() : start; // the state before is kept only where a day may be asked again
        var outcomes = TeamDay.Run(_setup.Scenario, _setup.Roster, _team, state, DayInfo.Of(_setup.Scenario, day), results);
        (r.Day, r.Before, r.After) = (day, _keep ? start : null, state);
        if (_keep) await record.WriteStateAsync(); // in one process nothing can be lost: no write
        return new TeamDayResult(answered, outcomes);
    }

    /// <summary>One-way calls to the members, who report to the day (<see cref="LocalDays"/>): no answer message each.</summary>
    async Task<IReadOnlyList<EmployeeDayResult>> RunLocally(LocalDay local)
    {
        var reported = local.Members(_team, _members.Length);
        foreach (var member in _members) _ = member.RunLocalDay();
        await reported;
        return new ArraySegment<EmployeeDayResult>(local.Results, _setup!.Roster.TeamStart[_team], _members.Length);
    }
}
