using System.Globalization;
using SoftSkills.Analysis.Coaching;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Reporting.Dashboard;

/// <summary>Settings of the dashboard: the floor of observations below which a value is shown but not ranked, and the target uplift.</summary>
public sealed record DashboardOptions(int MinObservations = 10, double TargetUplift = 5);

/// <summary>
/// Builds the dashboard's model from the published KPIs of a data folder (one read of its events, shared with a pilot's
/// analysis) and, for a pilot, its report. "Current" is the latest complete week (all five working days in the data);
/// the ranking and the triggers look only at complete weeks and at values resting on at least
/// <see cref="DashboardOptions.MinObservations"/> observations.
/// </summary>
public static class DashboardBuilder
{
    public const string ScoreExplanation =
        "Score = the weights of the trigger rules that fired in the latest complete week, plus 0.1 for each point a KPI falls short of its target, summed over the four KPIs. Higher means more need for coaching; 0 means every KPI is at or above target and no rule fired.";

    public static DashboardModel Build(PublishedKpis published, TriggerRules rules, DashboardOptions? options = null, PilotReport? pilot = null)
    {
        options ??= new DashboardOptions();
        var weeks = published.Weeks();
        var current = weeks.LastOrDefault(w => w.Complete);
        var k = published.MinGroupSize;
        var orgBaseline = published.OrganisationBaseline?.Rows.SingleOrDefault();
        var teamBaselines = published.TeamBaselines?.Rows.ToDictionary(r => r.Group) ?? [];
        var teamWindows = published.Teams.Rows.ToDictionary(r => r.Group);
        var teamWeeks = published.TeamWeeks.Rows.ToLookup(r => r.Group);

        GroupView Group(string name, IEnumerable<KpiRow> weekly, KpiRow? window, KpiRow? baseline, bool withDetails)
        {
            var suppressed = window is null || window.Suppressed;
            if (suppressed) return new GroupView(name, null, true, null, null, null, null);
            var byWeek = weekly.ToDictionary(r => r.PeriodStart);
            var kpis = KpiNames.All.ToDictionary(EnumNames.Of, kpi =>
            {
                var series = weeks.Select(w => byWeek.TryGetValue(w.Monday, out var r) ? CellOf(r, kpi, k, options.MinObservations) : new Cell(null, null, null, "no data")).ToList();
                var currentCell = current is null ? new Cell(null, null, null, "no complete week in the data") : series[weeks.ToList().IndexOf(current)];
                var baselineCell = baseline is null ? new Cell(null, null, null, "no whole week in the baseline") : CellOf(baseline, kpi, k, 0);
                var target = baselineCell.Value is { } b ? Math.Min(100, b + options.TargetUplift) : (double?)null;
                return new KpiView(currentCell, series, CellOf(window!, kpi, k, 0), baselineCell, target);
            });
            if (!withDetails) return new GroupView(name, window!.Employees, false, kpis, null, null, null);
            // Segments smaller than the minimum are left out without their label (a label can identify someone in a small team).
            var segments = new Dictionary<string, IReadOnlyList<SegmentView>>();
            var hidden = new List<string>();
            foreach (var column in published.Universe.SegmentColumns)
            {
                var rows = published.Groupings["team+" + column].Rows.Where(r => GroupingUniverse.TeamOf(r.Group) == name).ToList();
                if (rows.Any(r => r.Suppressed)) hidden.Add(column);
                segments[column] = rows.Where(r => !r.Suppressed).OrderBy(r => GroupingUniverse.SegmentValue(r.Group), StringComparer.Ordinal)
                    .Select(r => new SegmentView(GroupingUniverse.SegmentValue(r.Group), r.Employees, false, KpiNames.All.ToDictionary(EnumNames.Of, kpi => CellOf(r, kpi, k, 0))))
                    .ToList();
            }
            return new GroupView(name, window!.Employees, false, kpis, Shares(window!.DqrByType, k), Shares(window.ResByChannel, k), segments, hidden);
        }

        var orgRow = published.Organisation.Rows.SingleOrDefault();
        var organisation = Group("organisation", published.OrganisationWeeks.Rows, orgRow, orgBaseline, withDetails: false);
        var teams = published.Teams.Rows.Select(r => r.Group).Concat(published.TeamWeeks.Rows.Select(r => r.Group)).Distinct().Order(StringComparer.Ordinal)
            .Select(t => Group(t, teamWeeks[t], teamWindows.GetValueOrDefault(t), teamBaselines.GetValueOrDefault(t), withDetails: true)).ToList();

        var (ranking, notRanked) = Rank(rules, teams, weeks, current, options);
        return new DashboardModel(
            Day(published.FirstDay), Day(published.LastDay), k, options.MinObservations,
            weeks.Select(Week).ToList(), current is null ? null : Week(current),
            published.Baseline is { } bw ? new BaselineInfo(Day(bw.From), Day(bw.To), bw.To.DayNumber - bw.From.DayNumber + 1) : null,
            KpiNames.All.Select(kpi => new KpiInfo(EnumNames.Of(kpi), KpiNames.Title(kpi), KpiNames.Unit(kpi), KpiNames.CountNoun(kpi), Caveat(kpi))).ToList(),
            organisation, teams, ranking, notRanked, ScoreExplanation, published.Universe.SegmentColumns,
            Quality(published, orgRow), pilot is null ? null : Pilot(pilot, published), rules.Version);
    }

    static WeekInfo Week(WeekSpan w) => new(Day(w.Monday), Day(w.From), Day(w.To), w.Complete);

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>RES is scored from linguistic markers: a rise can come from stock phrases rather than more empathy.</summary>
    public static string? Caveat(Kpi kpi) => kpi == Kpi.Res
        ? "Scored from empathy markers (and human ratings where present): a rise can come from stock phrases rather than more empathy, especially under real-time feedback that rewards the markers."
        : null;

    /// <summary>A row's value of a KPI with its n and people, or the reason it is absent; thin when n is below the floor.</summary>
    public static Cell CellOf(KpiRow row, Kpi kpi, int minimum, int floor)
    {
        if (row.WithheldReason(kpi, minimum) is { } why) return new Cell(null, null, null, why);
        if (row.Value(kpi) is not { } v) return new Cell(null, row.N(kpi), row.People(kpi), "no data");
        var n = row.N(kpi);
        var thin = n < floor;
        return new Cell(v, n, row.People(kpi), thin ? $"rests on {n} {KpiNames.CountNoun(kpi)}, fewer than {floor}: shown, not ranked" : null, thin);
    }

    static IReadOnlyDictionary<string, Cell>? Shares(IReadOnlyDictionary<string, Share>? shares, int minimum) =>
        shares?.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value.Withheld is { } why
            ? new Cell(null, null, null, why)
            : new Cell(s.Value.Percent, s.Value.Denominator, s.Value.People, null));

    /// <summary>Teams ranked on complete weeks and values above the floor; the others listed with the reason.</summary>
    static (List<RankEntry>, List<NotRanked>) Rank(TriggerRules rules, IReadOnlyList<GroupView> teams, IReadOnlyList<WeekSpan> weeks, WeekSpan? current, DashboardOptions options)
    {
        var notRanked = new List<NotRanked>();
        var series = new List<TeamSeries>();
        var complete = weeks.Select((w, i) => (w, i)).Where(x => x.w.Complete && (current is null || x.w.Monday <= current.Monday)).ToList();
        foreach (var t in teams)
        {
            if (t.Suppressed || t.Kpis is null) { notRanked.Add(new NotRanked(t.Name, $"fewer than the minimum number of people took part")); continue; }
            if (current is null) { notRanked.Add(new NotRanked(t.Name, "the data hold no complete week")); continue; }
            var usable = KpiNames.All.Where(kpi => t.Kpis[EnumNames.Of(kpi)].Current is { Value: not null, Thin: false }).ToList();
            if (usable.Count == 0)
            {
                notRanked.Add(new NotRanked(t.Name, $"no KPI of the week of {current.Monday:yyyy-MM-dd} rests on {options.MinObservations} or more observations from enough people"));
                continue;
            }
            series.Add(new TeamSeries(t.Name,
                KpiNames.All.ToDictionary(kpi => kpi, kpi => (IReadOnlyList<WeekValue>)complete.Select(x =>
                {
                    var c = t.Kpis[EnumNames.Of(kpi)].Series[x.i];
                    return new WeekValue(x.w.Monday, c.Thin ? null : c.Value);
                }).ToList()),
                KpiNames.All.ToDictionary(kpi => kpi, kpi => t.Kpis[EnumNames.Of(kpi)].Baseline.Value),
                KpiNames.All.ToDictionary(kpi => kpi, kpi => t.Kpis[EnumNames.Of(kpi)].Target)));
        }
        var ranking = Triggers.Rank(rules, series).Select(n => new RankEntry(n.Team, n.Score, EnumNames.Of(n.DrivingKpi),
            n.Fired.Select(f => f.Rule.Message).ToList(), Day(current!.Monday),
            teams.Single(t => t.Name == n.Team).Kpis!.ToDictionary(kv => kv.Key, kv => kv.Value.Current))).ToList();
        return (ranking, notRanked);
    }

    /// <summary>Rows read and rejected, replies with text, the share humans rated, the auto-coder's precision against humans and its coverage.</summary>
    static QualityView Quality(PublishedKpis published, KpiRow? org)
    {
        var replies = org is null || org.ResN is null ? (int?)null : org.ResN + (org.ResUnrated ?? 0);
        int tp = 0, fp = 0;
        foreach (var (_, human, auto) in published.Levels.BothRated())
        {
            if (auto < 2) continue;
            if (human >= 2) tp++; else fp++;
        }
        return new QualityView(published.Quality.RowsRead, published.Quality.RowsRejected, replies ?? 0,
            replies > 0 ? (double)published.Levels.HumanRated / replies : null,
            tp + fp > 0 ? (double)tp / (tp + fp) : null, tp + fp,
            replies > 0 ? (double)published.Levels.AutoRated / replies : null);
    }

    static PilotView Pilot(PilotReport report, PublishedKpis published)
    {
        var d = report.Design;
        var k = published.MinGroupSize;
        var arms = report.Arms.Select(a => new ArmView(a.Arm, a.Period,
            Day(a.Period == "baseline" ? d.FirstDay : d.FirstPilotWeek), Day(a.Period == "baseline" ? d.BaselineEnd : published.LastDay),
            KpiNames.All.ToDictionary(EnumNames.Of, kpi => CellOf(a.Row, kpi, k, 0)))).ToList();
        var effects = report.Effects.Select(e => new EffectView(EnumNames.Of(e.Kpi), e.Did?.Estimate, e.Did?.Lower, e.Did?.Upper, e.Did?.P, e.HolmP,
            e.Randomisation?.P, e.Randomisation?.SmallestP, e.Detected, e.TrueEffect, e.NotEstimable, Caveat(e.Kpi))).ToList();
        var smallest = report.Effects.Select(e => e.Randomisation?.SmallestP).FirstOrDefault(p => p is not null);
        var alpha = 1 - report.Level;
        var note = smallest is { } s && s >= alpha
            ? $"With {d.TreatmentTeams.Count} treated and {d.ControlTeams.Count} control teams, a randomisation test can never give p below {s:0.###}: no effect can be shown at the {100 * alpha:0.#}% level by comparing team assignments. The intervals lean on the regression's assumptions; more teams are needed for a firm answer."
            : null;
        return new PilotView(Day(d.PilotStart), Day(d.BaselineEnd), Day(d.FirstPilotWeek), d.TreatmentTeams, d.ControlTeams, arms, effects,
            report.Options.Method, report.Level, note);
    }
}
