using SoftSkills.Data.Calendar;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Data.Validation;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Analysis.Pilot;

/// <summary>A pilot's design as its data folder records it: treatment and control teams, and the day the pilot started and ended.</summary>
public sealed record PilotDesign(IReadOnlyList<string> TreatmentTeams, IReadOnlyList<string> ControlTeams, DateOnly FirstDay, DateOnly PilotStart, DateOnly LastDay)
{
    /// <summary>Reads the design from the <c>interventions</c> table (team arms, start and end) and the data's first day.</summary>
    public static PilotDesign From(DataFolder folder, DateOnly firstDay)
    {
        var rows = folder.Interventions().Where(i => i.SubjectKind == SubjectKind.Team).ToList();
        var treatment = rows.Where(i => i.Arm == Arm.Treatment).Select(i => i.SubjectId).Distinct().ToList();
        var control = rows.Where(i => i.Arm == Arm.Control).Select(i => i.SubjectId).Distinct().ToList();
        var where = folder.FileOf("interventions") ?? Path.Combine(folder.Path, "interventions.csv");
        if (treatment.Count == 0 || control.Count == 0)
            throw new DataValidationException(new RowLocation(where, 0, 0, "arm"), "the interventions table must name at least one treatment and one control team");
        if (treatment.Intersect(control).FirstOrDefault() is { } both)
            throw new DataValidationException(new RowLocation(where, 0, 0, "arm"), $"team '{both}' is in both arms");
        var teams = folder.Employees().Select(e => e.TeamId).ToHashSet(StringComparer.Ordinal);
        if (treatment.Concat(control).FirstOrDefault(t => !teams.Contains(t)) is { } unknown)
            throw new DataValidationException(new RowLocation(where, 0, 0, "subject_id"), $"team '{unknown}' names no team in employees");
        return new PilotDesign(treatment, control, firstDay, rows.Min(i => i.Start), rows.Max(i => i.End));
    }

    public string ArmOf(string team) => TreatmentTeams.Contains(team) ? "treatment" : ControlTeams.Contains(team) ? "control" : "other";

    /// <summary>The Monday of the first week wholly inside the pilot: weeks before it are baseline, the week the pilot starts in (when not a Monday) is neither.</summary>
    public DateOnly FirstPilotWeek => IsoWeek.Monday(PilotStart) == PilotStart ? PilotStart : IsoWeek.Monday(PilotStart).AddDays(7);

    /// <summary>The first day of the week the pilot starts in: baseline weeks end the day before.</summary>
    public DateOnly BaselineEnd => IsoWeek.Monday(PilotStart).AddDays(-1);

    /// <summary>The arms over the whole weeks before the pilot and the whole weeks from its start (the weeks the effect compares).</summary>
    public ArmWindows Windows(DateOnly lastDay) => new(e => ArmOf(e.TeamId), FirstDay, BaselineEnd, FirstPilotWeek, lastDay);
}

/// <summary>Options of a pilot's analysis: the minimum group size and how each effect's interval is formed.</summary>
public sealed record PilotOptions(int MinGroupSize = 5, DidOptions? Did = null)
{
    public DidOptions DidOptions => Did ?? DidOptions.Default;
}

/// <summary>
/// One KPI's estimated pilot effect: the difference-in-differences (null with a reason when it cannot be estimated), its
/// randomisation test, the Holm-adjusted p over the four KPIs and the verdict it gives, and the true effect where a
/// counterfactual run exists.
/// </summary>
public sealed record KpiEffect(Kpi Kpi, DidResult? Did, double? TrueEffect, PermutationResult? Randomisation = null,
    double? HolmP = null, bool Detected = false, string? NotEstimable = null);

/// <summary>A KPI of one arm in one period (baseline or pilot).</summary>
public sealed record ArmPeriodKpis(string Arm, string Period, KpiRow Row);

/// <summary>The pilot's KPIs per arm and period, each KPI's effect, and the method behind the intervals.</summary>
public sealed record PilotReport(PilotDesign Design, IReadOnlyList<ArmPeriodKpis> Arms, IReadOnlyList<KpiEffect> Effects, IReadOnlyList<KpiRow> TeamWeeks, DidOptions Options)
{
    public double Level => Options.Level;
}

/// <summary>
/// Estimates a pilot's effect on the four KPIs as a difference-in-differences over team-weeks (treatment minus control,
/// pilot weeks minus baseline weeks; the week the pilot starts in is left out), with small-cluster intervals (CR2 by
/// default), a randomisation test over team assignments, and a verdict per KPI from Holm-adjusted p-values. The panel is
/// the published team-weeks (after disclosure control), so the effects reveal nothing the dashboard does not. Given a
/// counterfactual data folder (the same simulation without the interventions), it also measures the true effect.
/// </summary>
public static class PilotStudy
{
    public static PilotReport Analyse(DataFolder actual, DataFolder? counterfactual = null, PilotOptions? options = null)
    {
        options ??= new PilotOptions();
        var (design, published) = Publish(actual, options.MinGroupSize);
        return FromPublished(published, design, counterfactual is null ? null : CounterfactualWeeks(counterfactual), options);
    }

    /// <summary>The design and every published KPI of a pilot's data folder, in one read of its events.</summary>
    public static (PilotDesign Design, PublishedKpis Published) Publish(DataFolder actual, int minGroupSize)
    {
        var (first, last) = actual.EventDays() ?? throw new DataValidationException(
            new RowLocation(actual.FileOf("events") ?? "events", 0, 0, "timestamp"), "the data folder has no events");
        var design = PilotDesign.From(actual, first);
        if (design.BaselineEnd < first || design.FirstPilotWeek > last)
            throw new DataValidationException(new RowLocation(actual.FileOf("interventions") ?? "interventions", 0, 0, "start"),
                $"the pilot starts {design.PilotStart:yyyy-MM-dd}: the data ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}) need a whole week before it and one from its start");
        return (design, PublishedKpis.Compute(actual, new KpiOptions { MinGroupSize = minGroupSize }, design.Windows(last)));
    }

    /// <summary>The counterfactual's team-weeks (simulated data about no one: no suppression).</summary>
    public static IReadOnlyList<KpiRow> CounterfactualWeeks(DataFolder counterfactual) =>
        KpiCalculator.Compute(counterfactual.Employees(), counterfactual.Events(), ItemLevels.FromRatings(counterfactual.Ratings()),
            new KpiOptions { GroupBy = "team", Period = PeriodKind.Week, MinGroupSize = 1 }).Rows;

    /// <summary>The analysis from published KPIs (shared with the dashboard) and, when simulated, the counterfactual's team-weeks.</summary>
    public static PilotReport FromPublished(PublishedKpis published, PilotDesign design, IReadOnlyList<KpiRow>? counterfactualWeeks, PilotOptions options)
    {
        var teamWeeks = published.TeamWeeks.Rows;
        var arms = new List<ArmPeriodKpis>();
        foreach (var (period, report) in new[] { ("baseline", published.ArmBaseline), ("pilot", published.ArmPilot) })
            if (report is not null) arms.AddRange(report.Rows.Where(r => r.Group != "other").Select(r => new ArmPeriodKpis(r.Group, period, r)));
        var effects = new List<KpiEffect>();
        foreach (var kpi in KpiNames.All)
        {
            var panel = Panel(teamWeeks, design, kpi);
            var truth = counterfactualWeeks is null ? null : TrueEffect(panel, teamWeeks, counterfactualWeeks, design, kpi);
            PermutationResult? randomisation = null;
            try
            {
                var cells = panel.Select(o => (o.Treated, o.Post)).Distinct().Count();
                randomisation = cells == 4 ? PermutationTest.DifferenceInDifferences(panel) : null;   // every arm before and after
                if (TooFewTeams(panel) is { } why) throw new ArgumentException(why);
                effects.Add(new KpiEffect(kpi, DifferenceInDifferences.Estimate(panel, options.DidOptions), truth, randomisation));
            }
            catch (ArgumentException ex)
            {
                effects.Add(new KpiEffect(kpi, null, truth, randomisation, NotEstimable: $"not estimable: {ex.Message}"));
            }
        }
        var holm = MultipleTesting.Holm(effects.Select(e => e.Did?.P ?? double.NaN).ToArray());
        var alpha = 1 - options.DidOptions.Level;
        effects = effects.Select((e, i) => e with
        {
            HolmP = double.IsNaN(holm[i]) ? null : holm[i],
            Detected = !double.IsNaN(holm[i]) && holm[i] < alpha,
        }).ToList();
        return new PilotReport(design, arms, effects, teamWeeks, options.DidOptions);
    }

    /// <summary>
    /// With one team in an arm, that team's own shocks and the coaching cannot be told apart, and no cluster-robust interval
    /// holds its level (Conley &amp; Taber 2011, REStat 93(1); measured: CR2 rejects a true null 17% of the time at 5% in a
    /// 1 + 3 design, docs/benchmarks.md): the effect is reported as not estimable, beside the randomisation test.
    /// </summary>
    static string? TooFewTeams(List<DidObservation> panel)
    {
        var treated = panel.Where(o => o.Treated).Select(o => o.Cluster).Distinct().Count();
        var control = panel.Where(o => !o.Treated).Select(o => o.Cluster).Distinct().Count();
        return treated >= 2 && control >= 2 ? null
            : $"{treated} treated and {control} control team(s) with published weeks; an interval that keeps its 95% promise needs at least two teams in each arm";
    }

    /// <summary>
    /// Published team-weeks of the two arms: baseline weeks end before the week the pilot starts in, pilot weeks start on or
    /// after its first whole week; each observation carries its week for two-way fixed effects.
    /// </summary>
    public static List<DidObservation> Panel(IEnumerable<KpiRow> teamWeeks, PilotDesign design, Kpi kpi) =>
        teamWeeks
            .Where(r => !r.Suppressed && r.Value(kpi).HasValue && design.ArmOf(r.Group) != "other")
            .Where(r => r.PeriodStart <= design.BaselineEnd || r.PeriodStart >= design.FirstPilotWeek)
            .Select(r => new DidObservation(r.Group, design.ArmOf(r.Group) == "treatment", r.PeriodStart >= design.FirstPilotWeek, r.Value(kpi)!.Value,
                r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The mean, over the panel's treated pilot team-weeks, of the KPI with the interventions minus without them.</summary>
    static double? TrueEffect(List<DidObservation> panel, IReadOnlyList<KpiRow> actual, IReadOnlyList<KpiRow> counterfactual, PilotDesign design, Kpi kpi)
    {
        var cf = counterfactual.ToDictionary(r => (r.Group, r.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        var diffs = panel.Where(o => o.Treated && o.Post)
            .Where(o => cf.TryGetValue((o.Cluster, o.Period), out var c) && c.Value(kpi).HasValue)
            .Select(o => o.Value - cf[(o.Cluster, o.Period)].Value(kpi)!.Value)
            .ToList();
        return diffs.Count == 0 ? null : diffs.Average();
    }
}
