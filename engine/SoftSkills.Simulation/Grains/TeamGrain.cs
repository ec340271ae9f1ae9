using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// Runs its members' days in parallel (one call each; one-way on the silo its engine started), then the team's own day
/// on their results; on a cluster it writes its state for the day and a day asked again is run again from the state
/// before it, like <see cref="EmployeeGrain"/>.
/// </summary>
public sealed class TeamGrain(IGrainContext context, IServiceProvider services) : Grain, ITeamGrain
{
    readonly IPersistentState<DayRecord<TeamState>>? _stored = SimulationStorage.Stored<TeamState>(services, context, "team");
    readonly DayRecord<TeamState> _unstored = new(); // in one process
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
        Record.After ??= new TeamState();
        await Task.WhenAll(_members.Select(m => m.Initialize(setup)));
    }

    public async Task<TeamDayResult> RunDay(int day, Immutable<Mail[][]> inboxes)
    {
        if (_setup is null) throw new InvalidOperationException("team grain used before Initialize");
        var r = Record;
        var start = day == r.Day && r.Before is { } before ? before : day == r.Day + 1 ? r.After! : throw new InvalidOperationException($"day {day} asked, day {r.Day + 1} is next");
        var local = _localDays?.For(_run, day);
        EmployeeDayResult[] answered = []; // a local day's results are in the day already, not in the answer
        IReadOnlyList<EmployeeDayResult> results = local is null
            ? answered = await Task.WhenAll(_members.Select((m, i) => m.RunDay(day, inboxes.Value[i].AsImmutable())))
            : await RunLocally(local);
        var keep = _stored is not null; // the state before is kept only where a day may be asked again
        var state = keep ? start.Clone() : start;
        var outcomes = TeamDay.Run(_setup.Scenario, _setup.Roster, _team, state, DayInfo.Of(_setup.Scenario, day), results);
        (r.Day, r.Before, r.After) = (day, keep ? start : null, state);
        if (_stored is not null) await _stored.WriteStateAsync(); // in one process nothing can be lost: no write
        return new TeamDayResult(answered, outcomes);
    }

    public async Task End()
    {
        if (_stored is not null) await _stored.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>One-way calls to the members, who report to the day (<see cref="LocalDays"/>): no answer message each.</summary>
    async Task<IReadOnlyList<EmployeeDayResult>> RunLocally(LocalDay local)
    {
        var reported = local.Members(_team, _members.Length);
        foreach (var member in _members) _ = member.RunLocalDay();
        await reported;
        return new ArraySegment<EmployeeDayResult>(local.Results, _setup!.Roster.TeamStart[_team], _members.Length);
    }

    DayRecord<TeamState> Record => _stored?.State ?? _unstored;
}
