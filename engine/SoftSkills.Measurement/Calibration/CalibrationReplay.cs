namespace SoftSkills.Measurement.Calibration;

/// <summary>An auto-coded item that arrives in a period, with the human level a reviewer would give it.</summary>
public sealed record ReplayItem(AutoItem Item, int Period, int HumanLevel);

/// <summary>
/// Replays the calibration loop over items whose human levels are known (EPITOME, or simulated raters): one round per
/// period, and a human label revealed only for the items a round sends to review, as a real team would work.
/// </summary>
public static class CalibrationReplay
{
    public static CalibrationState Run(IReadOnlyList<ReplayItem> items, CalibrationPolicy policy, DateTime start)
    {
        var state = CalibrationState.New(policy);
        var human = items.ToDictionary(i => i.Item.ItemId, i => i.HumanLevel, StringComparer.Ordinal);
        var labels = new List<HumanLabel>();
        var periods = items.Select(i => i.Period).Distinct().Order().ToList();
        var arrived = new List<AutoItem>();
        foreach (var period in periods)
        {
            arrived.AddRange(items.Where(i => i.Period == period).Select(i => i.Item));
            var at = start.AddDays(7 * (period - periods[0]));
            var outcome = CalibrationRound.Run(state, arrived, labels, at);
            state = outcome.State;
            labels.AddRange(outcome.Sample.Select(s => new HumanLabel(s.ItemId, human[s.ItemId], "replay", at.AddDays(1))));
        }
        // A last round judges the final period's reviews.
        return CalibrationRound.Run(state, arrived, labels, start.AddDays(7 * periods.Count)).State;
    }
}
