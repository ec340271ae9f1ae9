using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SoftSkills.Simulation.Output;

/// <summary>A file of a simulation's output: its row count and SHA-256.</summary>
public sealed record ManifestFile(
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("sha256")] string Sha256);

/// <summary>What a simulation wrote and from what (docs/design.md §10 <c>simulate</c> output).</summary>
public sealed record Manifest
{
    [JsonPropertyName("files")] public required SortedDictionary<string, ManifestFile> Files { get; init; }
    [JsonPropertyName("seed")] public required ulong Seed { get; init; }
    [JsonPropertyName("scenario")] public required string Scenario { get; init; }
    [JsonPropertyName("scenario_sha256")] public required string ScenarioSha256 { get; init; }
    [JsonPropertyName("engine")] public required string Engine { get; init; }
    [JsonPropertyName("version")] public string Version { get; init; } = ToolVersion;
    [JsonPropertyName("employees")] public required int Employees { get; init; }
    [JsonPropertyName("teams")] public required int Teams { get; init; }
    [JsonPropertyName("days")] public required int Days { get; init; }
    [JsonPropertyName("start_date")] public required string StartDate { get; init; }
    [JsonPropertyName("baseline_days")] public required int BaselineDays { get; init; }
    [JsonPropertyName("pilot_days")] public required int PilotDays { get; init; }

    /// <summary>Columns the simulator guarantees unique (its event ids): readers trust this while the file keeps its SHA-256.</summary>
    [JsonPropertyName("unique_ids")] public SortedDictionary<string, string> UniqueIds { get; init; } = new() { ["events.parquet"] = "event_id" };

    public static string ToolVersion { get; } =
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Manifest Read(string path) => JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: not a manifest");
}
