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
    int Seed = 1);

/// <summary>One item sent to human review: when, in which round, under which rubric version, and (once known) by whom.</summary>
public sealed record ReviewRecord(string ItemId, int Round, string Stratum, string RubricVersion, string? Reviewer, DateTime? ReviewedAt, int? HumanLevel, int AutoLevel);

/// <summary>What one round found and decided.</summary>
public sealed record RoundRecord(
    int Round, DateTime DecidedAt, CalibrationMode Mode, CalibrationMode NextMode, int PrecisionTrials, int PrecisionSuccesses,
    double Precision, double Lower, double Upper, int NewItems, int Sampled, double ReviewShare, int Strata);

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

    /// <summary>Reads a state file; a malformed one is a <see cref="JsonException"/> naming the file.</summary>
    public static CalibrationState Load(string path)
    {
        try { return JsonSerializer.Deserialize<CalibrationState>(SoftSkills.Data.Files.TextFiles.ReadAllText(path), Json) ?? throw new JsonException("empty state"); }
        catch (JsonException ex) { throw new JsonException($"{path}: not a calibration state file ({ex.Message})", ex); }
    }
}
