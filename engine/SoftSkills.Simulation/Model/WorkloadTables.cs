using System.Runtime.CompilerServices;
using SoftSkills.Simulation.Scenarios;

namespace SoftSkills.Simulation.Model;

/// <summary>What the model derives from a scenario's workload once instead of every employee-day (kept beside the immutable records, not in them).</summary>
static class WorkloadTables
{
    static readonly ConditionalWeakTable<Workload, KeyValuePair<string, double>[]> Channels = new();
    static readonly ConditionalWeakTable<HandoffRoute, string> HandoffTexts = new();
    static readonly ConditionalWeakTable<Roster, RouteTable> Routes = new();

    /// <summary>Customer request rates by channel in ordinal order of the channel name (the order of the draws).</summary>
    public static KeyValuePair<string, double>[] CustomerChannels(Workload w) =>
        Channels.GetValue(w, x => [.. x.CustomerRequestsPerDay.OrderBy(c => c.Key, StringComparer.Ordinal)]);

    /// <summary>The text of a handoff event on a route.</summary>
    public static string HandingOver(HandoffRoute r) => HandoffTexts.GetValue(r, x => $"Handing over to {x.To}");

    /// <summary>
    /// The handoff routes from a team, in the workload's order, with the index of the receiving team (−1 if it has none):
    /// a rescaled organisation has a route per team copy, so scanning them all every employee-day grew with the teams.
    /// </summary>
    public static Route[] HandoffsFrom(Workload w, Roster roster, int team) => Routes.GetValue(roster, _ => new RouteTable()).For(w, roster)[team];

    public readonly record struct Route(HandoffRoute Spec, int Target, string Text);

    sealed class RouteTable
    {
        sealed record Table(Workload Workload, Route[][] ByTeam);

        volatile Table? _table; // replaced whole, so threads see an old table or a new one, never a mix

        public Route[][] For(Workload w, Roster roster)
        {
            if (_table is { } t && ReferenceEquals(t.Workload, w)) return t.ByTeam;
            var byTeam = new List<Route>[roster.TeamNames.Length];
            var index = roster.TeamNames.Select((name, i) => (name, i)).GroupBy(x => x.name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            foreach (var route in w.HandoffRoutes)
                if (index.TryGetValue(route.From, out var from))
                    (byTeam[from] ??= []).Add(new Route(route, index.GetValueOrDefault(route.To, -1), HandingOver(route)));
            var table = byTeam.Select(l => l?.ToArray() ?? []).ToArray();
            _table = new Table(w, table);
            return table;
        }
    }
}
