namespace SoftSkills.Measurement.Calibration;

/// <summary>An auto-coded item with its stratum (team and first language, or whatever the caller groups by).</summary>
public sealed record AutoItem(string ItemId, int Level, string Stratum);

/// <summary>A human label of an item.</summary>
public sealed record HumanLabel(string ItemId, int Level, string? Reviewer, DateTime? ReviewedAt);

/// <summary>A round's result: the new state, what the round found, and the items sent to human review next.</summary>
public sealed record CalibrationOutcome(CalibrationState State, RoundRecord Round, IReadOnlyList<ReviewRecord> Sample);

/// <summary>
/// One round of blended sampling (docs/design.md §5). Precision of "level ≥ Competent" is measured on the human-reviewed items
/// the coder called Competent or better: while calibrating, over every review since calibration (re)started; while
/// auditing, over the previous round's audit sample. Calibration switches to audits once precision exceeds the bar on at
/// least the minimum number of such items, and back when an audit falls below it. The next sample is drawn from the items
/// not seen before, stratum by stratum, so that every stratum with new items has at least one reviewed. Human labels of
/// auto-coded items that were never requested (a first batch labelled before any round, or extra reviews) become reviews
/// of this round and count in it.
/// </summary>
public static class CalibrationRound
{
    public static CalibrationOutcome Run(CalibrationState state, IReadOnlyList<AutoItem> auto, IReadOnlyList<HumanLabel> human, DateTime now)
    {
        var policy = state.Policy;
        var round = state.Rounds.Count + 1;
        var labels = human.GroupBy(h => h.ItemId).ToDictionary(g => g.Key, g =>
        {
            var levels = g.Select(h => h.Level).Order().ToArray();
            return (Level: levels[(levels.Length - 1) / 2], // lower median, as RES does for several raters
                Reviewer: string.Join(";", g.Select(h => h.Reviewer).Where(r => r is not null).Distinct()),
                At: g.Max(h => h.ReviewedAt));
        });
        var reviews = state.Reviews.Select(r => labels.TryGetValue(r.ItemId, out var l)
            ? r with { HumanLevel = l.Level, Reviewer = l.Reviewer.Length == 0 ? null : l.Reviewer, ReviewedAt = l.At }
            : r).ToList();

        var requested = new HashSet<string>(state.Reviews.Select(r => r.ItemId), StringComparer.Ordinal);
        var given = auto.Where(a => !requested.Contains(a.ItemId) && labels.ContainsKey(a.ItemId)).DistinctBy(a => a.ItemId)
            .Select(a =>
            {
                var l = labels[a.ItemId];
                return new ReviewRecord(a.ItemId, round, a.Stratum, policy.RubricVersion, l.Reviewer.Length == 0 ? null : l.Reviewer, l.At, l.Level, a.Level);
            }).ToList();
        reviews.AddRange(given);
        var counted = (state.Mode == CalibrationMode.Calibrating
            ? reviews.Where(r => r.Round >= state.ModeSinceRound && r.Round < round)
            : reviews.Where(r => r.Round == round - 1)).Concat(given);
        var positives = counted.Where(r => r.HumanLevel is not null && r.AutoLevel >= policy.CompetentLevel).ToList();
        var precision = WilsonInterval.Of(positives.Count(r => r.HumanLevel >= policy.CompetentLevel), positives.Count);

        var next = state.Mode switch
        {
            CalibrationMode.Calibrating when precision.Trials >= policy.MinimumReviewed && precision.Value > policy.PrecisionBar => CalibrationMode.Auditing,
            CalibrationMode.Auditing when precision.Trials > 0 && precision.Value < policy.PrecisionBar => CalibrationMode.Calibrating,
            _ => state.Mode,
        };

        var seen = new HashSet<string>(state.SeenItems, StringComparer.Ordinal);
        foreach (var g in given) seen.Add(g.ItemId);   // already reviewed: never sampled again
        var fresh = auto.Where(a => seen.Add(a.ItemId)).ToList();
        var share = next == CalibrationMode.Calibrating ? policy.ReviewShare : policy.AuditShare;
        var sample = new List<ReviewRecord>();
        var strata = fresh.GroupBy(a => a.Stratum).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var stratum in strata)
        {
            var items = stratum.OrderBy(a => a.ItemId, StringComparer.Ordinal).ToArray();
            var take = Math.Max(1, (int)Math.Ceiling(share * items.Length - 1e-9));
            new Random(StableSeed(policy.Seed, round, stratum.Key)).Shuffle(items);
            sample.AddRange(items.Take(take).OrderBy(a => a.ItemId, StringComparer.Ordinal)
                .Select(a => new ReviewRecord(a.ItemId, round, a.Stratum, policy.RubricVersion, null, null, null, a.Level)));
        }

        var record = new RoundRecord(round, now, state.Mode, next, precision.Trials, precision.Successes,
            precision.Value, precision.Lower, precision.Upper, fresh.Count, sample.Count, share, strata.Count);
        var newState = state with
        {
            Mode = next,
            ModeSinceRound = next == state.Mode ? state.ModeSinceRound : round,
            Rounds = [.. state.Rounds, record],
            Reviews = [.. reviews, .. sample],
            SeenItems = [.. state.SeenItems, .. given.Select(g => g.ItemId), .. fresh.Select(a => a.ItemId)],
        };
        return new CalibrationOutcome(newState, record, sample);
    }

    /// <summary>A seed from (seed, round, stratum) that is the same on every machine and process (FNV-1a, not string.GetHashCode).</summary>
    static int StableSeed(int seed, int round, string stratum)
    {
        var h = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes($"{seed}/{round}/{stratum}")) h = (h ^ b) * 1099511628211UL;
        return (int)(h ^ (h >> 32));
    }
}
