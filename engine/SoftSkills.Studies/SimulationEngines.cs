using SoftSkills.Simulation.Engines;
using SoftSkills.Simulation.Hosting;

namespace SoftSkills.Studies;

/// <summary>The engine a study runs on: the plain reference loop, an in-process Orleans silo, or a cluster of silos.</summary>
public static class SimulationEngines
{
    /// <summary><c>reference</c> or <c>orleans</c> (an in-process silo).</summary>
    public static async Task<ISimulationEngine> Create(string name) => name switch
    {
        "reference" => new ReferenceEngine(),
        "orleans" => await OrleansEngine.StartInProcessAsync(),
        _ => throw new StudyInputException($"unknown engine '{name}' (expected reference or orleans)"),
    };

    /// <summary>A client of a running cluster; an unreachable cluster fails with <see cref="ClusterUnavailableException"/> within the timeout.</summary>
    public static async Task<ISimulationEngine> Connect(ClusterAddress cluster, TextWriter? log = null) =>
        await ClusterEngine.ConnectAsync(cluster, TimeSpan.FromSeconds(30), log);
}
