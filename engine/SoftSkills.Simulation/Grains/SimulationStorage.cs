using Microsoft.Extensions.DependencyInjection;

namespace SoftSkills.Simulation.Grains;

/// <summary>
/// The grain storage the simulation's grains write at the end of each day. On a cluster it is Redis, so a grain whose silo
/// died resumes from its last day. In one process nothing can be lost, so there is none: grains keep their day in memory
/// and carry no storage facet, which also spares each activation the facet's lifecycle step and its read.
/// </summary>
public static class SimulationStorage
{
    public const string Name = "simulation";

    /// <summary>Marks a silo whose grains keep nothing (one process).</summary>
    public static ISiloBuilder AddNoSimulationStorage(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<NothingToKeep>();
        return silo;
    }

    /// <summary>A grain's stored day (written every day) on a silo with the storage; null on one that keeps nothing.</summary>
    public static IPersistentState<DayRecord<T>>? Stored<T>(IServiceProvider services, IGrainContext grain, string stateName) where T : class =>
        services.GetService<NothingToKeep>() is null
            ? services.GetRequiredService<IPersistentStateFactory>().Create<DayRecord<T>>(grain, new PersistentStateAttribute(stateName, Name))
            : null;

    /// <summary>Registered on a silo that keeps nothing, so grains create no storage facet.</summary>
    sealed class NothingToKeep;
}

/// <summary>A grain's persisted day: the last completed day, the state after it, and the state before it (to re-run it).</summary>
[GenerateSerializer, Alias("softskills.day-record")]
public sealed class DayRecord<T> where T : class
{
    [Id(0)] public int Day { get; set; } = -1;
    [Id(1)] public T? After { get; set; }
    [Id(2)] public T? Before { get; set; }
}
