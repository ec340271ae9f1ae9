using SoftSkills.Data.Calendar;
using SoftSkills.Analysis.Reliability;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Analysis.Validity;

/// <summary>One rated reply: its writer's group, the auto-coder's level, the human median level and the writer's true empathy.</summary>
public sealed record RatedReply(string ItemId, string EmployeeId, string? FirstLanguage, int AutoLevel, int HumanLevel, double? TrueEmpathy);

/// <summary>
/// Assembles the inputs of the validation and bias analyses from a data folder (the statistics themselves stay pure):
/// the human raters' items × raters matrix, replies rated by both the auto-coder and humans, per-employee KPIs beside the
/// manager's ratings, and team-week KPIs beside customer outcomes.
/// </summary>
public static class ValidationInputs
{
    /// <summary>Overall ratings of one KPI by the chosen raters as an items × raters matrix (NaN where a rater did not rate an item).</summary>
    public static double[,] HumanRatings(IEnumerable<Rating> ratings, Kpi kpi = Kpi.Res, params RaterKind[] kinds)
    {
        kinds = kinds.Length == 0 ? [RaterKind.Human] : kinds;
        return RatingMatrix.FromLongForm(ratings.Where(r => r.Kpi == kpi && kinds.Contains(r.RaterKind) && string.IsNullOrEmpty(r.Indicator))
            .Select(r => (r.ItemId, r.RaterId, (double)r.Score))).Matrix;
    }

    /// <summary>Replies rated by the auto-coder and by humans (median, the lower one for an even count), with the writer's cohort and true empathy that day.</summary>
    public static List<RatedReply> RatedReplies(DataFolder folder)
    {
        var levels = ItemLevels.FromRatings(folder.Ratings());
        var both = levels.BothRated().ToDictionary(b => b.Item, b => (b.Human, b.Auto), StringComparer.Ordinal);
        var language = folder.Employees().ToDictionary(e => e.EmployeeId, e => e.Attribute("attr_first_language"));
        var first = folder.FileOf("truth") is null ? (DateOnly?)null : folder.EventDays()?.First;
        var truth = folder.Truth().ToDictionary(t => (t.EmployeeId, t.Day), t => t.Empathy);
        var replies = new List<RatedReply>();
        foreach (var e in folder.Events())
        {
            if (e.Kind != EventKind.Reply || e.ActorId is null || !both.TryGetValue(e.EventId, out var level)) continue;
            double? empathy = first is { } f && truth.TryGetValue((e.ActorId, DateOnly.FromDateTime(e.Timestamp).DayNumber - f.DayNumber), out var t) ? t : null;
            replies.Add(new RatedReply(e.EventId, e.ActorId, language.GetValueOrDefault(e.ActorId), level.Auto, level.Human, empathy));
        }
        return replies;
    }

    /// <summary>Per employee over the whole window: the behaviour-based KPIs and the mean of the manager's ratings of each KPI.</summary>
    public static (List<string> Employees, Dictionary<TraitMethod, double[]> Measures) EmployeeMeasures(DataFolder folder)
    {
        var rows = KpiCalculator.Compute(folder.Employees(), folder.Events(), ItemLevels.FromRatings(folder.Ratings()),
            new KpiOptions { GroupBy = "employee", MinGroupSize = 1 }).Rows.ToDictionary(r => r.Group);
        var manager = folder.Outcomes().Where(o => o.SubjectKind == SubjectKind.Employee && o.Metric.StartsWith("manager_rating_", StringComparison.Ordinal))
            .GroupBy(o => (o.SubjectId, o.Metric)).ToDictionary(g => g.Key, g => g.Average(o => o.Value));
        var employees = rows.Keys.Where(id => manager.ContainsKey((id, "manager_rating_res"))).Order(StringComparer.Ordinal).ToList();
        var measures = new Dictionary<TraitMethod, double[]>();
        foreach (var kpi in KpiNames.All)
        {
            var key = EnumNames.Of(kpi);
            measures[new TraitMethod(key, "behaviour")] = employees.Select(id => rows[id].Value(kpi) ?? double.NaN).ToArray();
            measures[new TraitMethod(key, "manager")] = employees.Select(id => manager.GetValueOrDefault((id, $"manager_rating_{key}"), double.NaN)).ToArray();
        }
        return (employees, measures);
    }

    /// <summary>The KPIs of every team-week (one read of the events), for <see cref="TeamWeeks(IReadOnlyList{KpiRow}, IEnumerable{Outcome}, Kpi, string)"/>.</summary>
    public static IReadOnlyList<KpiRow> TeamWeekKpis(DataFolder folder, int minGroupSize = 5) =>
        KpiCalculator.Compute(folder.Employees(), folder.Events(), ItemLevels.FromRatings(folder.Ratings()),
            new KpiOptions { GroupBy = "team", Period = PeriodKind.Week, MinGroupSize = minGroupSize }).Rows;

    /// <summary>Team-weeks with both a KPI value and a customer outcome (nps, csat) reported that week, with each pair's team.</summary>
    public static (double[] Kpi, double[] Outcome, string[] Team) TeamWeeks(IReadOnlyList<KpiRow> teamWeeks, IEnumerable<Outcome> outcomes, Kpi kpi, string metric)
    {
        var weeks = teamWeeks.Where(r => !r.Suppressed && r.Value(kpi).HasValue).ToDictionary(r => (r.Group, r.PeriodStart));
        var pairs = outcomes.Where(o => o.SubjectKind == SubjectKind.Team && o.Metric == metric)
            .Select(o => (Row: weeks.GetValueOrDefault((o.SubjectId, IsoWeek.Monday(o.Date))), o.Value, Team: o.SubjectId))
            .Where(p => p.Row is not null).ToList();
        return (pairs.Select(p => p.Row!.Value(kpi)!.Value).ToArray(), pairs.Select(p => p.Value).ToArray(), pairs.Select(p => p.Team).ToArray());
    }

    /// <summary>Team-weeks with both a KPI value and a customer outcome, from a data folder (reads its events once).</summary>
    public static (double[] Kpi, double[] Outcome, string[] Team) TeamWeeks(DataFolder folder, Kpi kpi, string metric, int minGroupSize = 5) =>
        TeamWeeks(TeamWeekKpis(folder, minGroupSize), folder.Outcomes().ToList(), kpi, metric);
}
