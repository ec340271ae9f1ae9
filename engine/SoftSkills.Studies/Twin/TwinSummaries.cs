using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Studies.Twin;

/// <summary>
/// What the twin is fitted to (docs/design.md §7, twin): per team the four KPIs over the whole baseline, and per event
/// kind the events per employee and day across the organisation. Never the truth table.
/// </summary>
public static class TwinSummaries
{
    static readonly EventKind[] Kinds = Enum.GetValues<EventKind>();
    static readonly string[] KpiNames = ["res", "ci", "dqr", "hsr"];

    public static string[] Names(IReadOnlyList<string> teams) =>
        [.. teams.SelectMany(t => KpiNames.Select(k => $"{t}.{k}")), .. Kinds.Select(k => "rate." + EnumNames.Of(k))];

    /// <summary>The summaries of an event log (in time order) with its employees and rated items, over <paramref name="days"/> days.</summary>
    public static double[] Of(IReadOnlyList<Employee> employees, IEnumerable<Event> events, ItemLevels levels, IReadOnlyList<string> teams, int days)
    {
        var counts = new long[Kinds.Length];
        IEnumerable<Event> Counted()
        {
            foreach (var e in events) { counts[(int)e.Kind]++; yield return e; }
        }
        var report = KpiCalculator.Compute(employees, Counted(), levels, new KpiOptions { GroupBy = "team", Period = PeriodKind.Window, MinGroupSize = 1 });
        var byTeam = report.Rows.ToDictionary(r => r.Group, StringComparer.Ordinal);
        var values = new List<double>();
        foreach (var t in teams)
        {
            var row = byTeam.GetValueOrDefault(t);
            values.Add(row?.Res ?? double.NaN);
            values.Add(row?.Ci ?? double.NaN);
            values.Add(row?.Dqr ?? double.NaN);
            values.Add(row?.Hsr ?? double.NaN);
        }
        var personDays = Math.Max(1.0, employees.Count * (double)days);
        values.AddRange(counts.Select(c => c / personDays));
        return [.. values];
    }
}
