using System.Runtime.CompilerServices;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Model;

/// <summary>What the model derives from a scenario's workload once instead of every employee-day (kept beside the immutable records, not in them).</summary>
static class WorkloadTables
{
    static readonly ConditionalWeakTable<Workload, KeyValuePair<string, double>[]> Channels = new();
    static readonly ConditionalWeakTable<HandoffRoute, string> HandoffTexts = new();

    /// <summary>Customer request rates by channel in ordinal order of the channel name (the order of the draws).</summary>
    public static KeyValuePair<string, double>[] CustomerChannels(Workload w) =>
        Channels.GetValue(w, x => [.. x.CustomerRequestsPerDay.OrderBy(c => c.Key, StringComparer.Ordinal)]);

    /// <summary>The text of a handoff event on a route.</summary>
    public static string HandingOver(HandoffRoute r) => HandoffTexts.GetValue(r, x => $"Handing over to {x.To}");
}
