using SoftSkills.Data.Schema;

namespace SoftSkills.Analysis.Coaching;

/// <summary>A KPI's value in one week; null when there was no data or the group was suppressed.</summary>
public readonly record struct WeekValue(DateOnly Week, double? Value);

/// <summary>A rule that fired, in the week it fired.</summary>
public sealed record FiredTrigger(TriggerRule Rule, DateOnly Week);

/// <summary>One team's KPI series with its baseline and target per KPI.</summary>
public sealed record TeamSeries(
    string Team,
    IReadOnlyDictionary<Kpi, IReadOnlyList<WeekValue>> Weekly,
    IReadOnlyDictionary<Kpi, double?> Baseline,
    IReadOnlyDictionary<Kpi, double?> Target);

/// <summary>How much a team needs coaching now, the KPI that drives it, and the rules that fired.</summary>
public sealed record CoachingNeed(string Team, double Score, Kpi DrivingKpi, IReadOnlyList<FiredTrigger> Fired, IReadOnlyDictionary<Kpi, double?> Current);

/// <summary>Evaluates trigger rules on weekly KPI series and ranks teams by their need for coaching. Pure functions.</summary>
public static class Triggers
{
    /// <summary>Whether <paramref name="rule"/> fires at week index <paramref name="at"/> of the series (a week with no data never fires).</summary>
    public static bool FiresAt(TriggerRule rule, IReadOnlyList<WeekValue> series, int at, double? baseline, double? target)
    {
        if (at < 0 || at >= series.Count) return false;
        bool All(Func<double, bool> test)
        {
            if (at - rule.Weeks + 1 < 0) return false;
            for (var i = at - rule.Weeks + 1; i <= at; i++)
                if (series[i].Value is not { } v || !test(v)) return false;
            return true;
        }
        return rule.Kind switch
        {
            TriggerKind.BelowTarget => target is { } t && All(v => v < t),
            TriggerKind.BelowBaseline => baseline is { } b && All(v => v <= b - rule.Points),
            TriggerKind.BelowValue => All(v => v < rule.Value),
            _ => at - rule.Weeks >= 0 && series[at].Value is { } now && series[at - rule.Weeks].Value is { } then && now - then <= -rule.Points,
        };
    }

    /// <summary>The rules that fire in the latest week of a team's series.</summary>
    public static IReadOnlyList<FiredTrigger> Evaluate(TriggerRules rules, TeamSeries team)
    {
        var fired = new List<FiredTrigger>();
        foreach (var rule in rules.Rules)
        {
            if (!team.Weekly.TryGetValue(rule.Kpi, out var series) || series.Count == 0) continue;
            if (FiresAt(rule, series, series.Count - 1, team.Baseline.GetValueOrDefault(rule.Kpi), team.Target.GetValueOrDefault(rule.Kpi)))
                fired.Add(new FiredTrigger(rule, series[^1].Week));
        }
        return fired;
    }

    /// <summary>
    /// Ranks teams: score = Σ weight of the rules that fired + 0.1 × the points by which each KPI's latest value falls short of
    /// its target. The driving KPI is that of the heaviest rule that fired, or else the one furthest below target.
    /// </summary>
    public static IReadOnlyList<CoachingNeed> Rank(TriggerRules rules, IEnumerable<TeamSeries> teams) =>
        teams.Select(team =>
        {
            var fired = Evaluate(rules, team);
            var current = team.Weekly.ToDictionary(kv => kv.Key, kv => kv.Value.LastOrDefault(w => w.Value.HasValue).Value);
            var shortfall = current.ToDictionary(kv => kv.Key, kv => kv.Value is { } v && team.Target.GetValueOrDefault(kv.Key) is { } t ? Math.Max(0, t - v) : 0);
            var score = fired.Sum(f => f.Rule.Weight) + 0.1 * shortfall.Values.Sum();
            var driving = fired.Count > 0
                ? fired.OrderByDescending(f => f.Rule.Weight).First().Rule.Kpi
                : shortfall.OrderByDescending(kv => kv.Value).Select(kv => kv.Key).FirstOrDefault();
            return new CoachingNeed(team.Team, score, driving, fired, current);
        })
        .OrderByDescending(n => n.Score).ThenBy(n => n.Team, StringComparer.Ordinal)
        .ToList();
}
