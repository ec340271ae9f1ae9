namespace SoftSkills.Measurement.Calibration;

/// <summary>An auto-coded item that arrives in a period, with the human level a reviewer would give it.</summary>
public sealed record ReplayItem(AutoItem Item, int Period, int HumanLevel);

/// <summary>
/// What a replay of the loop shows: the round from which the coder was trusted (audits), the share of items it labelled
/// itself once trusted, and how right it was on those items by the held-out human levels: its level-≥-2 calls
/// (precision), its level-&lt;-2 calls (the share truly below Competent), and all of them (agreement on which side of
/// Competent an item lies, which is what RES counts).
/// </summary>
public sealed record ReplayResult(CalibrationState State, int? AuditModeReachedRound, int ItemsInAuditRounds, int AutoLabelledInAuditRounds,
    Proportion PrecisionAuto, Proportion NegativeAgreementAuto, Proportion AgreementAuto, int Reviewed)
{
    /// <summary>The share of the items arriving in audit mode that the coder labelled without review (null before audit mode).</summary>
    public double? AutoShare => ItemsInAuditRounds == 0 ? null : (double)AutoLabelledInAuditRounds / ItemsInAuditRounds;
}

/// <summary>
/// Replays the calibration loop over items whose human levels are known (EPITOME, or simulated raters): one round per
/// period, and a human label revealed only for the items a round sends to review, as a real team would work.
/// </summary>
public static class CalibrationReplay
{
    public static CalibrationState Run(IReadOnlyList<ReplayItem> items, CalibrationPolicy policy, DateTime start) => Replay(items, policy, start).State;

    public static ReplayResult Replay(IReadOnlyList<ReplayItem> items, CalibrationPolicy policy, DateTime start)
    {
        var state = CalibrationState.New(policy);
        var human = items.ToDictionary(i => i.Item.ItemId, i => i.HumanLevel, StringComparer.Ordinal);
        var labels = new List<HumanLabel>();
        var periods = items.Select(i => i.Period).Distinct().Order().ToList();
        var arrived = new List<AutoItem>();
        var trusted = new List<AutoItem>();
        var (inAudit, reviewed) = (0, 0);
        foreach (var period in periods)
        {
            arrived.AddRange(items.Where(i => i.Period == period).Select(i => i.Item));
            var at = start.AddDays(7 * (period - periods[0]));
            var outcome = CalibrationRound.Run(state, arrived, labels, at);
            state = outcome.State;
            if (outcome.Round.NextMode == CalibrationMode.Auditing)
            {
                inAudit += outcome.Round.NewItems;
                trusted.AddRange(outcome.AutoLabelled);
            }
            reviewed += outcome.Sample.Count;
            labels.AddRange(outcome.Sample.Select(s => new HumanLabel(s.ItemId, human[s.ItemId], "replay", at.AddDays(1))));
        }
        // A last round judges the final period's reviews.
        state = CalibrationRound.Run(state, arrived, labels, start.AddDays(7 * periods.Count)).State;
        var competent = policy.CompetentLevel;
        var positive = trusted.Where(a => a.Level >= competent).ToList();
        var negative = trusted.Where(a => a.Level < competent).ToList();
        return new ReplayResult(state, state.Rounds.FirstOrDefault(r => r.NextMode == CalibrationMode.Auditing)?.Round, inAudit, trusted.Count,
            WilsonInterval.Of(positive.Count(a => human[a.ItemId] >= competent), positive.Count),
            WilsonInterval.Of(negative.Count(a => human[a.ItemId] < competent), negative.Count),
            WilsonInterval.Of(trusted.Count(a => a.Level >= competent == human[a.ItemId] >= competent), trusted.Count), reviewed);
    }
}
