using SoftSkills.Data.Calendar;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;

namespace SoftSkills.Measurement.Kpis;

/// <summary>A pilot's arms for <see cref="PublishedKpis"/>: each employee's arm and the two windows compared.</summary>
public sealed record ArmWindows(Func<Employee, string> ArmOf, DateOnly BaselineFrom, DateOnly BaselineTo, DateOnly PilotFrom, DateOnly PilotTo);

/// <summary>
/// Every KPI value one output of a data folder may show (the coaching dashboard, a pilot's summary), computed in one read
/// of the events and put through disclosure control together: the organisation and each team by ISO week, over the whole
/// window and over the baseline (the weeks that end within the first baseline days); every grouping of the universe over
/// the whole window (segments); and, for a pilot, its arms over the weeks before it and the weeks from its start.
/// The sums that tie them together (weeks add up to windows, teams to the organisation, segments to teams) are declared,
/// so no withheld value can be had by subtraction.
/// </summary>
public sealed record PublishedKpis(
    DateOnly FirstDay, DateOnly LastDay, KpiWindow? Baseline, int MinGroupSize,
    KpiReport OrganisationWeeks, KpiReport TeamWeeks, KpiReport Organisation, KpiReport Teams,
    IReadOnlyDictionary<string, KpiReport> Groupings, KpiReport? OrganisationBaseline, KpiReport? TeamBaselines,
    KpiReport? ArmBaseline, KpiReport? ArmPilot, GroupingUniverse Universe, ItemLevels Levels, ReadReport Quality)
{
    public static PublishedKpis Compute(DataFolder folder, KpiOptions options, ArmWindows? arms = null)
    {
        var employees = folder.Employees();
        var levels = ItemLevels.FromRatings(folder.Ratings());
        var (first, last) = folder.EventDays() ?? throw new DataValidationException(
            new RowLocation(folder.FileOf("events") ?? "events", 0, 0, "timestamp"), "the data folder has no events");
        var universe = GroupingUniverse.Of(employees, folder.AttributeColumns(), options.MinGroupSize);
        var org = universe.Groupings[0];
        var team = universe.Groupings[1];
        var baseline = KpiRun.Baseline(options with { Period = PeriodKind.Week }, first, last);
        var window = options with { Period = PeriodKind.Window, From = first, To = last };

        var jobs = new List<(Grouping, KpiOptions)>
        {
            (org, options with { GroupBy = org.GroupBy, Period = PeriodKind.Week, From = first, To = last }),
            (team, options with { GroupBy = team.GroupBy, Period = PeriodKind.Week, From = first, To = last }),
        };
        var universeStart = jobs.Count;
        jobs.AddRange(universe.Groupings.Select(g => (g, window with { GroupBy = g.GroupBy })));
        var baselineStart = jobs.Count;
        if (baseline is not null)
            foreach (var g in new[] { org, team }) jobs.Add((g, window with { GroupBy = g.GroupBy, From = baseline.From, To = baseline.To }));
        var armStart = jobs.Count;
        Grouping? armGrouping = null;
        if (arms is not null)
        {
            armGrouping = new Grouping(employees, "arm", arms.ArmOf);
            foreach (var (from, to) in new[] { (arms.BaselineFrom, arms.BaselineTo), (arms.PilotFrom, arms.PilotTo) })
            {
                jobs.Add((armGrouping, window with { GroupBy = "arm", From = from, To = to }));
                jobs.Add((team, window with { GroupBy = team.GroupBy, From = from, To = to }));
            }
        }
        var reports = KpiCalculator.ComputeMany(folder, levels, jobs);

        var publication = new Publication(options.MinGroupSize);
        var index = reports.Select((r, i) => publication.Add(r, published: !(arms is not null && i >= armStart && (i - armStart) % 2 == 1))).ToArray();
        publication.Nest(index[0], index[1]); // the organisation's week is its teams' weeks
        var universeIndex = index[universeStart..baselineStart];
        foreach (var (parent, child) in GroupingUniverse.Nesting(universe.Groupings)) publication.Nest(universeIndex[parent], universeIndex[child]);
        publication.Sum(universeIndex[0], index[0]); // the window is its weeks
        publication.Sum(universeIndex[1], index[1]);
        if (baseline is not null)
        {
            publication.Nest(index[baselineStart], index[baselineStart + 1]);
            publication.Sum(index[baselineStart], index[0]);
            publication.Sum(index[baselineStart + 1], index[1]);
        }
        if (arms is not null)
            for (var period = 0; period < 2; period++)
            {
                var (arm, teams) = (index[armStart + 2 * period], index[armStart + 2 * period + 1]);
                publication.Nest(arm, teams);       // an arm is its teams
                publication.Sum(teams, index[1]);   // a team's period is its weeks
            }
        var published = publication.Apply();
        return new PublishedKpis(first, last, baseline, options.MinGroupSize,
            published[0], published[1], published[universeStart], published[universeStart + 1],
            universe.Groupings.Select((g, i) => (g.GroupBy, published[universeStart + i])).ToDictionary(x => x.GroupBy, x => x.Item2),
            baseline is null ? null : published[baselineStart], baseline is null ? null : published[baselineStart + 1],
            arms is null ? null : published[armStart], arms is null ? null : published[armStart + 2],
            universe, levels, folder.TotalReport());
    }

    /// <summary>The weeks from the first to the last day: Mondays, with the days each covers and whether all five working days are in the data.</summary>
    public IReadOnlyList<WeekSpan> Weeks()
    {
        var weeks = new List<WeekSpan>();
        for (var monday = IsoWeek.Monday(FirstDay); monday <= LastDay; monday = monday.AddDays(7))
        {
            var from = monday < FirstDay ? FirstDay : monday;
            var to = monday.AddDays(6) > LastDay ? LastDay : monday.AddDays(6);
            weeks.Add(new WeekSpan(monday, from, to, FirstDay <= monday && LastDay >= monday.AddDays(4)));
        }
        return weeks;
    }
}

/// <summary>An ISO week of the data: its Monday, the first and last day of data it covers, and whether it is complete.</summary>
public sealed record WeekSpan(DateOnly Monday, DateOnly From, DateOnly To, bool Complete);
