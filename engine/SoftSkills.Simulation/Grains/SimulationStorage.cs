using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// The grain storage the simulation's grains write at the end of each day. In one process nothing can be lost, so it is a
/// storage that keeps nothing (no cost); on a cluster it is Redis, so a grain whose silo died resumes from its last day.
/// </summary>
public static class SimulationStorage
{
    public const string Name = "simulation";

    /// <summary>Registers the storage that keeps nothing (one process).</summary>
    public static ISiloBuilder AddNoSimulationStorage(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorage>(Name, (_, _) => new NoStorage());
        silo.Services.AddSingleton<NothingToKeep>();
        return silo;
    }

    /// <summary>True when the silo's simulation storage keeps state (a cluster): grains then write their state every day.</summary>
    public static bool Keeps(IServiceProvider services) => services.GetService<NothingToKeep>() is null;

    /// <summary>Registered with the storage that keeps nothing, so grains skip writing to it.</summary>
    sealed class NothingToKeep;

    sealed class NoStorage : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }
}

/// <summary>A grain's persisted day: the last completed day, the state after it, and the state before it (to re-run it).</summary>
[GenerateSerializer, Alias("softskills.day-record")]
public sealed class DayRecord<T> where T : class
{
    [Id(0)] public int Day { get; set; } = -1;
    [Id(1)] public T? After { get; set; }
    [Id(2)] public T? Before { get; set; }
}
