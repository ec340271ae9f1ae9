using SoftSkills.Data.Calendar;
using SoftSkills.Data.Files;
using SoftSkills.Data.Validation;

namespace SoftSkills.Measurement.Kpis;

/// <summary>KPIs with their baselines and the data-quality counts of the read, after disclosure control.</summary>
public sealed record KpiRun(KpiReport Report, IReadOnlyDictionary<string, KpiBaseline> Baselines, ReadReport Quality, KpiWindow? BaselineWindow)
{
    /// <summary>
    /// Two passes: the KPIs of every grouping in the universe (which also find the data window), then their baselines.
    /// Disclosure control runs over all of them together, so the requested grouping's values are the same whichever
    /// grouping another run prints. With a minimum group size of 1 only the requested grouping is computed.
    /// </summary>
    public static KpiRun Compute(DataFolder folder, KpiOptions options)
    {
        var employees = folder.Employees();
        var levels = ItemLevels.FromRatings(folder.Ratings());
        var universe = GroupingUniverse.Of(employees, folder.AttributeColumns(), options.MinGroupSize);
        var requested = universe.For(options.GroupBy);
        var groupings = options.MinGroupSize > 1 ? universe.Groupings.Union([requested]).ToList() : [requested];
        var target = groupings.IndexOf(requested);

        var reports = KpiCalculator.ComputeMany(folder, levels, groupings.Select(g => (g, options with { GroupBy = g.GroupBy })).ToList());
        var first = reports[target].FirstDay;
        var last = reports[target].LastDay;
        var window = first is { } f && last is { } l ? Baseline(options, f, l) : null;
        var publication = new Publication(options.MinGroupSize);
        var main = reports.Select(r => publication.Add(r)).ToArray();
        Nest(publication, groupings, main);
        int[] baseline = [], rest = [];
        if (window is not null)
        {
            var jobs = groupings.Select(g => (g, options with { GroupBy = g.GroupBy, Period = PeriodKind.Window, From = window.From, To = window.To })).ToList();
            if (window.RestFrom is { } rf) jobs.AddRange(groupings.Select(g => (g, options with { GroupBy = g.GroupBy, Period = PeriodKind.Window, From = rf, To = last })));
            var extra = KpiCalculator.ComputeMany(folder, levels, jobs);
            baseline = extra.Take(groupings.Count).Select(r => publication.Add(r)).ToArray();
            rest = extra.Skip(groupings.Count).Select(r => publication.Add(r, published: false)).ToArray();
            Nest(publication, groupings, baseline);
            Nest(publication, groupings, rest);
            for (var g = 0; g < groupings.Count; g++)
            {
                // The window is its baseline and the rest; a baseline of whole periods is the sum of those periods.
                if (options.Period == PeriodKind.Window) { if (rest.Length > 0) publication.Sum(main[g], baseline[g], rest[g]); }
                else publication.Sum(baseline[g], main[g]);
            }
        }
        var published = publication.Apply();
        var baselines = window is null ? new Dictionary<string, KpiBaseline>()
            : published[baseline[target]].Rows.Select(r => Kpis.Baselines.Of(r, options.TargetUplift)).ToDictionary(b => b.Group);
        return new KpiRun(published[main[target]], baselines, folder.TotalReport(), window);
    }

    static void Nest(Publication publication, IReadOnlyList<Grouping> groupings, int[] reports)
    {
        if (reports.Length < 2) return;
        foreach (var (parent, child) in GroupingUniverse.Nesting(groupings)) publication.Nest(reports[parent], reports[child]);
    }

    /// <summary>
    /// The baseline window: the first <see cref="KpiOptions.BaselineDays"/> days, cut to whole weeks when the KPIs are by
    /// week (the weeks that end within those days), so a baseline is always a sum of the periods shown beside it.
    /// </summary>
    public static KpiWindow? Baseline(KpiOptions options, DateOnly first, DateOnly last)
    {
        var end = first.AddDays(options.BaselineDays - 1);
        if (options.Period == PeriodKind.Week)
        {
            end = IsoWeek.Sunday(end) == end ? end : IsoWeek.Monday(end).AddDays(-1);
            if (end < first) return null; // not one whole week
        }
        if (end > last) end = last;
        return new KpiWindow(first, end, options.Period == PeriodKind.Window && end < last ? end.AddDays(1) : null);
    }
}

/// <summary>A baseline window (inclusive) and, for a window's KPIs, where the rest of the window starts.</summary>
public sealed record KpiWindow(DateOnly From, DateOnly To, DateOnly? RestFrom);
