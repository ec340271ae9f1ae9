using Deedle;
using SoftSkills.Analysis.Pilot;
using SoftSkills.Analysis.Reliability;
using SoftSkills.Analysis.Roi;
using SoftSkills.Data.Files;
using SoftSkills.Data.Schema;
using SoftSkills.Measurement.Kpis;

namespace SoftSkills.Reporting.Frames;

/// <summary>
/// The tables of a data folder and the project's result tables as Deedle frames (rows numbered from 0, columns named as
/// in the files and JSON outputs), for exploring in notebooks: filter, group and pivot with Deedle's own operations.
/// Withheld values are missing values, never numbers.
/// </summary>
public static class DataFrames
{
    /// <summary>The employees, one column per field and attribute.</summary>
    public static Frame<int, string> Employees(DataFolder folder)
    {
        var people = folder.Employees();
        var frame = Tables.Of(people.Select(e => new { employee_id = e.EmployeeId, team_id = e.TeamId, manager_id = e.ManagerId, role = e.Role, tenure_months = e.TenureMonths }));
        foreach (var column in folder.AttributeColumns())
            frame.AddColumn(column, new Series<int, string>(Enumerable.Range(0, people.Count), people.Select(e => e.Attribute(column) ?? "").ToArray()));
        return frame;
    }

    /// <summary>The first <paramref name="maxRows"/> events (the log can be far larger than a notebook wants in memory).</summary>
    public static Frame<int, string> Events(DataFolder folder, int maxRows = 100_000) =>
        Tables.Of(folder.Events().Take(maxRows).Select(e => new
        {
            event_id = e.EventId, timestamp = e.Timestamp, kind = EnumNames.Of(e.Kind), actor_id = e.ActorId, counterpart_id = e.CounterpartId,
            team_id = e.TeamId, channel = EnumNames.Of(e.Channel), decision_type = e.DecisionType, outcome = e.Outcome is { } o ? EnumNames.Of(o) : null,
            handoff_accepted = e.HandoffAccepted, context_complete = e.ContextComplete, reworked = e.Reworked, has_text = e.Text is not null,
        }));

    /// <summary>The ratings.</summary>
    public static Frame<int, string> Ratings(DataFolder folder) =>
        Tables.Of(folder.Ratings().Select(r => new { item_id = r.ItemId, rater_id = r.RaterId, rater_kind = EnumNames.Of(r.RaterKind), kpi = EnumNames.Of(r.Kpi), indicator = r.Indicator, score = r.Score, rated_at = r.RatedAt }));

    /// <summary>The outcomes (nps, csat, manager ratings, ...).</summary>
    public static Frame<int, string> Outcomes(DataFolder folder) =>
        Tables.Of(folder.Outcomes().Select(o => new { subject_id = o.SubjectId, subject_kind = EnumNames.Of(o.SubjectKind), date = o.Date.ToDateTime(TimeOnly.MinValue), metric = o.Metric, value = o.Value }));

    /// <summary>KPI rows: one per group and period, with n, people and the reason a value is withheld.</summary>
    public static Frame<int, string> Kpis(KpiReport report) =>
        Tables.Of(report.Rows.Select(r => new
        {
            group = r.Group, period_start = r.PeriodStart.ToDateTime(TimeOnly.MinValue), employees = r.Employees, suppressed = r.Suppressed,
            res = r.Res, res_n = r.ResN, ci = r.Ci, ci_n = r.CiN, dqr = r.Dqr, dqr_n = r.DqrN, hsr = r.Hsr, hsr_n = r.HsrN,
            withheld = r.Suppressed ? $"fewer than {report.MinGroupSize} people" : string.Join("; ", (r.Withheld ?? new Dictionary<Kpi, string>()).Select(w => $"{EnumNames.Of(w.Key)}: {w.Value}")),
        }));

    /// <summary>A pilot's effects: estimate, interval, p, Holm p, verdict, randomisation test, true effect.</summary>
    public static Frame<int, string> Effects(PilotReport report) =>
        Tables.Of(report.Effects.Select(e => new
        {
            kpi = KpiNames.Title(e.Kpi), estimate = e.Did?.Estimate, lower = e.Did?.Lower, upper = e.Did?.Upper, p = e.Did?.P, holm_p = e.HolmP,
            verdict = e.Did is null ? e.NotEstimable : e.Detected ? "detected" : "not detected",
            permutation_p = e.Randomisation?.P, smallest_possible_p = e.Randomisation?.SmallestP, true_effect = e.TrueEffect,
        }));

    /// <summary>The pilot's arms per period.</summary>
    public static Frame<int, string> Arms(PilotReport report) =>
        Tables.Of(report.Arms.Select(a => new { arm = a.Arm, period = a.Period, employees = a.Row.Employees, res = a.Row.Res, ci = a.Row.Ci, dqr = a.Row.Dqr, hsr = a.Row.Hsr }));

    /// <summary>The six Shrout–Fleiss ICC forms.</summary>
    public static Frame<int, string> Icc(IccResult icc) =>
        Tables.Of(icc.Forms.Select(f => new { form = f.Name, value = f.Value, f = f.F, df1 = f.Df1, df2 = f.Df2, p = f.P, lower = f.Lower, upper = f.Upper }));

    /// <summary>The monthly cash flows of an ROI result.</summary>
    public static Frame<int, string> RoiFlows(RoiResult result) =>
        Tables.Of(result.Months.Select(m => new { month = m.Month, benefit = m.Benefit, software = m.Software, implementation = m.Implementation, coaching = m.Coaching, review = m.Review, net = m.Net, cumulative_net = m.CumulativeNet }));

    /// <summary>Several ROI scenarios side by side.</summary>
    public static Frame<int, string> RoiSummary(IEnumerable<RoiAnalysis> analyses) =>
        Tables.Of(analyses.Select(a => new
        {
            scenario = a.Result.Name, break_even_month = a.Result.BreakEvenMonth, roi_percent = a.Result.RoiPercent, roi_percent_discounted = a.Result.DiscountedRoiPercent,
            benefit_cost_ratio = a.Result.BenefitCostRatio, npv = a.Result.Npv, break_even_p10 = a.MonteCarlo?.BreakEvenP10, break_even_p50 = a.MonteCarlo?.BreakEvenP50,
            break_even_p90 = a.MonteCarlo?.BreakEvenP90, probability_break_even = a.MonteCarlo?.ProbabilityBreakEven, probability_loss = a.MonteCarlo?.ProbabilityLoss,
        }));
}
