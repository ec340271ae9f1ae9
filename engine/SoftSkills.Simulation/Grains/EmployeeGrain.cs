using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using SoftSkills.Simulation.Model;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// Wraps <see cref="EmployeeDay"/>: receives a day's inbox, runs the plain model, returns what it produced. On a cluster it
/// writes its state for the day, and asked for a day it already ran (its silo's neighbour died mid-day) it runs it again
/// from the state before, which gives the same result: every draw is seeded by (seed, employee, day). In one process
/// nothing can be lost, so it neither keeps the state before nor writes; and when its engine is in this process too, its
/// team calls <see cref="RunLocalDay"/> instead: it writes its day into the engine's buffers, reads its inbox from the
/// coordinator's and reports to its team without an answer message (<see cref="LocalDays"/>).
/// </summary>
public sealed class EmployeeGrain(IGrainContext context, IServiceProvider services) : Grain, IEmployeeGrain
{
    readonly IPersistentState<DayRecord<EmployeeState>>? _stored = SimulationStorage.Stored<EmployeeState>(services, context, "employee");
    readonly DayRecord<EmployeeState> _unstored = new(); // in one process
    readonly LocalDays? _localDays = services.GetService<LocalDays>(); // only a silo started by its engine has them
    SimulationSetup? _setup;
    EmployeeProfile? _profile;
    string _run = "";
    int _index;
    int _team;

    public Task Initialize(SimulationSetup setup)
    {
        _setup = setup;
        _index = (int)this.GetPrimaryKeyLong(out var run);
        _run = run!;
        _team = setup.Roster.TeamOf(_index);
        _profile = setup.Roster.Profile(setup.Scenario, _index);
        Record.After ??= EmployeeState.For(_profile); // a state restored from storage is kept
        return Task.CompletedTask;
    }

    public async Task<EmployeeDayResult> RunDay(int day, Immutable<Mail[]> inbox)
    {
        var result = Advance(day, inbox.Value, buffers: null); // the engine copies it into its buffers
        if (_stored is not null) await _stored.WriteStateAsync(); // in one process nothing can be lost: no write
        return result;
    }

    public Task RunLocalDay()
    {
        if (_localDays?.Open(_run) is not { } local) return Task.CompletedTask; // the day ended (another member failed): nobody waits for this one
        try
        {
            local.Report(_team, _index, Advance(local.Day, local.Inboxes![_index], local.Buffers));
        }
        catch (Exception error)
        {
            local.Fail(_team, error); // a one-way call has no answer to carry it: the team's wait does
        }
        return Task.CompletedTask;
    }

    public async Task End()
    {
        if (_stored is not null) await _stored.ClearStateAsync();
        DeactivateOnIdle();
    }

    EmployeeDayResult Advance(int day, ArraySegment<Mail> mail, DayBuffers? buffers)
    {
        if (_setup is null || _profile is null) throw new InvalidOperationException("employee grain used before Initialize");
        var r = Record;
        var start = day == r.Day && r.Before is { } before ? before : day == r.Day + 1 ? r.After! : throw new InvalidOperationException($"day {day} asked, day {r.Day + 1} is next");
        var keep = _stored is not null; // the state before is kept only where a day may be asked again
        var state = keep ? start.Clone() : start;
        var result = new EmployeeDay(_setup.Scenario, _setup.Roster, _profile, state, DayInfo.Of(_setup.Scenario, day)).Run(mail, buffers);
        (r.Day, r.Before, r.After) = (day, keep ? start : null, state);
        return result;
    }

    DayRecord<EmployeeState> Record => _stored?.State ?? _unstored;
}
