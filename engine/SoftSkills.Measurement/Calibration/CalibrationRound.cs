namespace SoftSkills.Measurement.Calibration;

/// <summary>
/// An auto-coded item with its stratum (team and first language, or whatever the caller groups by) and, when the coder
/// gives one, its confidence in its own call "level ≥ 2" or "level &lt; 2" (0.5–1).
/// </summary>
public sealed record AutoItem(string ItemId, int Level, string Stratum, double? Confidence = null);

/// <summary>A human label of an item.</summary>
public sealed record HumanLabel(string ItemId, int Level, string? Reviewer, DateTime? ReviewedAt);

/// <summary>A round's result: the new state, what the round found, the items sent to human review next, and the new items the coder labelled itself.</summary>
public sealed record CalibrationOutcome(CalibrationState State, RoundRecord Round, IReadOnlyList<ReviewRecord> Sample, IReadOnlyList<AutoItem> AutoLabelled);

/// <summary>
/// One round of blended sampling (docs/design.md §5). Precision of "level ≥ Competent" is measured on the human-reviewed items
/// the coder called Competent or better: while calibrating, over every review since calibration (re)started; while
/// auditing, over the previous round's audits. Human labels of auto-coded items that were never requested (a first batch
/// labelled before any round, or extra reviews) become reviews of this round and count in it.
/// <para>
/// Without confidences, calibration switches to audits once precision exceeds the bar on at least the minimum number of
/// such items, and a share of all new items is audited. With confidences (selective prediction), each round chooses the
/// confidence above which the coder labels items itself (<see cref="ConfidenceRouting"/>, with its risk guarantee);
/// calibration switches to audits once a threshold exists for its positive or its negative calls and at least the minimum
/// number of items were reviewed; in audit mode every call below its threshold (every positive call, when only negatives
/// earned one) goes to a human, and a share of those above it is audited. Either way an
/// audit whose precision is clearly below the bar (its Wilson interval's upper end under it), or a threshold that no
/// longer holds, sends the loop back to calibrating. New items are sampled stratum by stratum, so that every stratum with
/// new items has at least one reviewed.
/// </para>
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
                return new ReviewRecord(a.ItemId, round, a.Stratum, policy.RubricVersion, l.Reviewer.Length == 0 ? null : l.Reviewer, l.At, l.Level, a.Level,
                    a.Confidence, ReviewReasons.Given);
            }).ToList();
        reviews.AddRange(given);

        var counted = (state.Mode == CalibrationMode.Calibrating
            ? reviews.Where(r => r.Round >= state.ModeSinceRound && r.Round < round)
            : reviews.Where(r => r.Round == round - 1 && r.Reason == ReviewReasons.Audit)).Concat(given);
        var positives = counted.Where(r => r.HumanLevel is not null && r.AutoLevel >= policy.CompetentLevel).ToList();
        var precision = WilsonInterval.Of(positives.Count(r => r.HumanLevel >= policy.CompetentLevel), positives.Count);
        // An audit fails when the auto-labelled calls it checked are clearly below the bar: the positive calls' precision, or
        // the negative calls' agreement (the share truly below Competent), with the upper end of its Wilson interval under it.
        var audited = counted.Where(r => r.HumanLevel is not null && r.AutoLevel < policy.CompetentLevel && r.Reason == ReviewReasons.Audit).ToList();
        var negativeAgreement = WilsonInterval.Of(audited.Count(r => r.HumanLevel < policy.CompetentLevel), audited.Count);
        var auditFailed = state.Mode == CalibrationMode.Auditing
            && (precision.Trials > 0 && precision.Upper < policy.PrecisionBar || negativeAgreement.Trials > 0 && negativeAgreement.Upper < policy.PrecisionBar);

        var routed = auto.Any(a => a.Confidence is not null);
        var routing = routed ? ConfidenceRouting.Choose(reviews.Where(r => r.RubricVersion == policy.RubricVersion), policy.CompetentLevel, policy.PrecisionBar, policy.RiskLevel) : null;
        var reviewed = reviews.Count(r => r.HumanLevel is not null && r.Round >= state.ModeSinceRound);
        var next = (state.Mode, routing) switch
        {
            (CalibrationMode.Calibrating, null) when precision.Trials >= policy.MinimumReviewed && precision.Value > policy.PrecisionBar => CalibrationMode.Auditing,
            (CalibrationMode.Calibrating, { } r) when r.Routes && reviewed >= policy.MinimumReviewed => CalibrationMode.Auditing,
            (CalibrationMode.Auditing, { Routes: false }) => CalibrationMode.Calibrating,
            (CalibrationMode.Auditing, _) when auditFailed => CalibrationMode.Calibrating,
            _ => state.Mode,
        };

        var seen = new HashSet<string>(state.SeenItems, StringComparer.Ordinal);
        foreach (var g in given) seen.Add(g.ItemId);   // already reviewed: never sampled again
        var fresh = auto.Where(a => seen.Add(a.ItemId)).ToList();
        var auditing = next == CalibrationMode.Auditing;
        var share = auditing ? policy.AuditShare : policy.ReviewShare;
        bool Confident(AutoItem a) => routing is not null && a.Confidence is { } c && (a.Level >= policy.CompetentLevel
            ? routing.PositiveThreshold is { } tp && c >= tp - 1e-12
            : routing.NegativeThreshold is { } tn && c >= tn - 1e-12);
        // In audit mode with routing, the coder keeps only its confident calls; the rest all go to people.
        var belowThreshold = auditing && routing is not null ? fresh.Where(a => !Confident(a)).ToList() : [];
        var pool = auditing && routing is not null ? fresh.Where(Confident).ToList() : fresh;
        var reason = auditing ? ReviewReasons.Audit : ReviewReasons.Calibration;
        var sample = belowThreshold.Select(a => Review(a, round, policy, ReviewReasons.BelowThreshold)).ToList();
        var strata = fresh.GroupBy(a => a.Stratum).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var stratum in pool.GroupBy(a => a.Stratum).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = stratum.OrderBy(a => a.ItemId, StringComparer.Ordinal).ToArray();
            var take = Math.Max(1, (int)Math.Ceiling(share * items.Length - 1e-9));
            new Random(StableSeed(policy.Seed, round, stratum.Key)).Shuffle(items);
            sample.AddRange(items.Take(take).OrderBy(a => a.ItemId, StringComparer.Ordinal).Select(a => Review(a, round, policy, reason)));
        }
        sample = [.. sample.OrderBy(r => r.Stratum, StringComparer.Ordinal).ThenBy(r => r.ItemId, StringComparer.Ordinal)];
        var sampledIds = sample.Select(r => r.ItemId).ToHashSet(StringComparer.Ordinal);
        var autoLabelled = fresh.Where(a => !sampledIds.Contains(a.ItemId)).ToList();

        var record = new RoundRecord(round, now, state.Mode, next, precision.Trials, precision.Successes,
            precision.Value, precision.Lower, precision.Upper, fresh.Count, sample.Count, share, strata.Count,
            auditing ? routing?.PositiveThreshold : null, auditing ? routing?.NegativeThreshold : null, routing?.PositivePrecision, autoLabelled.Count);
        var newState = state with
        {
            Mode = next,
            ModeSinceRound = next == state.Mode ? state.ModeSinceRound : round,
            Rounds = [.. state.Rounds, record],
            Reviews = [.. reviews, .. sample],
            SeenItems = [.. state.SeenItems, .. given.Select(g => g.ItemId), .. fresh.Select(a => a.ItemId)],
        };
        return new CalibrationOutcome(newState, record, sample, autoLabelled);
    }

    static ReviewRecord Review(AutoItem a, int round, CalibrationPolicy policy, string reason) =>
        new(a.ItemId, round, a.Stratum, policy.RubricVersion, null, null, null, a.Level, a.Confidence, reason);

    /// <summary>A seed from (seed, round, stratum) that is the same on every machine and process (FNV-1a, not string.GetHashCode).</summary>
    static int StableSeed(int seed, int round, string stratum)
    {
        var h = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes($"{seed}/{round}/{stratum}")) h = (h ^ b) * 1099511628211UL;
        return (int)(h ^ (h >> 32));
    }
}
