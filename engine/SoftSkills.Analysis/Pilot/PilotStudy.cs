using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
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
        if (treatment.Count == 0 || control.Count == 0)
            throw new InvalidDataException("the interventions table must name at least one treatment and one control team");
        return new PilotDesign(treatment, control, firstDay, rows.Min(i => i.Start), rows.Max(i => i.End));
    }

    public string ArmOf(string team) => TreatmentTeams.Contains(team) ? "treatment" : ControlTeams.Contains(team) ? "control" : "other";
}

/// <summary>One KPI's estimated pilot effect with its randomisation test, and the true effect where a counterfactual run exists.</summary>
public sealed record KpiEffect(Kpi Kpi, DidResult Did, double? TrueEffect, PermutationResult? Randomisation = null);

/// <summary>A KPI of one arm in one period (baseline or pilot).</summary>
public sealed record ArmPeriodKpis(string Arm, string Period, KpiRow Row);

/// <summary>The pilot's KPIs per arm and period, and each KPI's effect.</summary>
public sealed record PilotReport(PilotDesign Design, IReadOnlyList<ArmPeriodKpis> Arms, IReadOnlyList<KpiEffect> Effects, IReadOnlyList<KpiRow> TeamWeeks);

/// <summary>
/// Estimates a pilot's effect on the four KPIs as a difference-in-differences over team-weeks (treatment minus control,
/// pilot minus baseline) with team-clustered intervals. Given a counterfactual data folder (the same simulation without
/// the interventions, on common random numbers), it also measures the true effect the estimate should recover.
/// </summary>
public static class PilotStudy
{
    public static PilotReport Analyse(DataFolder actual, DataFolder? counterfactual = null, int minGroupSize = 5)
    {
        var employees = actual.Employees();
        var levels = ItemLevels.FromRatings(actual.Ratings());
        var weekly = KpiCalculator.Compute(employees, actual.Events(), levels,
            new KpiOptions { GroupBy = "team", Period = PeriodKind.Week, MinGroupSize = minGroupSize });
        var design = PilotDesign.From(actual, weekly.FirstDay ?? throw new InvalidDataException("the data folder has no events"));
        var arms = ArmKpis(actual, design, minGroupSize);
        List<KpiRow>? cfWeeks = null;
        if (counterfactual is not null)
        {
            cfWeeks = KpiCalculator.Compute(counterfactual.Employees(), counterfactual.Events(), ItemLevels.FromRatings(counterfactual.Ratings()),
                new KpiOptions { GroupBy = "team", Period = PeriodKind.Week, MinGroupSize = minGroupSize }).Rows.ToList();
        }
        var effects = new List<KpiEffect>();
        foreach (var kpi in KpiNames.All)
        {
            var panel = Panel(weekly.Rows, design, kpi);
            effects.Add(new KpiEffect(kpi, DifferenceInDifferences.Estimate(panel), cfWeeks is null ? null : TrueEffect(weekly.Rows, cfWeeks, design, kpi),
                PermutationTest.DifferenceInDifferences(panel)));
        }
        return new PilotReport(design, arms, effects, weekly.Rows);
    }

    /// <summary>Team-weeks of the two arms; a week is in the pilot when it starts on or after the pilot's first day.</summary>
    public static List<DidObservation> Panel(IEnumerable<KpiRow> teamWeeks, PilotDesign design, Kpi kpi) =>
        teamWeeks
            .Where(r => !r.Suppressed && r.Value(kpi).HasValue && design.ArmOf(r.Group) != "other")
            .Where(r => !StraddlesStart(r, design))
            .Select(r => new DidObservation(r.Group, design.ArmOf(r.Group) == "treatment", r.PeriodStart >= design.PilotStart, r.Value(kpi)!.Value))
            .ToList();

    /// <summary>A week that begins before the pilot and ends after its start mixes both periods: it is left out.</summary>
    static bool StraddlesStart(KpiRow r, PilotDesign design) => r.PeriodStart < design.PilotStart && r.PeriodStart.AddDays(7) > design.PilotStart;

    /// <summary>The mean, over treated team-weeks of the pilot, of the KPI with the interventions minus without them.</summary>
    static double? TrueEffect(IReadOnlyList<KpiRow> actual, IReadOnlyList<KpiRow> counterfactual, PilotDesign design, Kpi kpi)
    {
        var cf = counterfactual.Where(r => !r.Suppressed).ToDictionary(r => (r.Group, r.PeriodStart));
        var diffs = actual
            .Where(r => !r.Suppressed && design.ArmOf(r.Group) == "treatment" && r.PeriodStart >= design.PilotStart && r.Value(kpi).HasValue)
            .Where(r => cf.TryGetValue((r.Group, r.PeriodStart), out var c) && c.Value(kpi).HasValue)
            .Select(r => r.Value(kpi)!.Value - cf[(r.Group, r.PeriodStart)].Value(kpi)!.Value)
            .ToList();
        return diffs.Count == 0 ? null : diffs.Average();
    }

    /// <summary>The four KPIs of each arm in the baseline and the pilot period.</summary>
    static List<ArmPeriodKpis> ArmKpis(DataFolder folder, PilotDesign design, int minGroupSize)
    {
        var employees = folder.Employees();
        var grouping = new Grouping(employees, "arm", e => design.ArmOf(e.TeamId));
        var levels = ItemLevels.FromRatings(folder.Ratings());
        var result = new List<ArmPeriodKpis>();
        foreach (var (period, from, to) in new[] { ("baseline", design.FirstDay, design.PilotStart.AddDays(-1)), ("pilot", design.PilotStart, design.LastDay) })
        {
            var report = KpiCalculator.Compute(grouping, folder.Events(), levels,
                new KpiOptions { GroupBy = "arm", Period = PeriodKind.Window, From = from, To = to, MinGroupSize = minGroupSize });
            result.AddRange(report.Rows.Where(r => r.Group != "other").Select(r => new ArmPeriodKpis(r.Group, period, r)));
        }
        return result;
    }
}
