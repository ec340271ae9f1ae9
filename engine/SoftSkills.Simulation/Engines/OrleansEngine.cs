using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SoftSkills.Simulation.Grains;
using SoftSkills.Simulation.Model;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Engines;

/// <summary>
/// Runs the model on Orleans grains (docs/design.md §7): one <see cref="IEmployeeGrain"/> call per employee per day, teams in
/// parallel, the coordinator advancing days behind a barrier. By default it starts one silo in this process.
/// </summary>
public sealed class OrleansEngine : ISimulationEngine
{
    readonly IHost? _ownedHost;
    readonly IGrainFactory _grains;
    readonly string _run;
    readonly LocalDays? _local; // set when the engine started its silo: its grains write into this engine's day buffers
    ISimulationGrain? _simulation;
    Roster? _roster;
    readonly DayBufferPool _buffers = new();

    /// <summary>Uses an existing cluster client or grain factory (a test cluster, a silo's own host).</summary>
    public OrleansEngine(IGrainFactory grains, string? runId = null) : this(grains, runId, local: null) { }

    OrleansEngine(IGrainFactory grains, string? runId, LocalDays? local)
    {
        _grains = grains;
        _run = runId ?? Guid.NewGuid().ToString("N");
        _local = local;
    }

    OrleansEngine(IHost host, string? runId)
        : this(host.Services.GetRequiredService<IGrainFactory>(), runId, host.Services.GetRequiredService<LocalDays>()) => _ownedHost = host;

    public string Name => "orleans";

    /// <summary>The grain factory this engine calls through: its own silo's, or the one it was given.</summary>
    public IGrainFactory Grains => _grains;

    /// <summary>Another run on the same silo (e.g. a pilot's counterfactual); it does not own the silo.</summary>
    public OrleansEngine NewRun(string? runId = null) => new(_grains, runId, _local);

    /// <summary>Starts a silo in this process on loopback (localhost clustering) and an engine that uses it.</summary>
    public static async Task<OrleansEngine> StartInProcessAsync(string? runId = null)
    {
        var host = new HostBuilder()
            .UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort()).AddNoSimulationStorage()
                .ConfigureServices(services => services.AddSingleton<LocalDays>())
                .Configure<Orleans.Configuration.GrainDirectoryOptions>(o => o.CachingStrategy = Orleans.Configuration.GrainDirectoryOptions.CachingStrategyType.None))
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error))
            .Build();
        await host.StartAsync();
        return new OrleansEngine(host, runId);
    }

    static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async Task StartAsync(Scenario scenario, Roster roster)
    {
        _simulation = _grains.GetGrain<ISimulationGrain>(_run);
        _roster = roster;
        await _simulation.Initialize(new SimulationSetup(scenario, roster));
    }

    public async Task<DayResult> RunDayAsync(int day)
    {
        var simulation = _simulation ?? throw new InvalidOperationException("StartAsync first");
        if (_local is null) return _buffers.Keep(await simulation.RunDay(day));
        var buffers = _buffers.Lend();
        _local.Lend(_run, day, buffers, _roster!);
        try
        {
            return _buffers.Adopt(await simulation.RunDay(day), buffers);
        }
        catch
        {
            buffers.Release();
            throw;
        }
        finally
        {
            _local.Close(_run);
        }
    }

    /// <summary>Stops an owned silo; another run on a silo that lives on ends its grains now (<see cref="RunGrains"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ownedHost is null)
        {
            if (_simulation is not null) await _simulation.End();
            return;
        }
        await _ownedHost.StopAsync();
        _ownedHost.Dispose();
    }
}
