namespace SoftSkills.Measurement.Calibration;

/// <summary>
/// What a state file read back must satisfy before a round runs on it: every field present, levels on the rubric, shares
/// and confidences within [0, 1], rounds numbered in order. The policy keeps the ranges the <c>calibrate</c> options allow.
/// </summary>
static class CalibrationStateRules
{
    /// <summary>The first broken rule as "json.path: rule", or null when the state is sound.</summary>
    public static string? FirstBroken(CalibrationState? s)
    {
        if (s is null) return "(root): must be a calibration state object";
        if (s.Policy is not { } p) return Missing("policy");
        if (!(double.IsFinite(p.PrecisionBar) && p.PrecisionBar is >= 0.01 and <= 0.99)) return "policy.precision_bar: must be a number between 0.01 and 0.99";
        if (p.MinimumReviewed is < 1 or > 1_000_000) return "policy.minimum_reviewed: must be between 1 and 1,000,000";
        if (!(double.IsFinite(p.ReviewShare) && p.ReviewShare is >= 0.001 and <= 1)) return "policy.review_share: must be a number between 0.001 and 1";
        if (!(double.IsFinite(p.AuditShare) && p.AuditShare is >= 0.001 and <= 1)) return "policy.audit_share: must be a number between 0.001 and 1";
        if (p.CompetentLevel is < 1 or > 3) return "policy.competent_level: must be a rubric level 1–3";
        if (!(double.IsFinite(p.RiskLevel) && p.RiskLevel is > 0 and < 0.5)) return "policy.risk_level: must be a number between 0 and 0.5 (exclusive)";
        if (string.IsNullOrWhiteSpace(p.RubricVersion)) return Missing("policy.rubric_version");
        if (!Enum.IsDefined(s.Mode)) return "mode: must be \"calibrating\" or \"auditing\"";
        if (s.Rounds is null) return Missing("rounds");
        if (s.Reviews is null) return Missing("reviews");
        if (s.SeenItems is null) return Missing("seen_items");
        if (s.ModeSinceRound < 1 || s.ModeSinceRound > s.Rounds.Count + 1) return $"mode_since_round: must be between 1 and {s.Rounds.Count + 1} (the next round)";
        for (var i = 0; i < s.Rounds.Count; i++)
        {
            var r = s.Rounds[i];
            if (r is null) return Missing($"rounds[{i}]");
            if (r.Round != i + 1) return $"rounds[{i}].round: must be {i + 1} (rounds are numbered in order from 1)";
        }
        for (var i = 0; i < s.Reviews.Count; i++)
            if (Broken(s.Reviews[i], s.Rounds.Count + 1) is { } rule) return $"reviews[{i}]{rule}";
        for (var i = 0; i < s.SeenItems.Count; i++)
            if (string.IsNullOrEmpty(s.SeenItems[i])) return $"seen_items[{i}]: must be an item id";
        return null;
    }

    static string? Broken(ReviewRecord? r, int nextRound)
    {
        if (r is null) return ": must be a review object";
        if (string.IsNullOrEmpty(r.ItemId)) return ".item_id: must be an item id";
        if (r.Round < 1 || r.Round > nextRound) return $".round: must be between 1 and {nextRound}";
        if (r.Stratum is null) return ".stratum: is missing";
        if (string.IsNullOrWhiteSpace(r.RubricVersion)) return ".rubric_version: is missing";
        if (r.HumanLevel is < 0 or > 3) return ".human_level: must be a rubric level 0–3 or null (not reviewed yet)";
        if (r.AutoLevel is < 0 or > 3) return ".auto_level: must be a rubric level 0–3";
        if (r.Confidence is { } c && !(double.IsFinite(c) && c is >= 0 and <= 1)) return ".confidence: must be a number between 0 and 1 or null";
        if (r.Reason is not (ReviewReasons.Calibration or ReviewReasons.BelowThreshold or ReviewReasons.Audit or ReviewReasons.Given))
            return $".reason: must be {ReviewReasons.Calibration}, {ReviewReasons.BelowThreshold}, {ReviewReasons.Audit} or {ReviewReasons.Given}";
        return null;
    }

    /// <summary>
    /// What kind of value a field takes, by its name (the serializer names the record, not the field, when a constructor
    /// parameter has the wrong kind); null for a path that ends in no known field.
    /// </summary>
    public static string? Expected(string path) => System.Text.RegularExpressions.Regex.Match(path, @"([a-z_]+)(\[\d+\])?$") switch
    {
        { Success: false } => null,
        { Groups: var g } when g[2].Success => g[1].Value == "seen_items" ? "must be an item id (a string)" : "must be an object",
        { Groups: var g } => g[1].Value switch
        {
            "item_id" or "stratum" or "rubric_version" or "reviewer" or "reason" => "must be a string",
            "round" or "mode_since_round" or "minimum_reviewed" or "competent_level" or "seed" or "human_level" or "auto_level"
                or "precision_trials" or "precision_successes" or "new_items" or "sampled" or "strata" or "auto_labelled"
                or "successes" or "trials" => "must be a whole number",
            "reviewed_at" or "decided_at" => "must be a UTC time (ISO 8601, e.g. 2026-01-05T09:30:00Z)",
            "precision_bar" or "review_share" or "audit_share" or "risk_level" or "confidence" or "precision" or "lower" or "upper"
                or "threshold" or "negative_threshold" or "value" or "auto_share" => "must be a number",
            "mode" or "next_mode" => "must be \"calibrating\" or \"auditing\"",
            "policy" or "routed_precision" => "must be an object",
            "rounds" or "reviews" or "seen_items" => "must be a list",
            _ => null,
        },
    };

    static string Missing(string path) => $"{path}: is missing";
}
