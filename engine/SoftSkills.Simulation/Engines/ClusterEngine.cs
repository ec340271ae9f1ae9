using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Concurrency;
using SoftSkills.Simulation.Grains;
using SoftSkills.Simulation.Hosting;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Engines;

/// <summary>
/// Runs the model on a multi-silo cluster as a client (docs/design.md §7). The coordinator (the day barrier and the mail routing)
/// lives here, outside the silos, so losing a silo loses no routing. A day either completes on every team or is run
/// again: the grains of the lost silo are reactivated on the others from the state they wrote at the end of the last
/// completed day, grains that already ran the day run it again from the state before it, and every draw is seeded by
/// (seed, grain, day), so the day's result is the one an uninterrupted run gives.
/// </summary>
public sealed class ClusterEngine : ISimulationEngine
{
    readonly IHost? _client;
    readonly IGrainFactory _grains;
    readonly string _run;
    readonly TextWriter? _log;
    SimulationSetup? _setup;
    bool _failed;
    ITeamGrain[] _teams = [];
    Mailroom _mail = new(0);
    readonly DayBufferPool _buffers = new();

    /// <summary>How often a day is tried before the run fails, and the pause between tries (membership needs seconds to declare a silo dead).</summary>
    public int MaxAttempts { get; init; } = 40;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The cluster's address: after a failed try its Redis is checked, and a Redis that does not answer ends the run at
    /// once with <see cref="ClusterUnavailableException"/> naming it (no silo can run a day without it).
    /// </summary>
    public ClusterAddress? Cluster { get; init; }

    /// <summary>The number of days that had to be run again after a failure (for the log and tests).</summary>
    public int DaysRetried { get; private set; }

    public ClusterEngine(IGrainFactory grains, string? runId = null, TextWriter? log = null) =>
        (_grains, _run, _log) = (grains, runId ?? Guid.NewGuid().ToString("N"), log);

    ClusterEngine(IHost client, TextWriter? log) : this(client.Services.GetRequiredService<IClusterClient>(), null, log) => _client = client;

    /// <summary>Connects to the cluster at <paramref name="cluster"/> and returns an engine that owns the connection.</summary>
    public static async Task<ClusterEngine> ConnectAsync(ClusterAddress cluster, TimeSpan timeout, TextWriter? log = null) =>
        new(await ClusterHosting.ConnectClientAsync(cluster, timeout), log) { Cluster = cluster };

    public string Name => "orleans";

    public Task StartAsync(Scenario scenario, Roster roster)
    {
        _setup = new SimulationSetup(scenario, roster);
        _teams = Enumerable.Range(0, roster.TeamNames.Length).Select(t => _grains.GetGrain<ITeamGrain>(t, _run)).ToArray();
        _mail = new Mailroom(roster.Employees);
        return WithRetries("start", () => Task.WhenAll(_teams.Select(t => t.Initialize(_setup))));
    }

    public async Task<DayResult> RunDayAsync(int day)
    {
        if (_setup is null) throw new InvalidOperationException("StartAsync first");
        var roster = _setup.Roster;
        var again = false;
        var results = await WithRetries($"day {day}", async () =>
        {
            if (again) await Task.WhenAll(_teams.Select(t => t.Initialize(_setup))); // reactivated grains need the setup again
            again = true;
            return await Task.WhenAll(_teams.Select((t, i) => t.RunDay(day, _mail.InboxArrays(roster.TeamStart[i], roster.TeamSize[i]).AsImmutable())));
        }, () => DaysRetried++);
        var employees = results.SelectMany(r => r.Members).ToArray();
        _mail.Deliver(employees);
        return _buffers.Keep(new DayResult(day, employees, results.SelectMany(r => r.Outcomes).ToArray()));
    }

    Task WithRetries(string what, Func<Task> action) => WithRetries(what, async () => { await action(); return true; });

    async Task<T> WithRetries<T>(string what, Func<Task<T>> action, Action? onFirstRetry = null)
    {
        try { return await Attempts(what, action, onFirstRetry); }
        catch
        {
            _failed = true;
            throw;
        }
    }

    async Task<T> Attempts<T>(string what, Func<Task<T>> action, Action? onFirstRetry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await action(); }
            catch (Exception ex) when (attempt < MaxAttempts && ex is not OperationCanceledException)
            {
                if (Cluster is { } cluster && !await ClusterHosting.RedisAnswersAsync(cluster, TimeSpan.FromSeconds(5)))
                    throw new ClusterUnavailableException($"lost the cluster's Redis at {cluster} during {what} (it does not answer a PING); no output was written", ex);
                if (attempt == 1) onFirstRetry?.Invoke();
                _log?.WriteLine($"{what}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]} — trying again on the remaining silos ({attempt + 1}/{MaxAttempts})");
                await Task.Delay(RetryDelay);
            }
        }
    }

    /// <summary>Ends a run that did not fail (<see cref="RunGrains"/>), so Redis keeps none of its state; then closes an owned connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_setup is not null && !_failed)
        {
            try { await WithRetries("ending the run", () => RunGrains.EndAsync(_grains, _run, _setup.Roster)); }
            catch (Exception ex) { _log?.WriteLine($"the run's grains could not be ended ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}): their state stays in Redis"); }
        }
        if (_client is null) return;
        await ClusterHosting.StopWithin(_client, TimeSpan.FromSeconds(5));
        _client.Dispose();
    }
}
