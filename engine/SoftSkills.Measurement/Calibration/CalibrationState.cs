using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoftSkills.Measurement.Calibration;

/// <summary>Heavy human review until the coder is precise enough, then periodic audits.</summary>
public enum CalibrationMode { Calibrating, Auditing }

/// <summary>The rules of blended sampling (docs/design.md §5), fixed in the state file at its first round.</summary>
public sealed record CalibrationPolicy(
    double PrecisionBar = 0.8,
    int MinimumReviewed = 100,
    double ReviewShare = 0.9,
    double AuditShare = 0.05,
    int CompetentLevel = 2,
    string RubricVersion = "res/1",
    int Seed = 1,
    double RiskLevel = 0.05);

/// <summary>Why an item went to a human: the heavy review of calibration, the coder's confidence below its threshold, an audit of an auto-labelled item, or a label handed in unasked.</summary>
public static class ReviewReasons
{
    public const string Calibration = "calibration", BelowThreshold = "below_threshold", Audit = "audit", Given = "given";
}

/// <summary>
/// One item sent to human review: when, in which round, why, under which rubric version, the coder's level and confidence,
/// and (once known) the human level and reviewer.
/// </summary>
public sealed record ReviewRecord(string ItemId, int Round, string Stratum, string RubricVersion, string? Reviewer, DateTime? ReviewedAt, int? HumanLevel, int AutoLevel,
    double? Confidence = null, string Reason = ReviewReasons.Calibration);

/// <summary>What one round found and decided.</summary>
/// <summary>
/// What one round found and decided. With confidences, <see cref="Threshold"/> and <see cref="NegativeThreshold"/> are
/// the confidence above which the coder's level-≥-2 and level-&lt;-2 calls go unreviewed from this round on (null: all
/// reviewed), <see cref="RoutedPrecision"/> the precision of the reviewed positive calls above the threshold, and
/// <see cref="AutoLabelled"/> how many of the new items the coder labelled itself.
/// </summary>
public sealed record RoundRecord(
    int Round, DateTime DecidedAt, CalibrationMode Mode, CalibrationMode NextMode, int PrecisionTrials, int PrecisionSuccesses,
    double Precision, double Lower, double Upper, int NewItems, int Sampled, double ReviewShare, int Strata,
    double? Threshold = null, double? NegativeThreshold = null, Proportion? RoutedPrecision = null, int AutoLabelled = 0)
{
    /// <summary>The share of the round's new items labelled without review (the coder's coverage).</summary>
    public double AutoShare => NewItems == 0 ? 0 : (double)AutoLabelled / NewItems;
}

/// <summary>The resumable, auditable state of the calibration loop: its policy, every round and every review request.</summary>
public sealed record CalibrationState(
    CalibrationPolicy Policy,
    CalibrationMode Mode,
    int ModeSinceRound,
    IReadOnlyList<RoundRecord> Rounds,
    IReadOnlyList<ReviewRecord> Reviews,
    IReadOnlyList<string> SeenItems)
{
    public static CalibrationState New(CalibrationPolicy policy) => new(policy, CalibrationMode.Calibrating, 1, [], [], []);

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // precision is NaN before any review
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Reads a state file. A malformed or inconsistent one (a hand edit, a truncated copy) is an
    /// <see cref="InvalidDataException"/> naming the file, the JSON path and the rule, never a half-read state.
    /// </summary>
    public static CalibrationState Load(string path)
    {
        var file = Path.GetFileName(path);
        var text = SoftSkills.Data.Files.TextFiles.ReadAllText(path);
        CalibrationState? state;
        try
        {
            using (SoftSkills.Data.Files.JsonText.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false })) { }
            state = JsonSerializer.Deserialize<CalibrationState>(text, Json);
        }
        catch (JsonException ex) when (!ex.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{file}: (root): {SoftSkills.Data.Files.JsonErrors.Describe(ex)}");
        }
        catch (JsonException ex)
        {
            var at = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
            throw new InvalidDataException($"{file}: {(at.Length == 0 ? "(root)" : at)}: {CalibrationStateRules.Expected(at) ?? SoftSkills.Data.Files.JsonErrors.Expected(ex)}");
        }
        if (CalibrationStateRules.FirstBroken(state) is { } broken) throw new InvalidDataException($"{file}: {broken}");
        return state!;
    }
}
